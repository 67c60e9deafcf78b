import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Approve, pull, publish, due")
struct ApprovalTests {
    @Test func approveThenPullPrintsExactlyTheApprovedText() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T09:10:00Z" // opened at the file's own last update, so the state matches the file
        _ = h.open()
        h.now = "2026-11-24T09:13:00Z"
        let approved = h.run(["approve", "INC-2041", "customer"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("INC-2041: customer approved for revision 1 by dana (sha256 "))
        let rendered = chorus("render", "examples/checkout-investigating.json", "--audience", "customer", "--now", h.now)
        let pulled = h.read(["pull", "INC-2041", "customer"])
        #expect(pulled.status == 0)
        #expect(pulled.stdout == rendered.stdout)
        #expect(pulled.stderr.contains("approved by dana at 2026-11-24T09:13:00Z for revision 1"))
        let entry = try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").snapshot().snapshot.approvals["customer"])
        #expect(entry.sha256 == SHA256.hex(entry.text ?? ""))
        // The same approved words in another format.
        let html = h.read(["pull", "INC-2041", "customer", "--format", "html"])
        #expect(html.stdout.hasPrefix("<div class=\"chorus-draft\">\n<h2>Card payments failing at checkout</h2>"))
    }

    @Test func aPullAfterTheStateMovedOnIsStaleWithExitThree() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        _ = h.run(["approve", "INC-2041", "support"])
        h.now = "2026-11-24T09:20:00Z"
        _ = h.run(["update", "INC-2041", "--status", "identified", "--workaround", "Pay with PayPal for now."])
        let pulled = h.read(["pull", "INC-2041", "support"])
        #expect(pulled.status == 3)
        #expect(pulled.stdout.contains("Our team is looking into it now."), "the approved text still prints")
        #expect(pulled.stderr.contains("stale: approved for revision 1, but INC-2041 is now at revision 2 (by dana at 2026-11-24T09:20:00Z)"))
        #expect(pulled.stderr.contains("changed since: $.status, $.workaround"))
        _ = h.run(["approve", "INC-2041", "support"])
        #expect(h.read(["pull", "INC-2041", "support"]).status == 0)
    }

    @Test func aDraftWithErrorFindingsIsRefusedUnlessOverriddenWithAReason() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:14:00Z"
        _ = h.run(["update", "INC-2041", "--impact", "Card payments are failing, probably the database. It will be fixed within the hour."])
        let refused = h.run(["approve", "INC-2041", "customer"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has"))
        #expect(refused.stderr.contains("has 2 error findings;"))
        #expect(refused.stderr.contains("customer:"))
        #expect(refused.stderr.contains("[speculation/"))
        #expect(refused.stderr.contains("[eta/"))
        #expect(!h.read(["log", "INC-2041"]).stdout.contains("approved customer"), "nothing was journaled")
        let overridden = h.run(["approve", "INC-2041", "customer", "--override", "Legal approved this wording"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("OVERRIDE: Legal approved this wording"))
        let log = h.read(["log", "INC-2041"]).stdout
        #expect(log.contains("approved customer for revision 2"))
        #expect(log.contains("OVERRIDE: Legal approved this wording"))
        let pulled = h.read(["pull", "INC-2041", "customer"])
        #expect(pulled.stderr.contains("warning: approved with an OVERRIDE: Legal approved this wording"))
        #expect(h.read(["show", "INC-2041"]).stdout.contains("customer r2 (override: Legal approved this wording)"))
    }

    /// QA #14: recording by hand follows the rule --send follows: a stale approval is refused
    /// (exit 1) unless --override says why the stale text went out anyway.
    @Test func aStaleApprovalIsNotRecordedAsPublishedWithoutAnOverride() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        #expect(h.run(["approve", "INC-2041", "support"]).status == 0)
        h.now = "2026-11-24T09:14:00Z"
        #expect(h.run(["fact", "INC-2041", "Support sees fewer reports since 09:13.", "--source", "support"]).status == 0)
        let refused = h.run(["publish", "INC-2041", "support", "--channel", "desk"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("support: refused: the approved draft is stale: approved for revision 1, but the incident is at revision 2"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--override \"reason\""), "\(refused.stderr)")
        #expect(!h.read(["log", "INC-2041"]).stdout.contains("published support"), "nothing was journaled")

        #expect(h.run(["publish", "INC-2041", "support", "--send", "--override", "x"]).status == 64)
        #expect(h.run(["publish", "INC-2041", "support", "--override", " "]).status == 64)
        let overridden = h.run(["publish", "INC-2041", "support", "--channel", "desk", "--override", "The macro went out before the new fact"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stderr.contains("recorded with the override: The macro went out before the new fact"), "\(overridden.stderr)")
        let log = h.read(["log", "INC-2041"]).stdout
        #expect(log.contains("published support revision 1 to desk"), "\(log)")
        #expect(log.contains("STALE approval, OVERRIDE: The macro went out before the new fact"), "\(log)")
        #expect(h.read(["verify", "INC-2041"]).status == 0)
    }

    @Test func publishRecordsWhereTheApprovedTextWentAndDueSaysWhatIsOwed() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        let unapproved = h.run(["publish", "INC-2041", "customer", "--channel", "statuspage"])
        #expect(unapproved.status == 2)
        #expect(unapproved.stderr.contains("nothing approved for customer yet"))
        _ = h.run(["approve", "INC-2041", "customer"])
        h.now = "2026-11-24T09:15:00Z"
        let published = h.run(["publish", "INC-2041", "customer", "--channel", "statuspage"])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(h.read(["log", "INC-2041"]).stdout.contains("published customer revision 1 to statuspage (approval #2)"))
        h.now = "2026-11-24T09:45:00Z"
        let due = h.read(["due"])
        #expect(due.stdout.contains("INC-2041  customer     09:15 UTC r1 (statuspage)  09:40 UTC        OVERDUE by 5 minutes"))
        #expect(due.stdout.contains("INC-2041  engineering  never"))
        #expect(due.stderr.contains("updates are overdue"))
    }
}

@Suite("chorus render")
struct RenderCommandTests {
    @Test func allPrintsEveryApplicableAudienceUnderAHeaderWithAFindingsSummary() {
        let result = chorus("render", "examples/checkout-identified.json", "--all", "--now", "2026-11-24T09:40:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        for header in ["==== customer (markdown, Public status page): 0 errors", "==== engineering (slack, Slack incident channel): 0 errors",
                       "==== leadership (text", "==== sales (text", "==== support (text, Support desk macro): 0 errors"] {
            #expect(result.stdout.contains(header), "\(header)")
        }
        #expect(!result.stdout.contains("==== review"))
        #expect(result.stderr.contains("note: review does not apply to this incident while it is identified (--audience review gives its draft)"), "\(result.stderr)")
    }

    @Test func aDraftWithErrorsExitsOneAndPrintsFindingsWithPositions() throws {
        var state = try String(contentsOfFile: Repo.path("examples/checkout-investigating.json"), encoding: .utf8)
        state = state.replacingOccurrences(of: "Customers can pay with PayPal or a gift card while we work on card payments.",
                                           with: "This is just a small blip and will be fixed within the hour.")
        let result = chorus(["render", "-", "--audience", "customer", "--format", "text", "--now", "2026-11-24T09:25:00Z"], stdin: state)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("customer:") && $0.contains(": error: [minimizing/") })
        #expect(lines.contains { $0.hasPrefix("customer:") && $0.contains(": error: [eta/") })
    }

    @Test func usageMistakesExitSixtyFour() {
        #expect(chorus("render", "examples/checkout-identified.json").status == 64)
        #expect(chorus("render", "examples/checkout-identified.json", "--audience", "customer", "--all").status == 64)
        let typo = chorus("render", "examples/checkout-identified.json", "--audence", "customer")
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Did you mean '--audience'?"))
        let unknown = chorus("render", "examples/checkout-identified.json", "--audience", "custmer")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unknown audience 'custmer'\nDid you mean 'customer'?\n"))
    }

    @Test func jsonEnvelopeCarriesAudienceIncidentHashTextAndFindings() throws {
        let result = chorus("render", "examples/checkout-identified.json", "--audience", "engineering", "--format", "json", "--now", "2026-11-24T09:40:00Z")
        let node = try JSONParser.parse(result.stdout)
        #expect(node["audience"]?.stringValue == "engineering")
        #expect(node["incident"]?.stringValue == "INC-2041")
        #expect(node["stateHash"]?.stringValue?.count == 64)
        #expect(node["text"]?.stringValue?.contains("SEV1 INC-2041") == true)
        #expect(node["findings"]?.elements != nil)
    }

    /// A new audience is a new folder: no Swift change renders it.
    @Test func aNewAudienceFolderRendersWithoutCodeChanges() throws {
        let dir = try Repo.scratch()
        defer { withExtendedLifetime(dir) {} } // the folder lives until the test ends
        let audiences = dir.appendingPathComponent("audiences")
        try FileManager.default.copyItem(atPath: Repo.path("audiences"), toPath: audiences.path)
        let partners = audiences.appendingPathComponent("partners")
        try FileManager.default.createDirectory(at: partners, withIntermediateDirectories: true)
        try """
        {
          "name": "partners",
          "description": "Partner update",
          "audience": "Integration partners",
          "channel": "Partner email",
          "format": "text",
          "appliesTo": { "kinds": ["incident"] },
          "shows": ["title", "status", "impact", "nextUpdateAt"],
          "policy": { "speculation": "error", "eta": "error", "promise": "error", "jargon": "error",
                      "blame": "error", "minimizing": "error", "internal-name": "error", "length": "off", "cadence": "error" }
        }
        """.write(to: partners.appendingPathComponent("audience.json"), atomically: true, encoding: .utf8)
        try "# Partner notice: {{title}}\n\n{{impact.summary}}\n\n{{>next-update}}\n".write(to: partners.appendingPathComponent("template.mustache"), atomically: true, encoding: .utf8)
        let result = chorus("render", "examples/checkout-investigating.json", "--audience", "partners", "--audiences", audiences.path, "--now", "2026-11-24T09:25:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Partner notice: Card payments failing at checkout\n"))
        #expect(result.stdout.contains("We will post the next update by 09:40 UTC."))
        // A template naming a partial that does not exist fails at load time, with its position.
        try "# {{title}}\n{{>missing}}\n".write(to: partners.appendingPathComponent("template.mustache"), atomically: true, encoding: .utf8)
        let broken = chorus("render", "examples/checkout-investigating.json", "--audience", "partners", "--audiences", audiences.path)
        #expect(broken.status == 2, "the audiences cannot be loaded: the tool could not run")
        #expect(broken.stderr.contains("partners/template.mustache:2:1: error:"))
    }
}

@Suite("Audience templates may not bypass escaping")
struct UnsafeAudienceTemplateTests {
    @Test(arguments: ["{{{impact.summary}}}", "{{& impact.summary}}", "{{>*title}}"])
    func unescapedOrDynamicTagsAreRefusedAtLoad(tag: String) throws {
        let dir = try Repo.scratch()
        defer { withExtendedLifetime(dir) {} } // the folder lives until the test ends
        let audiences = dir.appendingPathComponent("audiences")
        try FileManager.default.copyItem(atPath: Repo.path("audiences"), toPath: audiences.path)
        try "# {{title}}\n\n\(tag)\n".write(to: audiences.appendingPathComponent("customer/incident.mustache"), atomically: true, encoding: .utf8)
        let result = chorus("render", "examples/checkout-investigating.json", "--audience", "customer", "--audiences", audiences.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("customer/incident.mustache:3:1: error:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
