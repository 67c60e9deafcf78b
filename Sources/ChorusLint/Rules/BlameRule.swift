/// Blaming people: "human error", "an engineer mistakenly", a named person as the cause, "the
/// fault lies with…". Blame on vendors is `ThirdPartyBlameRule`.
struct BlameRule: Rule {
    let description = RuleDescription(
        id: "blame-language",
        name: "Blame",
        categories: [.blame],
        summary: "Finds blame on people: 'human error', 'Lena pushed a bad config', 'an engineer mistakenly', 'our vendor's fault'.",
        rationale: """
            Incidents are failures of systems and safeguards. Naming a person as the cause is unfair, \
            rarely the whole truth, and discourages the honesty reviews need; "human error" and \
            "someone's fault" say the same. Describe what failed and what will catch it next time. \
            First-person ownership ("we misconfigured…") is not blame, nor is a hypothetical mistake \
            or an attribution next to an explicit acceptance of responsibility ("systemic issues we \
            must fix"). Blame on a vendor or a provider is the third-party-blame rule.
            """,
        triggeringExamples: [
            RuleExample("↓The fault lies with our storage provider."),
            RuleExample("↓Lena pushed a bad config that broke uploads."),
            RuleExample("↓Dave forgot to renew the certificate."),
            RuleExample("The root cause was ↓human error."),
            RuleExample("↓An engineer mistakenly deleted the table."),
            RuleExample("This was ↓our vendor's fault."),
            RuleExample("↓A contractor misconfigured the router."),
            RuleExample("↓Sam from the billing team deleted the wrong file."),
            RuleExample("↓A junior developer wiped the wrong folder."),
            RuleExample("↓The technician unplugged the wrong cable."),
            RuleExample("The reviewer ↓should have caught the typo before release."),
            RuleExample("Our contractor ↓dropped the ball on the renewal."),
            RuleExample("The on-duty engineer ↓should have checked the settings first."),
        ],
        nonTriggeringExamples: [
            RuleExample("We misconfigured the load balancer."),
            RuleExample("Our change to the cache caused the errors."),
            RuleExample("We are working with our hosting provider on a fix."),
            RuleExample("We have raised the issue with AWS support."),
            RuleExample("The outage was due to a cut fiber."),
            RuleExample("Attackers flooded the network with traffic."),
            RuleExample("While the immediate cause was operator error, there are broader systemic issues we must fix."),
            RuleExample("We misconfigured the router ourselves."),
            RuleExample("Sam from the billing team restored the missing file."),
            RuleExample("The technician replaced the faulty disk."),
            RuleExample("We should have caught the problem before release."),
            RuleExample("I dropped the ball on this one, and I am sorry."),
            RuleExample("We should have tested the change with real data."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .blame, rule: description.id, context, into: &findings)
    }
}
