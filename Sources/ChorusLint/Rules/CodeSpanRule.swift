/// Code written into a message for readers outside engineering: `privatek8s`, `kubectl
/// rollout`. Code spans are skipped by the phrase rules (so an example command cannot trigger
/// them), but code itself means nothing to a customer.
struct CodeSpanRule: Rule {
    let description = RuleDescription(
        id: "code-in-text",
        name: "Code in text",
        categories: [.internalName],
        summary: "Finds code spans (`…`) in a message: 'the `privatek8s` cluster', 'run `fly scale count`'.",
        rationale: """
            A reader outside engineering cannot act on a command, a cluster name or a flag. Name \
            what they see instead. Not reported: a code span that holds only a URL or a public \
            address (`status.example.com`), a version number (`1.2.11`), a punctuation mark, or a \
            name of the organization's vocabulary; internal names inside code are reported once, \
            by the internal-name rules.
            """,
        triggeringExamples: [
            RuleExample("The `↓privatek8s` cluster was upgraded."),
            RuleExample("Run `↓fly scale count 2` to add capacity."),
            RuleExample("Agents with labels `↓maven` and `↓jdk17` fail to start."),
        ],
        nonTriggeringExamples: [
            RuleExample("Visit `status.example.com` for updates."),
            RuleExample("Upgrade to `1.2.11` or later."),
            RuleExample("The `payments-api` service is down.", policy: LintPolicy(severities: [.internalName: .error, .jargon: .off])),
            RuleExample("Plain text without code."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let document = context.document
        let reported = IntervalSet(document.internalNames.map(\.range))
        let wording = FindingWording(rule: description.id,
                                     template: MessageTemplate("'{match}' is code; readers outside engineering cannot act on it"),
                                     suggestion: "name what the reader sees instead")
        for span in document.regions.codeSpans {
            var start = span.lowerBound, end = span.upperBound
            while start < end, document.bytes[start] == UInt8(ascii: " ") { start += 1 }
            while end > start, document.bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end > start, !reported.overlaps(start, end), !document.internalNameExceptions.overlaps(start, end) else { continue }
            let text = document.text(start, end)
            guard CodeSpanRule.needsReport(text, phrasebook: context.phrasebook) else { continue }
            findings.append(wording, category: .internalName, start: start, end: end, match: text, term: text)
        }
    }

    /// Whether a code span's text is worth reporting: it has a letter, and is not a URL, a public
    /// address or a version number.
    static func needsReport(_ text: String, phrasebook: Phrasebook) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return false }
        // v1.2.3, 1.2.11
        let version = lower.hasPrefix("v") ? lower.dropFirst() : Substring(lower)
        if !version.isEmpty, version.allSatisfy({ $0.isNumber || $0 == "." }) { return false }
        // A public address: a dotted name no internal label marks.
        if !text.contains(Character(" ")), text.contains(Character(".")), text.contains(where: \.isLetter),
           InternalNameShape.classify(text, identifierParts: phrasebook.identifierParts, hostLabels: phrasebook.hostLabels) == nil,
           text.split(separator: ".").count >= 2, text.split(separator: ".").last.map({ $0.allSatisfy(\.isLetter) }) == true {
            return false
        }
        return true
    }
}
