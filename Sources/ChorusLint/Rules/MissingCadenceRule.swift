/// A draft that does not say when the next update comes, for audiences whose policy requires it
/// (the `cadence` category set to error or warning; it is off by default).
struct MissingCadenceRule: Rule {
    static let customer = LintPolicy(severities: [.cadence: .error])

    let description = RuleDescription(
        id: "missing-cadence",
        name: "Missing cadence",
        categories: [.cadence],
        summary: "Reports a draft that never says when the next update comes.",
        rationale: """
            Readers who know when they will hear more stop refreshing and stop opening tickets. A \
            draft satisfies the rule with any [cadence] phrase of the phrasebook that names a time: \
            "next update in about 45 minutes", "we will post another update by 10:40 UTC", "we'll update \
            you within the hour". The finding sits at the start of the draft.
            """,
        triggeringExamples: [
            RuleExample("↓We are investigating elevated errors on checkout.", policy: MissingCadenceRule.customer),
            RuleExample("↓We will share more as soon as we can.", policy: MissingCadenceRule.customer),
        ],
        nonTriggeringExamples: [
            RuleExample("We are investigating elevated errors. Next update in about 45 minutes.", policy: MissingCadenceRule.customer),
            RuleExample("We are investigating. We will post another update by 10:40 UTC.", policy: MissingCadenceRule.customer),
            RuleExample("We are investigating elevated errors on checkout.", policy: LintPolicy(severities: [:])),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        guard !context.document.cadenceStated else { return }
        findings.append(rule: description.id, category: .cadence, start: 0, end: 0, match: "",
            message: "the draft does not say when the next update comes",
            suggestion: "add a line such as 'We will post the next update by 15:30 UTC.'", fix: nil, term: nil)
    }
}
