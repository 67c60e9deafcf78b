/// Inline suppressions that suppressed nothing, or that name no known category or rule. The
/// linter applies suppressions before the policy, so a comment written for one audience is used
/// under every audience; suppressions of categories the policy turns off are never reported.
struct UnusedSuppressionRule: Rule {
    let description = RuleDescription(
        id: "unused-suppression",
        name: "Unused suppression",
        categories: [.suppression],
        summary: "Reports chorus-disable comments that suppressed nothing or name an unknown category.",
        rationale: """
            A suppression comment (<!-- chorus-disable-line eta --> for its own line, \
            <!-- chorus-disable-next-line jargon --> for the next) outlives the wording it excused. \
            Stale ones hide future findings, so each must suppress something.
            """,
        triggeringExamples: [
            RuleExample("We are investigating. ↓<!-- chorus-disable-line eta -->"),
            RuleExample("↓<!-- chorus-disable-next-line jargon -->\nEverything is working again."),
            RuleExample("Fix within the hour. <!-- chorus-disable-line eta, ↓blame -->"),
            RuleExample("Fix within the hour. ↓<!-- chorus-disable-line eat -->"),
        ],
        nonTriggeringExamples: [
            RuleExample("We expect a fix within the hour. <!-- chorus-disable-line eta -->"),
            RuleExample("<!-- chorus-disable-next-line jargon -->\nWe started a rollback."),
            RuleExample("We started a rollback. <!-- chorus-disable-line plain-language -->"),
            RuleExample("An ordinary comment. <!-- reviewed by Sam -->"),
            RuleExample("All good. <!-- chorus-disable-line jargon -->", policy: LintPolicy(severities: [.jargon: .off])),
        ])

    /// Findings come from the linter's suppression pass (`Linter.applySuppressions`).
    func check(_ context: RuleContext, into findings: inout RawFindings) {}
}
