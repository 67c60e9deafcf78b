/// Attributing the cause to a vendor, a provider, another company or customers: the sections of
/// `phrasebook/blame.txt` marked `rule: third-party-blame`. Its own rule so a policy can treat it
/// apart from blaming people: engineering may discuss a provider's outage, customers should not
/// read that it was someone else's fault.
struct ThirdPartyBlameRule: Rule {
    let description = RuleDescription(
        id: "third-party-blame",
        name: "Blame on a third party",
        categories: [.blame],
        summary: "Finds the cause put on a vendor, a provider or customers: 'due to an outage at our hosting provider', 'Azure is facing an outage'.",
        rationale: """
            Customers chose you, not your vendors: "it was our provider" reads as an excuse, and it \
            is rarely the whole truth (what failed was your dependency on it). Say what failed in \
            your service and what you are changing. Found: a cause link before a provider or a named \
            company ("due to", "caused by", "came from"), a provider as the subject that failed, \
            trouble on their side ("a failure at our hosting provider", "an outage on JFrog's \
            side"), calls to a vendor failing, and customers' own workloads made the cause. Not \
            found: first-person ownership, working with or asking a provider, a provider reporting no \
            incident, and the organization's own product names (its vocabulary). Audiences set this \
            rule apart from blaming people with "rules": {"third-party-blame": "warning"}.
            """,
        triggeringExamples: [
            RuleExample("Login failures were ↓due to an external problem with AWS."),
            RuleExample("The outage ↓came from a failure at our hosting provider."),
            RuleExample("The errors were ↓caused by the Cloudflare outage."),
            RuleExample("↓Azure is facing a global outage."),
            RuleExample("↓Our upstream provider is absorbing a large attack."),
            RuleExample("↓Discord flagged the bot as spam and revoked its access."),
            RuleExample("There is ↓an AKS outage in one region."),
            RuleExample("Some ↓requests to our payment provider failed."),
            RuleExample("We found ↓customer builds entering runaway loops."),
            RuleExample("Checkouts failed ↓because our card processor was down."),
            RuleExample("The fault ↓originated with our phone provider."),
            RuleExample("The outage was ↓traced to our network supplier."),
            RuleExample("↓Microsoft's outage stopped sign-ins for work accounts."),
            RuleExample("↓Our card processor went down for an hour."),
            RuleExample("A ↓fibre cut at our carrier took the office offline."),
            RuleExample("↓Our web host suffered an outage overnight."),
            RuleExample("Pages failed to load ↓because our DNS host was unreachable."),
            RuleExample("↓Our telecom supplier cut the wrong cable."),
            RuleExample("↓The hosting company restarted the wrong server."),
            RuleExample("The outage was caused ↓from our hosting company side."),
            RuleExample("The issue is ↓from the payment processor's end, not ours."),
        ],
        nonTriggeringExamples: [
            RuleExample("We misconfigured the load balancer."),
            RuleExample("Our change to the cache caused the errors."),
            RuleExample("We are working with our hosting provider on a fix."),
            RuleExample("We have raised the issue with AWS support."),
            RuleExample("The payment provider reports no incident."),
            RuleExample("Escalate in #inc-2041 in Slack."),
            RuleExample("The outage was due to a cut fiber."),
            RuleExample("Login failures were due to an external problem with AWS.",
                        policy: LintPolicy(severities: [:], rules: ["third-party-blame": .off])),
            RuleExample("We accept full responsibility, although the fault began at our supplier."),
            RuleExample("Cloudflare issued a statement about the attack."),
            RuleExample("We moved our website to a new web host last year."),
            RuleExample("We configured our vendor's tool using the wrong certificate."),
            RuleExample("The report came from our support team."),
            RuleExample("We are checking this from our side as well."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        PhraseRuleSupport.findings(of: .blame, rule: description.id, context, into: &findings)
    }
}
