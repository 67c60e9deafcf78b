/// What the phrasebook-driven rules share: turning kept phrase matches of a category into
/// findings with the entry's message, suggestion and (for unambiguous substitutions) fix.
enum PhraseRuleSupport {
    static func findings(of category: FindingCategory, rule: String, _ context: RuleContext,
                         into findings: inout [RawFinding], adjust: ((inout RawFinding) -> Void)? = nil) {
        guard let matches = context.document.matches[category] else { return }
        let phrasebook = context.phrasebook
        for match in matches {
            let entry = phrasebook.entries[match.entry]
            let text = context.document.text(match.start, match.end)
            let suggestion = entry.suggestions.isEmpty ? nil : entry.suggestions.joined(separator: " / ")
            var finding = RawFinding(
                rule: rule, category: category, start: match.start, end: match.end,
                message: phrasebook.messages[match.entry].render(match: text, suggestion: suggestion),
                suggestion: suggestion, fix: nil, term: entry.phrase)
            if phrasebook.fixable[match.entry], let substitute = entry.suggestions.first,
               normalized(text) == normalized(entry.phrase) {
                finding.fix = cased(substitute, like: text, atSentenceStart: isSentenceStart(match.start, context.document.bytes))
            }
            adjust?(&finding)
            findings.append(finding)
        }
    }

    /// Lowercase, `’` as `'`, runs of whitespace as one space.
    static func normalized(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `replacement` capitalized when the match was (`Rollback` → `Undo…`), or when an acronym
    /// stood at the start of a sentence.
    static func cased(_ replacement: String, like match: String, atSentenceStart: Bool) -> String {
        guard let first = match.first, first.isUppercase else { return replacement }
        let letters = match.filter(\.isLetter)
        let acronym = letters.count > 1 && letters.allSatisfy(\.isUppercase)
        guard !acronym || atSentenceStart else { return replacement }
        return replacement.prefix(1).uppercased() + replacement.dropFirst()
    }

    private static func isSentenceStart(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        var k = offset - 1
        while k >= 0, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "*") || bytes[k] == UInt8(ascii: "_") { k -= 1 }
        guard k >= 0 else { return true }
        return ".!?\n:>-#".utf8.contains(bytes[k])
    }
}
