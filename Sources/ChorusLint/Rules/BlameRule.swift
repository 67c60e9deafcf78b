/// Blaming people, teams or vendors: "human error", "an engineer mistakenly", a named person as
/// the cause, "our vendor's fault".
struct BlameRule: Rule {
    let description = RuleDescription(
        id: "blame-language",
        name: "Blame",
        categories: [.blame],
        summary: "Finds blame: 'human error', 'an engineer mistakenly', 'Dave forgot to', 'our vendor's fault'.",
        rationale: """
            Incidents are failures of systems and safeguards. Naming a person or a vendor as the cause \
            is unfair, rarely the whole truth, and discourages the honesty reviews need. Describe what \
            failed and what will catch it next time.
            """,
        triggeringExamples: [
            RuleExample("The outage was caused by ↓human error."),
            RuleExample("↓An engineer mistakenly deleted the index."),
            RuleExample("↓Dave forgot to renew the certificate."),
            RuleExample("This was ↓our vendor's fault."),
            RuleExample("A ↓careless change took the site down."),
        ],
        nonTriggeringExamples: [
            RuleExample("A configuration change removed the index."),
            RuleExample("The certificate expired because renewal was not automated."),
            RuleExample("Our vendor's status page reports a partial outage."),
            RuleExample("It mistakenly returned errors for valid requests."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .blame, rule: description.id, context, into: &findings)
    }
}
