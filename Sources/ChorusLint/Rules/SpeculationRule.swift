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
        summary: "Finds hedged claims about causes, scope or fixes: 'probably', 'we suspect', 'appears to be', 'may be related to'.",
        rationale: """
            Anything sent outside the incident team is read as fact. State only confirmed causes; say \
            what is known and what is being checked. The cues come from phrasebook/speculation.txt and \
            are read in their clause: hedging words; appearances in the present ('seems to be', 'it \
            appears'), not past appearances ('files that appeared to fail'); first-person beliefs ('we \
            believe', 'I think'), not other people's ('if you believe'); early findings offered as the \
            answer ('preliminary testing indicates'); possible causes ('a possible cause', 'may be \
            related to'). Not speculation: negated cues ('we have not confirmed'), impact advisories to \
            the reader ('customers may see errors'), forecasts with should or expect, hedges about \
            timing (the ETA's), and apologies ('the trouble this may have caused'). Cues in a line or \
            section labelled Hypothesis:, Unconfirmed: or Theory: are labelled-speculation, which the \
            engineering policy allows.
            """,
        triggeringExamples: [
            RuleExample("The outage was ↓probably caused by the database."),
            RuleExample("The slowdown is ↓likely due to a traffic spike."),
            RuleExample("Timeouts are ↓most likely due to a full disk and should clear within the hour."),
            RuleExample("The gaps are ↓probably caused by the nightly job, which we will move by Friday."),
            RuleExample("↓Apparently the job ran twice."),
            RuleExample("The issue ↓appears to be limited to the web app."),
            RuleExample("↓It seems that the certificate expired early."),
            RuleExample("The cache ↓seems to be serving stale prices."),
            RuleExample("For now it ↓looks as though only card payments are failing."),
            RuleExample("The backlog ↓looks as if it is growing again."),
            RuleExample("↓We suspect a bad configuration change."),
            RuleExample("↓We believe the fix is working."),
            RuleExample("↓I think the disk filled up overnight."),
            RuleExample("↓Preliminary testing indicates the patch works."),
            RuleExample("↓Based on our initial analysis the proxy is at fault."),
            RuleExample("We found ↓a possible cause in the login service."),
            RuleExample("The errors ↓may be related to the network upgrade."),
            RuleExample("The database ↓might be overloaded again."),
            RuleExample("We have not confirmed the cause, but it ↓could be the load balancer."),
            RuleExample("This is ↓not likely to happen again."),
            RuleExample("Hypothesis: the connection pool is ↓likely exhausted."),
            RuleExample("Facts:\n- Errors began at 14:02 UTC.\n\nTheories\n- ↓Possibly the new cache settings.\n- ↓Maybe a noisy neighbour."),
            RuleExample("↓Our engineers believe the slowdown began with the search update."),
            RuleExample("↓The support team thinks only older invoices are affected."),
            RuleExample("The cause is ↓potentially a faulty disk."),
            RuleExample("↓Initial diagnostics suggest a faulty disk."),
            RuleExample("The slowdown ↓might've been caused by the new search feature."),
            RuleExample("↓It's conceivable that a few receipts were sent twice."),
            RuleExample("↓Our working assumption is that the import ran twice."),
            RuleExample("The disruption ↓might have been caused by the upgrade."),
            RuleExample("Delays ↓could have been triggered by the new filter."),
            RuleExample("We are looking into ↓a possible link with the new login page."),
            RuleExample("↓We understand the delays to be limited to one region."),
            RuleExample("We are ↓seeing signs that the fix is holding."),
        ],
        nonTriggeringExamples: [
            RuleExample("We have not confirmed the cause."),
            RuleExample("We do not believe any data was lost."),
            RuleExample("Customers may experience slower page loads."),
            RuleExample("You may need to sign in again."),
            RuleExample("Files that appeared to fail were saved."),
            RuleExample("What seemed like a simple update caused the outage."),
            RuleExample("If you believe your account is affected, contact support."),
            RuleExample("We apologize for the trouble this may have caused."),
            RuleExample("There should be no impact on running jobs."),
            RuleExample("Hopefully uploads will be restored within the hour."),
            RuleExample("The fix was deployed on May 3."),
            RuleExample("We could not reproduce the problem."),
            RuleExample("Engineers re-ran `probably_flaky_test` twice."),
            RuleExample("A customer wrote \"it probably broke on your side\" in the ticket."),
            RuleExample("Hypothesis: the connection pool is likely exhausted.", policy: SpeculationRule.engineering),
            RuleExample("We suspected the network at first, but the cause was a full disk."),
            RuleExample("Receipts that appeared to be missing were delivered late."),
            RuleExample("It is possible to download your invoices in the meantime."),
            RuleExample("The new checks make a repeat much less likely."),
            RuleExample("We regret any delays that might have resulted."),
            RuleExample("It appeared at first that only cards were affected, but all payments were."),
            RuleExample("We understand this has been frustrating."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let regions = context.document.regions
        PhraseRuleSupport.findings(of: .speculation, rule: description.id, context, into: &findings,
                                   labelled: { regions.isLabelled($0) })
    }
}
