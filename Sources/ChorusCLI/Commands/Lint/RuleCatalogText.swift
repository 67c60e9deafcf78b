import ChorusLint
import ChorusSupport

/// `chorus lint --list-rules` and `--explain RULE`: the rules' own descriptions and examples.
enum RuleCatalogText {
    static func list() -> String {
        let rules = Linter.rules
        let width = (rules.map(\.id.count).max() ?? 0) + 2
        var text = "RULES (explain one with: chorus lint --explain RULE)\n"
        for rule in rules {
            let categories = rule.categories.map(\.rawValue).joined(separator: ", ")
            text += "  " + rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "[\(categories)] \(rule.summary)\n"
        }
        return text
    }

    /// The rule named `name`, or every rule of the category `name`.
    static func explain(_ name: String) throws -> String {
        if let rule = Linter.rule(name) { return explanation(of: rule) }
        if let category = FindingCategory(rawValue: name) {
            return Linter.rules.filter { $0.categories.contains(category) }.map(explanation).joined(separator: "\n")
        }
        let names = Linter.rules.map(\.id) + FindingCategory.allCases.map(\.rawValue)
        var message = "Unknown rule '\(name)'"
        if let near = NameSuggestion.closest(to: name, among: names) { message += "\nDid you mean '\(near)'?" }
        message += "\nSee 'chorus lint --list-rules'."
        throw UsageError(message)
    }

    static func explanation(of rule: RuleDescription) -> String {
        var text = "\(rule.id): \(rule.name)\n"
        text += "Categories: \(rule.categories.map(\.rawValue).joined(separator: ", "))\n\n"
        text += rule.summary + "\n\n" + rule.rationale + "\n\n"
        text += "Triggering examples (↓ marks where a finding starts):\n"
        for example in rule.triggeringExamples { text += describe(example) }
        text += "\nNon-triggering examples:\n"
        for example in rule.nonTriggeringExamples { text += describe(example) }
        return text
    }

    private static func describe(_ example: RuleExample) -> String {
        let lines = example.text.split(separator: "\n", omittingEmptySubsequences: false)
        var text = "  • " + lines.joined(separator: "\n    ") + "\n"
        var notes: [String] = []
        if let policy = example.policy {
            let set = policy.severities.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value.rawValue)" }
            if !set.isEmpty { notes.append("policy: " + set.joined(separator: ", ")) }
            if !policy.allow.isEmpty { notes.append("allow: " + policy.allow.joined(separator: ", ")) }
            if let limit = policy.lengthLimit { notes.append("length limit: \(limit)") }
        }
        if !example.components.isEmpty {
            notes.append("components: " + example.components.map { "\($0.internalName) → \($0.publicName)" }.joined(separator: ", "))
        }
        if !notes.isEmpty { text += "    (" + notes.joined(separator: "; ") + ")\n" }
        return text
    }
}
