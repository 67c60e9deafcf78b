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
        SpeculationRule(), EtaRule(), PromiseRule(), JargonRule(), BlameRule(), MinimizingRule(),
        InternalTermRule(), InternalIdentifierRule(), HostAddressRule(), ComponentNameRule(),
        LengthRule(), MissingCadenceRule(), UnusedSuppressionRule(),
    ]

    /// The descriptions of every rule.
    public static var rules: [RuleDescription] { allRules.map(\.description) }

    /// The rule with `id`, if any.
    public static func rule(_ id: String) -> RuleDescription? { rules.first { $0.id == id } }

    /// Findings in text order. Severities come from `policy`; categories it turns off are not
    /// reported, nor are terms on its allow list. `componentNames` are the internal names to
    /// look for, with their public names as suggestions.
    public func lint(_ text: String, policy: LintPolicy, componentNames: [ComponentName] = []) -> [Finding] {
        let document = Document(text, phrasebook: phrasebook)
        let context = RuleContext(text: text, document: document, phrasebook: phrasebook, policy: policy,
                                  components: componentNames)
        var raw: [RawFinding] = []
        for rule in Linter.allRules where rule.description.categories.contains(where: { policy.severity(of: $0) != .off }) {
            rule.check(context, into: &raw)
        }
        raw = Linter.preferComponentNames(raw)
        let parsed = SuppressionDirective.parse(document.regions, bytes: document.bytes)
        var offsets: [Int] = []
        offsets.reserveCapacity(raw.count * 2 + parsed.directives.count * 2)
        for finding in raw { offsets.append(finding.start); offsets.append(finding.end) }
        for directive in parsed.directives {
            offsets.append(directive.start); offsets.append(directive.end)
            for target in directive.targets { offsets.append(target.start); offsets.append(target.end) }
        }
        for malformed in parsed.malformed { offsets.append(malformed.start); offsets.append(malformed.end) }
        let locations = TextLocator.locate(offsets, in: document.bytes)
        raw = Linter.applySuppressions(parsed, to: raw, policy: policy, locations: locations)

        let allowed = Set(policy.allow.map { $0.lowercased() })
        var findings: [Finding] = []
        findings.reserveCapacity(raw.count)
        for finding in raw {
            let severity = policy.severity(of: finding.category)
            guard severity != .off else { continue }
            let match = document.text(finding.start, finding.end)
            if !allowed.isEmpty, finding.category != .suppression,
               allowed.contains(match.lowercased()) || allowed.contains(finding.term?.lowercased() ?? "") { continue }
            guard let start = locations[finding.start], let end = locations[finding.end] else { continue }
            findings.append(Finding(
                rule: finding.rule, category: finding.category, severity: severity, message: finding.message,
                match: match, start: start.offset, end: end.offset, line: start.line, column: start.column,
                suggestion: finding.suggestion, fix: finding.fix))
        }
        findings.sort { ($0.start, $0.end, $0.rule) < ($1.start, $1.end, $1.rule) }
        return findings
    }

    /// An internal name that is also a component's internal name is reported once, with the
    /// component's public name.
    private static func preferComponentNames(_ raw: [RawFinding]) -> [RawFinding] {
        let claimed = raw.filter { $0.rule == "component-name" }
        guard !claimed.isEmpty else { return raw }
        return raw.filter { finding in
            finding.category != .internalName || finding.rule == "component-name"
                || !claimed.contains { $0.start < finding.end && finding.start < $0.end }
        }
    }

    /// Drops findings on lines a directive covers, then reports directives (and targets) that
    /// covered nothing, unless the policy turns their category off.
    static func applySuppressions(_ parsed: (directives: [SuppressionDirective], malformed: [SuppressionDirective.Malformed]),
                                  to raw: [RawFinding], policy: LintPolicy,
                                  locations: [Int: ScalarLocation]) -> [RawFinding] {
        let rule = "unused-suppression"
        let known = Set(FindingCategory.allCases.map(\.rawValue) + rules.map(\.id))
        var result: [RawFinding] = []
        // Line each directive covers, and which of its targets were used.
        var covered: [Int: [(directive: Int, target: Int)]] = [:]
        var used: [[Bool]] = []
        var unusedFindings: [RawFinding] = []
        for (index, directive) in parsed.directives.enumerated() {
            used.append(Array(repeating: false, count: directive.targets.count))
            let line: Int
            switch directive.scope {
            case .line: line = locations[directive.start]?.line ?? 0
            case .nextLine: line = (locations[directive.end]?.line ?? 0) + 1
            }
            for (k, target) in directive.targets.enumerated() {
                if known.contains(target.name) {
                    covered[line, default: []].append((index, k))
                } else {
                    used[index][k] = true // reported below as unknown, not as unused
                    var message = "'\(target.name)' is not a category or rule"
                    if let near = NameSuggestion.closest(to: target.name, among: known.sorted()) {
                        message += "; did you mean '\(near)'?"
                    }
                    let whole = directive.targets.count == 1
                    unusedFindings.append(RawFinding(
                        rule: rule, category: .suppression,
                        start: whole ? directive.start : target.start, end: whole ? directive.end : target.end,
                        message: message, suggestion: nil, fix: nil, term: nil))
                }
            }
        }
        for finding in raw {
            guard let line = locations[finding.start]?.line, let slots = covered[line] else {
                result.append(finding)
                continue
            }
            var suppressed = false
            for slot in slots {
                let name = parsed.directives[slot.directive].targets[slot.target].name
                if name == finding.category.rawValue || name == finding.rule
                    || (name == FindingCategory.speculation.rawValue && finding.category == .labelledSpeculation) {
                    used[slot.directive][slot.target] = true
                    suppressed = true
                }
            }
            if !suppressed { result.append(finding) }
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
                unusedFindings.append(RawFinding(
                    rule: rule, category: .suppression, start: directive.start, end: directive.end,
                    message: "'\(directive.scope.rawValue) \(names)' suppressed nothing; remove it",
                    suggestion: nil, fix: nil, term: nil))
            } else {
                for k in unused {
                    let target = directive.targets[k]
                    unusedFindings.append(RawFinding(
                        rule: rule, category: .suppression, start: target.start, end: target.end,
                        message: "'\(target.name)' in '\(directive.scope.rawValue)' suppressed nothing; remove it",
                        suggestion: nil, fix: nil, term: nil))
                }
            }
        }
        for malformed in parsed.malformed {
            unusedFindings.append(RawFinding(rule: rule, category: .suppression, start: malformed.start, end: malformed.end,
                                             message: malformed.message, suggestion: nil, fix: nil, term: nil))
        }
        return result + unusedFindings
    }
}
