/// The kinds of section a phrasebook file holds: `[KIND CATEGORY]`.
enum SectionKind: String, CaseIterable {
    case existence, substitution, pattern, exception, negation, cadence, stock, define, accept
    case identifierParts = "identifier-parts"
    case hostLabels = "host-labels"

    var entryKind: PhrasebookEntry.Kind? { PhrasebookEntry.Kind(rawValue: rawValue) }

    /// What follows the kind in the header.
    enum Argument { case none, category, categoryOrAll, name }

    var argument: Argument {
        switch self {
        case .existence, .substitution, .pattern, .negation: return .category
        case .exception: return .categoryOrAll
        case .define: return .name
        case .cadence, .stock, .identifierParts, .hostLabels, .accept: return .none
        }
    }

    /// Whether entries may use `{placeholders}` and gaps (cue lists and substitutions are words).
    var allowsPlaceholders: Bool { self != .existence && self != .substitution }

    /// Whether the section may carry `when:` / `unless:` conditions.
    var allowsConditions: Bool {
        switch self {
        case .existence, .substitution, .pattern, .exception, .cadence: true
        default: false
        }
    }

    /// Whether entries may carry `=> suggestion`.
    var allowsSuggestions: Bool { self == .existence || self == .substitution || self == .pattern }

    /// Whether the section needs a `message:` line.
    var needsMessage: Bool { entryKind?.reports ?? false }

    /// The categories the phrase rules report; the others are computed by the engine.
    static let phraseCategories: [FindingCategory] = [
        .speculation, .eta, .promise, .jargon, .blame, .minimizing, .internalName,
    ]
}

/// A section as read: its header and the entries under it.
struct ParsedSection {
    var kind: SectionKind
    var category: FindingCategory?
    /// The macro name of a `[define NAME]` section.
    var name: String?
    var message: String?
    var suggestion: String?
    /// The rule that reports the section's matches (`rule: third-party-blame`); nil for the
    /// category's main rule.
    var rule: String?
    var ruleLocation: PhrasebookLocation?
    /// `when:` (true) and `unless:` (false) lines, as written, with where they stand.
    var conditions: [(expected: Bool, text: [Unicode.Scalar], location: PhrasebookLocation)] = []
    var location: PhrasebookLocation
    var entries: [ParsedLine] = []
}

/// An entry line as read, split into phrase and suggestions.
struct ParsedLine {
    var phrase: [Unicode.Scalar]
    var suggestions: [String]
    var location: PhrasebookLocation
}
