import ChorusLint
import Testing

/// Every rule's own examples, as SwiftLint runs them: each triggering example must produce
/// findings of the rule exactly where its `↓` markers stand, each non-triggering example none.
@Suite("Rule examples")
struct RuleExamplesTests {
    @Test("Triggering examples find exactly the marked places", arguments: Linter.rules)
    func triggering(_ rule: RuleDescription) throws {
        let linter = try Shipped.linter
        #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering examples")
        for example in rule.triggeringExamples {
            let (text, markers) = example.unmarked
            #expect(!markers.isEmpty, "example without ↓: \(example.text)")
            let findings = linter.lint(text, policy: example.policy ?? .strict, componentNames: example.components)
                .filter { $0.rule == rule.id }
            #expect(findings.map(\.start) == markers, "\(rule.id): \(example.text) → \(findings.map { "\($0.start) '\($0.match)'" })")
            for finding in findings {
                #expect(rule.categories.contains(finding.category))
                #expect(!finding.message.isEmpty)
            }
        }
    }

    @Test("Non-triggering examples find nothing", arguments: Linter.rules)
    func nonTriggering(_ rule: RuleDescription) throws {
        let linter = try Shipped.linter
        #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering examples")
        for example in rule.nonTriggeringExamples {
            #expect(!example.text.contains(RuleExample.marker), "non-triggering example with ↓: \(example.text)")
            let findings = linter.lint(example.text, policy: example.policy ?? .strict, componentNames: example.components)
                .filter { $0.rule == rule.id }
            #expect(findings.isEmpty, "\(rule.id): \(example.text) → \(findings.map { "\($0.start) '\($0.match)'" })")
        }
    }

    @Test func ruleIdsAreUniqueAndEveryCategoryHasARule() {
        let ids = Linter.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        let covered = Set(Linter.rules.flatMap(\.categories))
        #expect(covered == Set(FindingCategory.allCases))
    }
}
