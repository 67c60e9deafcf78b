/// Internal hosts and addresses: IPv4 and IPv6 addresses, `localhost`, and hostnames with an
/// internal label (`.internal`, `.local`, `prod`, `svc`…) or a numbered first label (`db-01`).
struct HostAddressRule: Rule {
    let description = RuleDescription(
        id: "host-address",
        name: "Host or address",
        categories: [.internalName],
        summary: "Finds IP addresses and internal hostnames: '10.0.3.17', 'db-01.prod.internal'.",
        rationale: """
            Addresses and machine names mean nothing to customers and map the infrastructure for \
            anyone else. Public hostnames such as status.example.com are fine; a hostname counts as \
            internal when one of its labels is listed under [host-labels] in the phrasebook or its \
            first label is a numbered machine (db01, web-3).
            """,
        triggeringExamples: [
            RuleExample("Connections to ↓10.0.3.17 failed."),
            RuleExample("Requests to ↓db-01.prod.internal timed out."),
            RuleExample("The resolver at ↓fe80::1 stopped answering, then ↓localhost did too."),
            RuleExample("Port ↓10.0.3.17:5432 refused connections."),
        ],
        nonTriggeringExamples: [
            RuleExample("Visit status.example.com for updates."),
            RuleExample("Node.js clients are unaffected."),
            RuleExample("Version 2.3.1 fixes the issue."),
            RuleExample("Errors rose between 14:00 and 14:20 UTC."),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let document = context.document
        let suggestion = "name the affected service as customers know it"
        let address = FindingWording(rule: description.id, template: MessageTemplate("'{match}' is an IP address"), suggestion: suggestion)
        let hostname = FindingWording(rule: description.id, template: MessageTemplate("'{match}' is an internal hostname"),
                                      suggestion: suggestion)
        for (run, shape) in document.internalNames where shape == .ipAddress || shape == .hostname {
            guard !document.internalNameExceptions.overlaps(run.lowerBound, run.upperBound) else { continue }
            let text = document.text(run.lowerBound, run.upperBound)
            findings.append(shape == .ipAddress ? address : hostname, category: .internalName, start: run.lowerBound,
                            end: run.upperBound, match: text, term: text)
        }
    }
}
