/// One problem found in a text: a plain value, as swift-format's findings are. Only the command
/// line turns it into `FILE:LINE:COL: severity: [category/rule] message (suggestion: …)`.
///
/// Held compactly, since a long text can have millions: the rule, message template, suggestion
/// and fix live in a wording that every finding of the same kind shares, and `message` is
/// written out from it (with this finding's `match`) when it is read. A finding holds that
/// reference, its match (inline when it is at most 15 UTF-8 bytes), its place and its severity.
/// Reading and writing the properties works as for plain stored properties.
public struct Finding: Sendable, Hashable, Codable {
    /// Shared with the findings of the same kind; replaced (never changed) when this finding's
    /// rule, message, suggestion or fix is set.
    var wording: FindingWording
    private var storedMatch: String
    public var category: FindingCategory
    /// From the audience policy; never `.off` (those are not reported).
    public var severity: Severity
    /// Offset of the match's first Unicode scalar from the start of the text.
    public var start: Int
    /// Offset just past the match, in Unicode scalars (exclusive).
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start`, counting Unicode scalars.
    public var column: Int

    /// The rule that found it, such as `speculation-cue` (see `Linter.rules`).
    public var rule: String {
        get { wording.rule }
        set { wording = wording.with(rule: newValue) }
    }

    /// What is wrong, in words (the phrasebook section's message with this finding's match).
    public var message: String {
        get { wording.message(match: storedMatch) }
        set { wording = wording.with(template: MessageTemplate(literal: newValue)) }
    }

    /// The text found, exactly as written. Setting it leaves `message` as it read before.
    public var match: String {
        get { storedMatch }
        set {
            freezeMessage()
            storedMatch = newValue
        }
    }

    /// What to write instead, or advice; nil when the phrasebook has none. Setting it leaves
    /// `message` as it read before.
    public var suggestion: String? {
        get { wording.suggestion }
        set {
            freezeMessage()
            wording = wording.with(suggestion: .some(newValue))
        }
    }

    /// The replacement `--fix` writes over `match`: set only for unambiguous substitutions (a
    /// single substitute for a term written exactly as the phrasebook lists it, or a component's
    /// public name).
    public var fix: String? {
        get { wording.fix }
        set { wording = wording.with(fix: .some(newValue)) }
    }

    public init(rule: String, category: FindingCategory, severity: Severity, message: String, match: String,
                start: Int, end: Int, line: Int, column: Int, suggestion: String? = nil, fix: String? = nil) {
        self.init(wording: FindingWording(rule: rule, message: message, suggestion: suggestion, fix: fix), category: category,
                  severity: severity, match: match, start: start, end: end, line: line, column: column)
    }

    /// A finding worded by `wording`, shared with the other findings of its kind.
    init(wording: FindingWording, category: FindingCategory, severity: Severity, match: String,
         start: Int, end: Int, line: Int, column: Int) {
        self.wording = wording
        self.storedMatch = match
        self.category = category
        self.severity = severity
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    /// Gives this finding a wording of its own whose message is the one it reads now, before its
    /// match or suggestion changes.
    private mutating func freezeMessage() {
        wording = wording.with(template: MessageTemplate(literal: message))
    }

    /// Equal when every property reads the same (however the message is held).
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        guard lhs.category == rhs.category, lhs.severity == rhs.severity, lhs.start == rhs.start, lhs.end == rhs.end,
              lhs.line == rhs.line, lhs.column == rhs.column, lhs.storedMatch == rhs.storedMatch else { return false }
        if lhs.wording === rhs.wording { return true }
        return lhs.rule == rhs.rule && lhs.suggestion == rhs.suggestion && lhs.fix == rhs.fix && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(category)
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(storedMatch)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(suggestion)
        hasher.combine(fix)
    }

    private enum CodingKeys: String, CodingKey {
        case rule, category, severity, message, match, start, end, line, column, suggestion, fix
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(rule: try container.decode(String.self, forKey: .rule),
                  category: try container.decode(FindingCategory.self, forKey: .category),
                  severity: try container.decode(Severity.self, forKey: .severity),
                  message: try container.decode(String.self, forKey: .message),
                  match: try container.decode(String.self, forKey: .match),
                  start: try container.decode(Int.self, forKey: .start),
                  end: try container.decode(Int.self, forKey: .end),
                  line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column),
                  suggestion: try container.decodeIfPresent(String.self, forKey: .suggestion),
                  fix: try container.decodeIfPresent(String.self, forKey: .fix))
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
