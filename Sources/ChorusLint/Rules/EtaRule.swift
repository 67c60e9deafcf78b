/// Times by which something will be fixed: durations, clock times, day words, vague "soon", fix-time
/// verbs and the word ETA. An update cadence ("next update in 30 minutes") is never an ETA; past
/// narrative ("was resolved within 20 minutes") is a fact, not an estimate.
struct EtaRule: Rule {
    let description = RuleDescription(
        id: "eta-estimate",
        name: "ETA",
        categories: [.eta],
        summary: "Finds promised fix times: 'within the hour', 'by 14:00 UTC', 'by end of day', 'shortly', 'ETA'.",
        rationale: """
            A missed ETA costs more trust than no ETA. Say what is happening now and when the next \
            update comes instead. Cadence phrases ("next update in 30 minutes", "we will post another \
            update by 10:40 UTC", "we'll update you within the hour") cancel the time inside them and \
            satisfy the cadence requirement; past narrative and "we do not have an ETA" are not estimates.
            """,
        triggeringExamples: [
            RuleExample("We expect a fix ↓within the hour."),
            RuleExample("Service ↓will be restored by 14:00 UTC."),
            RuleExample("The fix ↓should be live in 20 minutes."),
            RuleExample("We'll have this resolved ↓by end of day."),
            RuleExample("Expect full recovery ↓tomorrow morning."),
            RuleExample("A fix is coming ↓shortly."),
            RuleExample("↓ETA for the fix is 3pm."),
            RuleExample("Engineers expect recovery ↓by 3 pm."),
            RuleExample("We expect a fix ↓within the hour and will post another update in 30 minutes."),
        ],
        nonTriggeringExamples: [
            RuleExample("Next update in 30 minutes."),
            RuleExample("We will post another update by 10:40 UTC."),
            RuleExample("We'll update you within the hour."),
            RuleExample("Next update: 15:30 UTC."),
            RuleExample("We do not have an ETA yet."),
            RuleExample("By 14:20 UTC, error rates had returned to normal."),
            RuleExample("The issue was resolved within 20 minutes."),
            RuleExample("We are working to restore service as soon as possible."),
            RuleExample("Errors started at 14:02 UTC and stopped at 14:20 UTC."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .eta, rule: description.id, context, into: &findings)
    }
}
