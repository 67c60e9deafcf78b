/// Times by which something will be fixed: durations, clock times, day words, vague "soon", fix-time
/// verbs and the word ETA. An update cadence ("next update in about 45 minutes") is never an ETA; past
/// narrative ("was resolved within 20 minutes") is a fact, not an estimate.
struct EtaRule: Rule {
    let description = RuleDescription(
        id: "eta-estimate",
        name: "ETA",
        categories: [.eta],
        summary: "Finds estimates of when the fix, the recovery or a remediation lands: 'should be back in 20 minutes', 'expected downtime: 90 minutes'.",
        rationale: """
            A missed ETA costs more trust than no ETA. A time expression (phrasebook/time.txt) is an ETA \
            only when its clause says what lands by then: recovery, completion, how long a disruption \
            lasts, or a remediation. The same time attached to the next communication is a cadence \
            ('next update in about 45 minutes', 'we will share more details by Thursday'), which cancels the \
            ETA and satisfies the cadence requirement. Not ETAs: past narrative ('was resolved within 20 \
            minutes'), saying there is no ETA, urgency without a time ('as soon as possible'), when a \
            maintenance starts, sizes of delays ('delayed by up to 30 minutes'), monitoring periods and \
            instructions to the reader.
            """,
        triggeringExamples: [
            RuleExample("The fix should be live ↓in 20 minutes."),
            RuleExample("Service will be restored ↓by 14:00 UTC."),
            RuleExample("We expect a fix ↓within the hour."),
            RuleExample("Everything should be back ↓shortly."),
            RuleExample("We hope to restore service ↓soon."),
            RuleExample("This will be fixed ↓today."),
            RuleExample("Service should be back ↓in approx. 20 mins."),
            RuleExample("The fix should be live ↓within approx. 1 hr, e.g. for uploads."),
            RuleExample("Expect full recovery ↓tomorrow morning."),
            RuleExample("We are working on a fix ↓in the coming days."),
            RuleExample("The maintenance should ↓take about 45 minutes."),
            RuleExample("The ↓downtime will last approximately 2 hours."),
            RuleExample("↓Expected downtime: 90 minutes."),
            RuleExample("↓Expected time until all regions recover: about an hour."),
            RuleExample("A ↓downtime of up to 30 minutes is expected."),
            RuleExample("↓ETA for the fix is 3pm."),
            RuleExample("We expect a fix ↓within the hour and will post another update in 30 minutes."),
            RuleExample("We expect it to be ↓another hour before uploads work normally."),
            RuleExample("We estimate ↓45 minutes until the import completes."),
            RuleExample("The repair should be done ↓within the next working day."),
            RuleExample("Normal service should resume ↓in a matter of minutes."),
            RuleExample("Service should be restored ↓by around 5pm."),
            RuleExample("This should be sorted ↓by lunchtime."),
            RuleExample("Moving the remaining mailboxes will complete ↓over the weekend."),
            RuleExample("Resolution is expected ↓by Wednesday."),
            RuleExample("Engineers will investigate and fix this ↓within the hour."),
            RuleExample("Full restoration of service is ↓planned for Sunday."),
            RuleExample("Engineers expect service restoration ↓in about 30 mins."),
            RuleExample("We expect issue resolution ↓by 5pm."),
            RuleExample("We will revert the faulty change ↓by 3pm."),
            RuleExample("We'll be back up and running ↓within 2 hours."),
            RuleExample("Customers could not sign in, and we expect a fix ↓by 14:00 UTC."),
            RuleExample("The fix we are preparing should be live ↓by Friday."),
        ],
        nonTriggeringExamples: [
            RuleExample("Next update in about 45 minutes."),
            RuleExample("We will post another update by 10:40 UTC."),
            RuleExample("We will share more details by Thursday 16:00 UTC."),
            RuleExample("We'll update you within the hour."),
            RuleExample("More details will be shared shortly."),
            RuleExample("We do not have an ETA yet."),
            RuleExample("By 14:20 UTC, error rates had returned to normal."),
            RuleExample("The issue was resolved within 20 minutes."),
            RuleExample("We are working to restore service as soon as possible."),
            RuleExample("The maintenance starts at 22:00 UTC on Friday."),
            RuleExample("Commit statuses are delayed by up to 30 minutes."),
            RuleExample("We will continue to monitor for the next 24 hours."),
            RuleExample("Please save your work before 02:00 UTC on Sunday."),
            RuleExample("The signing certificate expires soon."),
            RuleExample("We will keep an eye on error rates over the next few hours."),
            RuleExample("We will continue investigating over the next few hours."),
            RuleExample("Please finish any pending exports before 18:00 UTC on Friday."),
            RuleExample("We will refresh this page every 30 minutes until the issue is resolved."),
            RuleExample("A maintenance is scheduled for Sunday."),
            RuleExample("Restoration work on the old mailboxes continues."),
            RuleExample("Check back in an hour for more news."),
            RuleExample("We'll be back in touch within 2 hours."),
            RuleExample("We will revert with an update by end of day."),
            RuleExample("On 3 March, customers could not complete purchases."),
            RuleExample("We couldn't finish the restore before 10:00, so the work moved to the next night."),
            RuleExample("The bug was introduced in the update we released on 14 May."),
            RuleExample("The change they made on Tuesday broke exports."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .eta, rule: description.id, context, into: &findings)
    }
}
