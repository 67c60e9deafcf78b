/// Internal vocabulary the phrasebook lists (`[existence internal-name]`): project code names,
/// "war room", "the monolith".
struct InternalTermRule: Rule {
    let description = RuleDescription(
        id: "internal-term",
        name: "Internal term",
        categories: [.internalName],
        summary: "Finds internal vocabulary the phrasebook lists: 'war room', 'the monolith', 'bastion host'.",
        rationale: """
            Words that only make sense inside the company confuse readers outside it and can reveal \
            more than intended. Add your own code names to the phrasebook.
            """,
        triggeringExamples: [
            RuleExample("We opened a ↓war room."),
            RuleExample("Traffic moved off ↓the monolith."),
        ],
        nonTriggeringExamples: [
            RuleExample("We assembled the incident team."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .internalName, rule: description.id, context, into: &findings)
    }
}
