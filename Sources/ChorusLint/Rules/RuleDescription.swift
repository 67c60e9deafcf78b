/// A rule's documentation and examples, in the manner of SwiftLint: triggering examples mark
/// with `↓` where each finding must start; non-triggering examples must produce no finding of
/// the rule. One parameterized test runs every rule's examples; `chorus lint --explain` prints them.
public struct RuleDescription: Sendable, Equatable, CustomStringConvertible {
    /// The rule id shown in output: `[category/id]`.
    public var id: String
    /// A short human name.
    public var name: String
    /// The categories the rule reports (its severity comes from the audience policy).
    public var categories: [FindingCategory]
    /// One line: what the rule finds.
    public var summary: String
    /// Why it matters and how context changes it.
    public var rationale: String
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]

    public init(id: String, name: String, categories: [FindingCategory], summary: String, rationale: String,
                triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample]) {
        self.id = id
        self.name = name
        self.categories = categories
        self.summary = summary
        self.rationale = rationale
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }

    public var description: String { id }
}

/// One example text of a rule, optionally with the policy and component names it needs.
public struct RuleExample: Sendable, Equatable, CustomStringConvertible {
    /// The text; in triggering examples `↓` marks where each finding starts (it is removed before
    /// linting).
    public var text: String
    /// The policy to lint with; nil for every category an error (`LintPolicy.strict`).
    public var policy: LintPolicy?
    public var components: [ComponentName]

    public init(_ text: String, policy: LintPolicy? = nil, components: [ComponentName] = []) {
        self.text = text
        self.policy = policy
        self.components = components
    }

    /// The marker for where a finding starts.
    public static let marker: Character = "↓"

    /// The text without markers, and the scalar offsets the markers stood at.
    public var unmarked: (text: String, offsets: [Int]) {
        var text = String.UnicodeScalarView()
        var offsets: [Int] = []
        for scalar in self.text.unicodeScalars {
            if scalar == "↓" { offsets.append(text.count) } else { text.append(scalar) }
        }
        return (String(text), offsets)
    }

    public var description: String { text }
}

/// One check the linter runs. Rules are stateless; all they need is in the context.
protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: RuleContext, into findings: inout RawFindings)
}
