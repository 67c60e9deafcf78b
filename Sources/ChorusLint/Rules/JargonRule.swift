/// Technical terms with plain-language substitutes from the phrasebook, matched with simple
/// inflections ("roll back", "rolled back", "rolling back", "rollback").
struct JargonRule: Rule {
    let description = RuleDescription(
        id: "plain-language",
        name: "Jargon",
        categories: [.jargon],
        summary: "Finds technical terms and suggests plain substitutes: 'rollback' → 'undo the recent change'.",
        rationale: """
            Customers, support and sales read for impact, not mechanism. Each term comes with a plain \
            substitute; `--fix` applies it when the phrasebook lists exactly one and the term is written \
            as listed. An audience's allow list (engineering) can let terms through.
            """,
        triggeringExamples: [
            RuleExample("Users saw ↓5xx errors."),
            RuleExample("We started a ↓rollback."),
            RuleExample("The team is ↓rolling back the change."),
            RuleExample("We ↓rolled back the ↓deploy."),
            RuleExample("↓Latency is elevated in Europe."),
            RuleExample("A ↓failover to the ↓replica completed."),
        ],
        nonTriggeringExamples: [
            RuleExample("Some customers saw errors when loading the dashboard."),
            RuleExample("We are undoing the recent change."),
            RuleExample("The `rollback` command finished."),
            RuleExample("We started a rollback.", policy: LintPolicy(severities: [:], allow: ["rollback"])),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let tokens = context.document.tokens
        let explained = Explanations.explainedKeys(tokens)
        PhraseRuleSupport.findings(of: .jargon, rule: description.id, context, into: &findings, keep: { match in
            explained.isEmpty || !match.tokens.contains { explained.contains(tokens[$0].key) }
        })
    }
}
