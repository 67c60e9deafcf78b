/// What the findings of one kind share, held once and referenced by each of them: the rule, the
/// message template (its `{match}` filled in from the finding's own match when the message is
/// read), the suggestion and the fix. A text with a million "probably"s has a million findings
/// and one wording; a finding holds a reference, its match and its place.
///
/// Immutable: a finding whose rule, message, suggestion or fix is changed gets a wording of its
/// own.
final class FindingWording: Sendable {
    let rule: String
    let template: MessageTemplate
    let suggestion: String?
    let fix: String?

    init(rule: String, template: MessageTemplate, suggestion: String?, fix: String? = nil) {
        self.rule = rule
        self.template = template
        self.suggestion = suggestion
        self.fix = fix
    }

    /// A wording whose message is `message` as written (no variables).
    convenience init(rule: String, message: String, suggestion: String?, fix: String? = nil) {
        self.init(rule: rule, template: MessageTemplate(literal: message), suggestion: suggestion, fix: fix)
    }

    /// The message of a finding that matched `match`.
    func message(match: String) -> String {
        template.render(match: match, suggestion: suggestion)
    }

    /// This wording with another rule, message, suggestion or fix.
    func with(rule: String? = nil, template: MessageTemplate? = nil, suggestion: String?? = nil,
              fix: String?? = nil) -> FindingWording {
        FindingWording(rule: rule ?? self.rule, template: template ?? self.template,
                       suggestion: suggestion ?? self.suggestion, fix: fix ?? self.fix)
    }
}
