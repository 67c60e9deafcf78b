/// Language that plays the impact down: "just a minor bug", "only a few users", "a small blip".
struct MinimizingRule: Rule {
    let description = RuleDescription(
        id: "minimizing-language",
        name: "Minimizing",
        categories: [.minimizing],
        summary: "Finds words that play impact down: 'just a minor bug', 'only a few users', 'a small blip', 'simply'.",
        rationale: """
            For the customers affected it was not minor. State the impact in numbers ("about 2% of \
            checkouts failed") and let readers judge.
            """,
        triggeringExamples: [
            RuleExample("This was ↓just a minor bug."),
            RuleExample("↓Only a few users were affected."),
            RuleExample("We saw ↓a small blip in traffic."),
            RuleExample("↓Simply refresh the page."),
        ],
        nonTriggeringExamples: [
            RuleExample("Only customers in the EU region were affected."),
            RuleExample("We just deployed a fix."),
            RuleExample("About 2% of checkout attempts failed."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .minimizing, rule: description.id, context, into: &findings)
    }
}
