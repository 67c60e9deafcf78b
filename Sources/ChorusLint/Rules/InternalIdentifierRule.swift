/// Service and code identifiers: `payments-api`, `auth_service`, `checkoutService`, `us-east-1`.
/// Reads code spans and quotes too (an internal name in backticks still leaks it), but not URLs.
struct InternalIdentifierRule: Rule {
    let description = RuleDescription(
        id: "internal-identifier",
        name: "Internal identifier",
        categories: [.internalName],
        summary: "Finds service and code identifiers: 'payments-api', 'auth_service', 'checkoutService'.",
        rationale: """
            Readers outside engineering know the product, not the services behind it, and internal \
            names reveal architecture. An identifier counts when it joins words with '_', or joins \
            with '-' or camelCase a part the phrasebook lists under [identifier-parts] (api, svc, \
            worker, db…), or ends in a number after named parts (us-east-1). Name what the \
            customer sees instead.
            """,
        triggeringExamples: [
            RuleExample("Errors came from ↓payments-api."),
            RuleExample("The ↓auth_service pods restarted."),
            RuleExample("↓checkoutService timed out."),
            RuleExample("Traffic in `↓us-east-1` was affected."),
        ],
        nonTriggeringExamples: [
            RuleExample("Please follow up with a sign-in attempt."),
            RuleExample("We offer real-time updates and server-side rendering."),
            RuleExample("Details at https://status.example.com/payments-api today."),
            RuleExample("Files are stored as UTF-8 and signed with SHA-256."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let document = context.document
        let wording = FindingWording(rule: description.id, template: MessageTemplate("'{match}' looks like an internal service or code name"),
                                     suggestion: "name the feature customers use instead")
        for (run, shape) in document.internalNames where shape == .identifier {
            guard !document.internalNameExceptions.overlaps(run.lowerBound, run.upperBound) else { continue }
            let text = document.text(run.lowerBound, run.upperBound)
            findings.append(wording, category: .internalName, start: run.lowerBound, end: run.upperBound, match: text, term: text)
        }
    }
}
