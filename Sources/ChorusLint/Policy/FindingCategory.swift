/// What kind of problem a finding is. Audience policies set a severity per category.
public enum FindingCategory: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Guessing at causes: "probably the database", "we suspect".
    case speculation
    /// Speculation inside a section labelled `Hypothesis:`, `Unconfirmed:` or `Theory:`.
    case labelledSpeculation = "labelled-speculation"
    /// A time by which something will be fixed: "within the hour", "by 14:00 UTC".
    case eta
    /// Guarantees: "this will not happen again", "we guarantee".
    case promise
    /// Technical terms a reader outside engineering may not know, with plain substitutes.
    case jargon
    /// Blaming a person, a team or a vendor: "human error", "careless".
    case blame
    /// Language that plays the impact down: "just a minor bug", "a small blip".
    case minimizing
    /// Internal identifiers: service names, hostnames, IP addresses, internal component names.
    case internalName = "internal-name"
    /// A draft longer than the audience's limit.
    case length
    /// A draft that does not say when the next update comes.
    case cadence
    /// An inline `chorus-disable-…` comment that suppressed nothing.
    case suppression

    /// The categories every audience policy must set explicitly.
    public static let required: [FindingCategory] = [
        .speculation, .eta, .promise, .jargon, .blame, .minimizing, .internalName, .length,
    ]

    public static func < (lhs: FindingCategory, rhs: FindingCategory) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The category's index in `allCases`, for tables indexed by category.
    var ordinal: Int {
        switch self {
        case .speculation: 0
        case .labelledSpeculation: 1
        case .eta: 2
        case .promise: 3
        case .jargon: 4
        case .blame: 5
        case .minimizing: 6
        case .internalName: 7
        case .length: 8
        case .cadence: 9
        case .suppression: 10
        }
    }
}

/// How much a finding matters under a policy.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    /// Not reported at all.
    case off
}
