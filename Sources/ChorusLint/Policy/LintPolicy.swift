/// How strictly one audience's drafts are checked: a severity per category and an allow list.
public struct LintPolicy: Sendable, Equatable {
    public var severities: [FindingCategory: Severity]
    /// Terms never reported for this audience (matched case-insensitively against the finding's
    /// matched text or the phrasebook entry's term), e.g. "rollback" for engineering.
    public var allow: [String]
    /// Maximum draft length in characters, checked as a `length` finding; nil for no limit.
    public var lengthLimit: Int?
    /// Severities for single rules, which take precedence over their category's: engineering may
    /// discuss a vendor's outage (`third-party-blame` off) while blaming people stays an error.
    public var rules: [String: Severity]

    public init(severities: [FindingCategory: Severity], allow: [String] = [], lengthLimit: Int? = nil,
                rules: [String: Severity] = [:]) {
        self.severities = severities
        self.allow = allow
        self.lengthLimit = lengthLimit
        self.rules = rules
    }

    /// The severity of a finding of `rule` in `category`: the rule's own setting, else the category's.
    public func severity(of category: FindingCategory, rule: String) -> Severity {
        rules[rule] ?? severity(of: category)
    }

    /// The severity of `category`. Categories a policy does not set fall back to a documented
    /// default: `labelled-speculation` follows `speculation`, `cadence` is off, `suppression` is a
    /// warning, and anything else is an error.
    public func severity(of category: FindingCategory) -> Severity {
        if let set = severities[category] { return set }
        switch category {
        case .labelledSpeculation: return severity(of: .speculation)
        case .cadence: return .off
        case .suppression: return .warning
        default: return .error
        }
    }

    /// Every category an error: the policy for text with no audience.
    public static let strict = LintPolicy(severities: Dictionary(
        uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }
    ))
}
