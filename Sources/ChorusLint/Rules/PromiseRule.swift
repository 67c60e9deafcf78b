/// Guarantees nobody can keep: "this will not happen again", "we guarantee", "100% uptime".
struct PromiseRule: Rule {
    let description = RuleDescription(
        id: "promise-guarantee",
        name: "Promise",
        categories: [.promise],
        summary: "Finds guarantees: 'this will not happen again', 'we guarantee', 'rest assured', '100% uptime'.",
        rationale: """
            Guarantees become quotes when the next incident comes. Describe the concrete steps taken \
            to make a repeat less likely instead. A negated guarantee ("we cannot guarantee") is honest \
            and not reported; a figure such as "100% of requests failed" is impact, not a promise.
            """,
        triggeringExamples: [
            RuleExample("↓This will not happen again."),
            RuleExample("We ↓guarantee your data is safe."),
            RuleExample("Our platform offers ↓100% uptime."),
            RuleExample("↓Rest assured, the problem is ↓fixed for good."),
            RuleExample("We have made sure ↓it will never happen again."),
        ],
        nonTriggeringExamples: [
            RuleExample("We are adding an alert so we notice this kind of failure sooner."),
            RuleExample("100% of requests to the EU region failed between 14:02 and 14:10 UTC."),
            RuleExample("We cannot guarantee a time for the fix yet."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .promise, rule: description.id, context, into: &findings)
    }
}
