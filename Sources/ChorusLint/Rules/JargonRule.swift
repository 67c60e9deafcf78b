/// Technical terms with plain-language substitutes from the phrasebook, matched with simple
/// inflections ("roll back", "rolled back", "rolling back", "rollback").
struct JargonRule: Rule {
    let description = RuleDescription(
        id: "plain-language",
        name: "Jargon",
        categories: [.jargon],
        summary: "Finds technical vocabulary and suggests plain words: 'rollback', 'latency', 'Kubernetes cluster', 'API', 'HTTP/503', 's390x'.",
        rationale: """
            Customers, support and sales read for impact, not mechanism. The phrasebook lists technical \
            vocabulary by family (infrastructure, delivery, data, networking, failure modes, security, \
            tools) with plain substitutes where there are good ones, and the rule also finds \
            abbreviations, error codes, region codes, identifiers mixing letters and digits, paths and \
            file types. Not reported: plain words of technical origin (database, server, outage, backup, \
            migration, root cause), a term inside a capitalized product name ('Azure Container \
            Instances'; API and UI are always reported), a term the message explains ('koji (the Fedora \
            build system)'), and the organization's own vocabulary. --fix applies a single substitute \
            only when it fits the sentence: 'a bad config' does not become 'a bad settings'.
            """,
        triggeringExamples: [
            RuleExample("We started a ↓rollback."),
            RuleExample("Engineers ↓rolled back the change."),
            RuleExample("↓Latency rose in the afternoon."),
            RuleExample("The ↓Kubernetes cluster was upgraded."),
            RuleExample("Some ↓instances in one region were unavailable, affecting ↓workloads."),
            RuleExample("The ↓API returned ↓HTTP/503 errors."),
            RuleExample("The ↓DNS records were wrong."),
            RuleExample("Builds on ↓s390x machines failed."),
            RuleExample("Requests to ↓/bash ↓timed out."),
            RuleExample("Users saw ↓502 errors."),
            RuleExample("The ↓FRA region was degraded."),
            RuleExample("The Web ↓UI of the Artifact Store was down."),
            RuleExample("The ↓message broker stopped accepting new messages."),
            RuleExample("We performed a ↓switchover to the standby site."),
            RuleExample("Several ↓volumes in one zone became unresponsive."),
            RuleExample("A rule blocked connections on ↓port 443."),
            RuleExample("The ↓filesystem ran out of space."),
            RuleExample("An ↓unhandled exception crashed the service."),
            RuleExample("The ↓garbage collector paused the process."),
            RuleExample("An ↓environment variable was missing from the release."),
            RuleExample("The on-duty engineer ↓was paged at 02:13."),
            RuleExample("The planned ↓brownout ends at noon."),
        ],
        nonTriggeringExamples: [
            RuleExample("The database was slow to respond."),
            RuleExample("We restored the backup after the migration."),
            RuleExample("Azure Container Instances were unavailable."),
            RuleExample("The root cause was an expired certificate."),
            RuleExample("Builds run on koji (the tool that makes Fedora packages) and were delayed."),
            RuleExample("More than 1024 people were playing at once."),
            RuleExample("Please turn on 2FA for your account."),
            RuleExample("Times are in UTC."),
            RuleExample("Sign-ins through the User Access Manager (UAM) failed; UAM is working again."),
            RuleExample("Edits to the CMS (content management system) were paused, so the CMS was read-only."),
            RuleExample("Uploads failed between 12:01a and 2:30p CDT, from 5.44pm to 6pm, and again 3-5am."),
            RuleExample("Files over 2TB, or 10x the usual size, failed to upload."),
            RuleExample("We will revert to you with an update by end of day."),
            RuleExample("The fleeting outage was over in seconds."),
            RuleExample("Customers with large volumes of orders saw slower exports."),
            RuleExample("Uploads over 50 MB failed; we will update you by EOD."),
            RuleExample("Payments failed because the payment gateway was unavailable."),
            RuleExample("The support team worked through the night."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let tokens = context.document.tokens
        let explained = Explanations.explainedKeys(tokens)
        PhraseRuleSupport.findings(of: .jargon, rule: description.id, context, into: &findings, keep: { match in
            explained.isEmpty || !match.tokens.contains { explained.contains(tokens[$0].key) }
        })
    }
}
