/// One problem found in a text: a plain value, as swift-format's findings are. Only the command
/// line turns it into `FILE:LINE:COL: severity: [category/rule] message (suggestion: …)`.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule that found it, such as `speculation-cue` (see `Linter.rules`).
    public var rule: String
    public var category: FindingCategory
    /// From the audience policy; never `.off` (those are not reported).
    public var severity: Severity
    public var message: String
    /// The text found, exactly as written.
    public var match: String
    /// Offset of the match's first Unicode scalar from the start of the text.
    public var start: Int
    /// Offset just past the match, in Unicode scalars (exclusive).
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start`, counting Unicode scalars.
    public var column: Int
    /// What to write instead, or advice; nil when the phrasebook has none.
    public var suggestion: String?
    /// The replacement `--fix` writes over `match`: set only for unambiguous substitutions (a
    /// single substitute for a term written exactly as the phrasebook lists it, or a component's
    /// public name).
    public var fix: String?

    public init(rule: String, category: FindingCategory, severity: Severity, message: String, match: String,
                start: Int, end: Int, line: Int, column: Int, suggestion: String? = nil, fix: String? = nil) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.match = match
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.suggestion = suggestion
        self.fix = fix
    }

    private enum CodingKeys: String, CodingKey {
        case rule, category, severity, message, match, start, end, line, column, suggestion, fix
    }

    /// Encodes every key, with `suggestion` as null when there is none (`fix` only when set).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(match, forKey: .match)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(suggestion, forKey: .suggestion)
        try container.encodeIfPresent(fix, forKey: .fix)
    }
}

/// An internal component name and the name readers outside engineering know it by, for the
/// `component-name` rule (the lint module knows nothing of incidents; callers map their state).
public struct ComponentName: Sendable, Hashable, Codable {
    public var internalName: String
    public var publicName: String

    public init(internalName: String, publicName: String) {
        self.internalName = internalName
        self.publicName = publicName
    }
}

/// A text with its unambiguous substitutions applied.
public struct FixResult: Sendable, Equatable {
    /// The fixed text.
    public var text: String
    /// The findings whose `fix` was applied, in text order (offsets refer to the original text).
    public var applied: [Finding]
    /// The findings of the original text that were not fixed.
    public var remaining: [Finding]

    public init(text: String, applied: [Finding], remaining: [Finding]) {
        self.text = text
        self.applied = applied
        self.remaining = remaining
    }
}
