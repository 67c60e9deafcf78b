/// Language that plays the impact down: "just a minor bug", "only a few users", "a small blip".
struct MinimizingRule: Rule {
    let description = RuleDescription(
        id: "minimizing-language",
        name: "Minimizing",
        categories: [.minimizing],
        summary: "Finds vague words that play the impact down: 'a brief interruption', 'a small number of users', 'only a few', 'just'.",
        rationale: """
            For the customers affected it was not minor. State the impact in numbers ('about 2% of \
            checkouts failed for 12 minutes') and let readers judge. Not reported: a vague word next to \
            a number ('a small number of projects (<20)', '5 minutes downtime only'), 'only' marking a \
            precise boundary ('only HTTPS access is impacted'), 'just' meaning 'just now', size words \
            about something other than the impact ('a short-term measure'), and judgments reported as \
            past ('the engineers decided that this was a minor issue').
            """,
        triggeringExamples: [
            RuleExample("There was a ↓brief interruption to logins."),
            RuleExample("Some customers saw errors ↓for a short while."),
            RuleExample("↓A small number of customers could not log in."),
            RuleExample("It affected ↓a small subset of users."),
            RuleExample("The issue affected ↓only a portion of traffic."),
            RuleExample("We saw a ↓small blip in traffic."),
            RuleExample("There were ↓minor issues with search."),
            RuleExample("Pages might be ↓a bit slow for a while."),
            RuleExample("This was just a ↓minor bug."),
            RuleExample("↓Just need to restart the web workers."),
            RuleExample("The impact was ↓negligible."),
            RuleExample("↓Simply refresh the page to continue."),
            RuleExample("The disruption was ↓relatively minor."),
            RuleExample("Impact on customers was ↓minimal."),
            RuleExample("We had a ↓short-lived problem with receipts."),
            RuleExample("Exports were ↓marginally slower than usual."),
            RuleExample("It affected ↓a modest number of users."),
            RuleExample("There was ↓minimal disruption to payments."),
            RuleExample("The outage ↓only lasted a moment."),
            RuleExample("There may be ↓a little lag for some users."),
            RuleExample("Expect ↓a bit of slowness while the import runs."),
        ],
        nonTriggeringExamples: [
            RuleExample("A small number of projects (<20) were affected."),
            RuleExample("The intervention finished with 5 minutes downtime only."),
            RuleExample("Only HTTPS access is impacted."),
            RuleExample("We were just down for 35 minutes."),
            RuleExample("We put a short-term measure in place."),
            RuleExample("About 2% of checkouts failed for 12 minutes."),
            RuleExample("We can only apologise for the disruption."),
            RuleExample("The change was small and easy to review."),
            RuleExample("Impact was limited to customers in Canada."),
            RuleExample("The outage was short (12 minutes)."),
            RuleExample("We restored service only moments ago."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .minimizing, rule: description.id, context, into: &findings)
    }
}
