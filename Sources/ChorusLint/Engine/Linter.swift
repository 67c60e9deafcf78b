import ChorusSupport

/// Lints any text — a rendered draft or a reply a person wrote — against the phrasebook and an
/// audience's policy.
///
/// ```swift
/// let phrasebook = try Phrasebook.load(from: Phrasebook.sourceCheckoutDirectory)
/// let findings = Linter(phrasebook: phrasebook).lint(draft, policy: audience.policy)
/// ```
public struct Linter: Sendable {
    public let phrasebook: Phrasebook

    public init(phrasebook: Phrasebook) {
        self.phrasebook = phrasebook
    }

    /// Every rule, in the order `--list-rules` prints them.
    static let allRules: [any Rule] = [
        SpeculationRule(), EtaRule(), PromiseRule(), JargonRule(), BlameRule(), ThirdPartyBlameRule(), MinimizingRule(),
        InternalTermRule(), InternalIdentifierRule(), HostAddressRule(), ComponentNameRule(), CodeSpanRule(),
        LengthRule(), MissingCadenceRule(), UnusedSuppressionRule(),
    ]

    /// Every rule with its categories, read once.
    static let ruleCategories: [(rule: any Rule, categories: [FindingCategory])] = allRules.map { ($0, $0.description.categories) }

    /// The rule that reports a category's matches when a section names none.
    static let mainRule: [FindingCategory: String] = [
        .speculation: "speculation-cue", .eta: "eta-estimate", .promise: "promise-guarantee", .jargon: "plain-language",
        .blame: "blame-language", .minimizing: "minimizing-language", .internalName: "internal-term",
    ]

    /// The rules that report phrasebook matches, with the categories they report.
    static var phraseRules: [RuleDescription] {
        let rules: [any Rule] = [SpeculationRule(), EtaRule(), PromiseRule(), JargonRule(), BlameRule(), ThirdPartyBlameRule(),
                                 MinimizingRule(), InternalTermRule()]
        return rules.map(\.description)
    }

    /// The descriptions of every rule.
    public static var rules: [RuleDescription] { allRules.map(\.description) }

    /// The rule with `id`, if any.
    public static func rule(_ id: String) -> RuleDescription? { rules.first { $0.id == id } }

    /// Findings in text order. Severities come from `policy`; categories it turns off are not
    /// reported, nor are terms on its allow list. `componentNames` are the internal names to
    /// look for, with their public names as suggestions. `vocabulary` adds the organization's own
    /// product and brand names for this call (never jargon, never internal names), as an
    /// `[accept]` section of the phrasebook does.
    public func lint(_ text: String, policy: LintPolicy, componentNames: [ComponentName] = [],
                     vocabulary: [String] = []) -> [Finding] {
        let document = Document(text, phrasebook: phrasebook, accepted: Linter.compileVocabulary(vocabulary))
        let context = RuleContext(text: text, document: document, phrasebook: phrasebook, policy: policy,
                                  components: componentNames)
        let severities = FindingCategory.allCases.map { policy.severity(of: $0) }
        var raw = RawFindings()
        for (rule, categories) in Linter.ruleCategories
        where categories.contains(where: { policy.severity(of: $0, rule: rule.description.id) != .off }) {
            rule.check(context, into: &raw)
        }
        let locator = TextLocator(document.bytes, lineStarts: document.regions.lineStarts, isASCII: document.regions.isASCII)
        if !componentNames.isEmpty { Linter.preferComponentNames(&raw) }
        Linter.preferInternalNames(&raw)
        let parsed = SuppressionDirective.parse(document.regions, bytes: document.bytes)
        if !parsed.directives.isEmpty || !parsed.malformed.isEmpty {
            Linter.applySuppressions(parsed, to: &raw, policy: policy, document: document, locator: locator)
        }
        let allowed = Set(policy.allow.map { $0.lowercased() })
        // The findings kept are moved to the front of the rules' own array (no second array of
        // findings: a long text can have millions), then put in text order in place.
        var findings: [Finding] = []
        swap(&findings, &raw.findings)
        var kept = 0
        var line = 1
        for k in findings.indices {
            var finding = findings[k]
            var severity = policy.rules[finding.rule] ?? severities[finding.category.ordinal]
            if severity != .off, !allowed.isEmpty, finding.category != .suppression,
               allowed.contains(finding.match.lowercased()) || allowed.contains(raw.terms[k]?.lowercased() ?? "") {
                severity = .off
            }
            guard severity != .off else { continue }
            finding.severity = severity
            let start = locator.locate(finding.start, near: &line)
            var endLine = line
            let end = finding.end == finding.start ? start : locator.locate(finding.end, near: &endLine)
            finding.start = start.offset
            finding.end = end.offset
            finding.line = start.line
            finding.column = start.column
            findings[kept] = finding
            kept += 1
        }
        findings.removeLast(findings.count - kept)
        Linter.sortInTextOrder(&findings)
        return findings
    }

    /// Puts findings in text order; for findings at the same place, rule id, then the order rules
    /// reported them (the standard library's sort is stable).
    static func sortInTextOrder(_ findings: inout [Finding]) {
        findings.sort { x, y in (x.start, x.end, x.rule) < (y.start, y.end, y.rule) }
    }

    /// Vocabulary terms as phrases: the words as written (and a plural), case ignored.
    static func compileVocabulary(_ terms: [String]) -> [VocabularyPhrase] {
        terms.compactMap { VocabularyPhrase($0) }
    }

    /// A term reported as an internal name is not reported again as jargon.
    private static func preferInternalNames(_ raw: inout RawFindings) {
        let names = IntervalSet(raw.findings.filter { $0.category == .internalName }.map { $0.start..<$0.end })
        guard !names.isEmpty else { return }
        raw.keep { !($0.category == .jargon && names.overlaps($0.start, $0.end)) }
    }

    /// An internal name that is also a component's internal name is reported once, with the
    /// component's public name.
    private static func preferComponentNames(_ raw: inout RawFindings) {
        let claimed = raw.findings.filter { $0.rule == "component-name" }.map { $0.start..<$0.end }
        guard !claimed.isEmpty else { return }
        raw.keep { finding in
            !(finding.category == .internalName && finding.rule != "component-name"
              && claimed.contains { $0.overlaps(finding.start..<finding.end) })
        }
    }

    /// Removes findings on lines a directive covers, then reports directives (and targets) that
    /// covered nothing, unless the policy turns their category off.
    static func applySuppressions(_ parsed: (directives: [SuppressionDirective], malformed: [SuppressionDirective.Malformed]),
                                  to raw: inout RawFindings, policy: LintPolicy, document: Document, locator: TextLocator) {
        let rule = "unused-suppression"
        let known = Set(FindingCategory.allCases.map(\.rawValue) + rules.map(\.id))
        var reports = RawFindings()
        func report(_ start: Int, _ end: Int, _ message: String) {
            reports.append(rule: rule, category: .suppression, start: start, end: end, match: document.text(start, end),
                           message: message, suggestion: nil, term: nil)
        }
        // The line each directive covers, and which of its targets were used.
        var covered: [Int: [(directive: Int, target: Int)]] = [:]
        var used: [[Bool]] = []
        for (index, directive) in parsed.directives.enumerated() {
            used.append(Array(repeating: false, count: directive.targets.count))
            let line: Int
            switch directive.scope {
            case .line: line = locator.locate(directive.start).line
            case .nextLine: line = locator.locate(directive.end).line + 1
            }
            for (k, target) in directive.targets.enumerated() {
                if known.contains(target.name) {
                    covered[line, default: []].append((index, k))
                } else {
                    used[index][k] = true // reported here as unknown, not as unused
                    var message = "'\(target.name)' is not a category or rule"
                    if let near = NameSuggestion.closest(to: target.name, among: known.sorted()) {
                        message += "; did you mean '\(near)'?"
                    }
                    let whole = directive.targets.count == 1
                    report(whole ? directive.start : target.start, whole ? directive.end : target.end, message)
                }
            }
        }
        raw.keep { candidate in
            var suppressed = false
            if let slots = covered[locator.locate(candidate.start).line] {
                for slot in slots {
                    let name = parsed.directives[slot.directive].targets[slot.target].name
                    if name == candidate.category.rawValue || name == candidate.rule
                        || (name == FindingCategory.speculation.rawValue && candidate.category == .labelledSpeculation) {
                        used[slot.directive][slot.target] = true
                        suppressed = true
                    }
                }
            }
            return !suppressed
        }
        for (index, directive) in parsed.directives.enumerated() {
            let unused = directive.targets.indices.filter { k in
                guard !used[index][k] else { return false }
                // Suppressions of what this policy never reports are not stale for it.
                let name = directive.targets[k].name
                let categories = FindingCategory(rawValue: name).map { [$0] } ?? rules.first { $0.id == name }?.categories ?? []
                return categories.contains { policy.severity(of: $0) != .off }
            }
            guard !unused.isEmpty else { continue }
            if unused.count == directive.targets.count {
                let names = unused.map { directive.targets[$0].name }.joined(separator: ", ")
                report(directive.start, directive.end, "'\(directive.scope.rawValue) \(names)' suppressed nothing; remove it")
            } else {
                for k in unused {
                    let target = directive.targets[k]
                    report(target.start, target.end, "'\(target.name)' in '\(directive.scope.rawValue)' suppressed nothing; remove it")
                }
            }
        }
        for malformed in parsed.malformed { report(malformed.start, malformed.end, malformed.message) }
        raw.findings += reports.findings
        raw.terms += reports.terms
    }
}
