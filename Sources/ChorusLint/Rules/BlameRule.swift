/// Blaming people, teams or vendors: "human error", "an engineer mistakenly", a named person as
/// the cause, "our vendor's fault".
struct BlameRule: Rule {
    let description = RuleDescription(
        id: "blame-language",
        name: "Blame",
        categories: [.blame],
        summary: "Finds blame on a vendor, a customer or a person: 'due to an outage at our hosting provider', 'Azure is facing an outage', 'Lena pushed a bad config', 'human error'.",
        rationale: """
            Incidents are failures of systems and safeguards. Naming a vendor, a customer or a person as \
            the cause is unfair, rarely the whole truth, and discourages the honesty reviews need. \
            Attributing the cause to a third party is the common form: a cause link before a provider or \
            a named company ('due to', 'caused by', 'came from'), a provider as the subject that failed \
            ('AWS is experiencing issues', 'our upstream provider had an outage'), trouble on their side \
            ('a failure at our hosting provider', 'an outage on JFrog's side'). First-person ownership \
            ('we misconfigured…', 'our change caused…') is not blame, nor is working with a provider, \
            asking one for help, an anonymous attacker or a natural cause; a team's own product names \
            (its vocabulary) are never a third party.
            """,
        triggeringExamples: [
            RuleExample("The outage was ↓due to an external problem with AWS."),
            RuleExample("The outage ↓came from a failure at our hosting provider."),
            RuleExample("The errors were ↓caused by the Cloudflare outage."),
            RuleExample("↓Azure is facing a global outage."),
            RuleExample("↓Our upstream provider is absorbing a large attack."),
            RuleExample("↓Discord flagged the bot as spam and revoked its access."),
            RuleExample("There is ↓an AKS outage in one region."),
            RuleExample("↓The fault lies with our storage provider."),
            RuleExample("↓Lena pushed a bad config that broke uploads."),
            RuleExample("↓Dave forgot to renew the certificate."),
            RuleExample("The root cause was ↓human error."),
            RuleExample("↓An engineer mistakenly deleted the table."),
            RuleExample("This was ↓our vendor's fault."),
        ],
        nonTriggeringExamples: [
            RuleExample("We misconfigured the load balancer."),
            RuleExample("Our change to the cache caused the errors."),
            RuleExample("We are working with our hosting provider on a fix."),
            RuleExample("We have raised the issue with AWS support."),
            RuleExample("The outage was due to a cut fiber."),
            RuleExample("Attackers flooded the network with traffic."),
            RuleExample("While the immediate cause was operator error, there are broader systemic issues we must fix."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .blame, rule: description.id, context, into: &findings)
    }
}
