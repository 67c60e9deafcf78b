/// Where something was written in the phrasebook.
public struct PhrasebookLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One line of the phrasebook that the engine matches against text.
public struct PhrasebookEntry: Sendable, Equatable {
    /// What a match of the entry does, in the manner of Vale's rule types.
    public enum Kind: String, Sendable, CaseIterable {
        /// A cue phrase: each match is a finding.
        case existence
        /// A term with plain substitutes: each match is a finding suggesting them; `--fix` applies
        /// a single substitute to the term written exactly as listed.
        case substitution
        /// Like existence, with placeholders for times and durations (`by {time}`).
        case pattern
        /// Cancels every match of its category (or of all categories) that it overlaps.
        case exception
        /// Cancels matches of its category that follow it in the same clause ("we do *not* believe").
        case negation
        /// Says when the next update comes: satisfies the `cadence` requirement and cancels the
        /// ETA matches it overlaps ("next update in 30 minutes").
        case cadence
        /// Approved wording: never reported, whatever it contains.
        case stock
        /// The organization's own vocabulary (product and brand names): never jargon, never an
        /// internal name.
        case accept

        /// Whether a match of this kind is reported.
        public var reports: Bool { self == .existence || self == .substitution || self == .pattern }
    }

    public var kind: Kind
    /// The category reported or cancelled; nil for exceptions to every category, cadence and stock.
    public var category: FindingCategory?
    /// The phrase as written, with its pattern syntax.
    public var phrase: String
    /// Plain substitutes (substitution) or advice (existence, pattern); empty when none.
    public var suggestions: [String]
    /// The message of the entry's section, with `{match}` and `{suggestion}` still in it.
    public var message: String?
    /// The conditions of the entry's section, as written (`unless past`, `when clause has {fix}`).
    public var conditions: [String]
    /// The rule that reports the entry's matches when its section names one; nil for the
    /// category's main rule.
    public var rule: String?
    public var location: PhrasebookLocation

    public init(kind: Kind, category: FindingCategory?, phrase: String, suggestions: [String] = [],
                message: String? = nil, conditions: [String] = [], rule: String? = nil, location: PhrasebookLocation) {
        self.kind = kind
        self.category = category
        self.phrase = phrase
        self.suggestions = suggestions
        self.message = message
        self.conditions = conditions
        self.rule = rule
        self.location = location
    }
}
