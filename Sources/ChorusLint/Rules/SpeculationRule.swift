/// Guessing at causes: the phrasebook's speculation cues, unless negated ("we have not
/// confirmed…"), cancelled by an exception ("customers may experience…"), or quoted. Inside a
/// section labelled `Hypothesis:`, `Unconfirmed:` or `Theory:` a cue is *labelled speculation*,
/// its own category, which a policy may allow (engineering) while plain speculation stays an error.
struct SpeculationRule: Rule {
    static let engineering = LintPolicy(severities: [.speculation: .error, .labelledSpeculation: .off])

    let description = RuleDescription(
        id: "speculation-cue",
        name: "Speculation",
        categories: [.speculation, .labelledSpeculation],
        summary: "Finds guesses about causes and impact: 'probably', 'we suspect', 'may be related to'.",
        rationale: """
            Anything sent outside the incident team is read as fact. State only confirmed causes; say \
            what is known and what is being checked. Negated cues ("we have not confirmed", "there is \
            no evidence that") are not speculation, nor is describing what users may experience. Cues \
            in a line or section labelled Hypothesis:, Unconfirmed: or Theory: are reported as \
            labelled-speculation, which the engineering policy allows.
            """,
        triggeringExamples: [
            RuleExample("The outage was ↓probably caused by the database."),
            RuleExample("We ↓suspect a bad configuration change."),
            RuleExample("The errors ↓may be related to the network upgrade."),
            RuleExample("It ↓looks like the cache is stale."),
            RuleExample("The cause ↓appears to be an expired certificate."),
            RuleExample("↓Our working theory is a failed disk."),
            RuleExample("We have not confirmed the cause, but it ↓could be the load balancer."),
            RuleExample("Hypothesis: the connection pool is ↓likely exhausted."),
            RuleExample("Facts:\n- Errors began at 14:02 UTC.\n\nTheories\n- ↓Possibly the new cache settings.\n- ↓Maybe a noisy neighbour."),
        ],
        nonTriggeringExamples: [
            RuleExample("We have not confirmed the cause."),
            RuleExample("There is no evidence that customer data may have been affected."),
            RuleExample("We do not believe any data was lost."),
            RuleExample("Customers may experience slower page loads."),
            RuleExample("The fix was deployed on May 3."),
            RuleExample("We could not reproduce the problem."),
            RuleExample("Engineers re-ran `probably_flaky_test` twice."),
            RuleExample("A customer wrote \"it probably broke on your side\" in the ticket."),
            RuleExample("Hypothesis: the connection pool is likely exhausted.", policy: SpeculationRule.engineering),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let regions = context.document.regions
        PhraseRuleSupport.findings(of: .speculation, rule: description.id, context, into: &findings,
                                   labelled: { regions.isLabelled($0) })
    }
}
