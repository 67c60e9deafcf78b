/// Guarantees nobody can keep: "this will not happen again", "we guarantee", "100% uptime".
struct PromiseRule: Rule {
    let description = RuleDescription(
        id: "promise-guarantee",
        name: "Promise",
        categories: [.promise],
        summary: "Finds guarantees of an outcome: 'to ensure this does not happen again', 'so that this cannot happen again', 'we guarantee'.",
        rationale: """
            Guarantees become quotes when the next incident comes. Describe the concrete steps taken to \
            make a repeat less likely instead. The line is partly lexical, as in the labelled corpora: \
            ensure, make sure or assure that something does not happen or recur, 'no further issues', \
            prevent something from happening again or from recurring, 'committed to preventing', an \
            absolute 'so that … cannot', and the classic absolutes are promises; goals ('to prevent \
            similar issues in the future'), effort ('help prevent'), hedged assurances ('we believe this \
            will ensure'), ensuring a property ('to ensure full recovery') and anti-promises ('there is \
            no guarantee') are not.
            """,
        triggeringExamples: [
            RuleExample("We changed the pipeline ↓to ensure that this does not happen again."),
            RuleExample("We will ↓make sure this never happens again."),
            RuleExample("We are monitoring closely ↓to ensure no further issues."),
            RuleExample("We have added checks ↓so that this cannot happen again."),
            RuleExample("We split the queues ↓so that no future release can take checkout down this way."),
            RuleExample("New limits are in place ↓to prevent this from happening again."),
            RuleExample("We rebuilt the index ↓to prevent the issue from recurring."),
            RuleExample("We are ↓committed to preventing a recurrence."),
            RuleExample("↓We guarantee your data is safe."),
            RuleExample("Refunds ↓are guaranteed for all affected orders."),
            RuleExample("Rest assured, the problem is ↓fixed for good."),
            RuleExample("We have ↓made sure it will never happen again."),
            RuleExample("We will ↓make certain that this cannot happen again."),
            RuleExample("↓To stop this from ever recurring, we replaced the power supply."),
            RuleExample("We split the system in two ↓so the same fault can never take us offline."),
            RuleExample("That class of bug has been ↓eliminated entirely."),
            RuleExample("We will ↓ensure no customer is ever charged twice again."),
            RuleExample("We have repaired the settings ↓so it will not come back."),
            RuleExample("We know how much this hurt, and we will ↓make sure it doesn't."),
            RuleExample("We will ↓ensure that this won't."),
            RuleExample("With the new design, a ↓repeat of this outage is impossible."),
            RuleExample("It is now ↓impossible for this to happen again."),
        ],
        nonTriggeringExamples: [
            RuleExample("We are working to prevent similar issues from occurring in the future."),
            RuleExample("These changes help prevent similar issues from happening again."),
            RuleExample("We added monitoring to prevent a recurrence."),
            RuleExample("We are monitoring to ensure full recovery."),
            RuleExample("We have a mitigation that we believe will ensure this does not recur."),
            RuleExample("There is no guarantee that the attack will not resume."),
            RuleExample("We cannot guarantee delivery times during the migration."),
            RuleExample("100% of requests failed between 14:02 and 14:20 UTC."),
            RuleExample("We are keeping watch to stop further problems in the future."),
            RuleExample("These steps should help keep this from happening again."),
            RuleExample("We will make sure it does what you expect."),
            RuleExample("It is impossible to say yet when the fix will land."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .promise, rule: description.id, context, into: &findings)
    }
}
