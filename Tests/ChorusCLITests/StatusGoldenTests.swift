import ChorusCLI
import Foundation
import Testing

/// An incident driven through every status from the command line alone, with every audience's
/// draft (as text) at each status compared with the files under
/// Tests/ChorusCLITests/Golden/cli-incident, so the wording at each status is a reviewed diff.
/// Regenerate with: CHORUS_UPDATE_GOLDEN=1 swift test --filter StatusGoldenTests
@Suite("Drafts at every status of a CLI-driven incident")
struct StatusGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/cli-incident")
    static let update = ProcessInfo.processInfo.environment["CHORUS_UPDATE_GOLDEN"] == "1"
    static let audiences = ["customer", "engineering", "leadership", "review", "sales", "support"]

    /// Runs `arguments` and requires exit 0.
    func ok(_ h: WorkflowHarness, _ arguments: [String]) {
        let result = h.run(arguments)
        #expect(result.status == 0, "chorus \(arguments.joined(separator: " ")): \(result.stderr)")
    }

    /// Every audience's draft now, compared with (or written to) `stage`'s folder.
    func compare(_ h: WorkflowHarness, stage: String) throws {
        for audience in Self.audiences {
            let result = h.read(["render", "--incident", "INC-5100", "--audience", audience, "--format", "text"])
            #expect(result.status == 0, "\(stage)/\(audience): \(result.stderr)")
            let file = Self.folder.appendingPathComponent(stage).appendingPathComponent("\(audience).txt")
            if Self.update {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try result.stdout.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: file, encoding: .utf8)
            #expect(expected == result.stdout, "\(stage)/\(audience).txt differs; review the change and regenerate with CHORUS_UPDATE_GOLDEN=1 swift test --filter StatusGoldenTests")
        }
    }

    @Test func everyAudienceAtEveryStatus() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T14:12:00Z"
        ok(h, ["open", "INC-5100", "--title", "Card payments failing at checkout", "--severity", "sev1",
               "--impact", "Some customers cannot complete checkout when paying by card.",
               "--affected", "Customers paying by card on the web and in the apps", "--lead", "Dana Kim", "--comms", "Priya Raman",
               "--started", "13:58", "--detected", "14:03", "--next-update", "+30m"])
        ok(h, ["set", "INC-5100", "roles.escalation", "#payments-oncall", "workaround", "Customers can pay with PayPal or a gift card."])
        ok(h, ["add", "INC-5100", "impact.segments", "EU merchants"])
        ok(h, ["add", "INC-5100", "components", "--internal-name", "payments-callback", "--public-name", "Checkout", "--status", "partial_outage"])
        ok(h, ["fact", "INC-5100", "The payment-callback error rate rose from 0.2% to 38% at 13:58.", "--source", "monitoring"])
        ok(h, ["hypothesis", "INC-5100", "A change to the callback signature check rejects valid callbacks."])
        ok(h, ["step", "INC-5100", "Compare callback payloads before and after 13:58", "--owner", "Marco Silva", "--state", "in_progress"])
        ok(h, ["approve", "INC-5100", "customer", "support"])
        ok(h, ["publish", "INC-5100", "customer", "support"])
        try compare(h, stage: "1-investigating")

        h.now = "2026-11-24T14:40:00Z"
        ok(h, ["confirm", "INC-5100", "H1"])
        ok(h, ["update", "INC-5100", "--status", "identified", "--next-update", "+30m"])
        ok(h, ["note", "INC-5100", "Rolling back the signature change."])
        try compare(h, stage: "2-identified")

        h.now = "2026-11-24T15:05:00Z"
        ok(h, ["step", "INC-5100", "S1", "--state", "done"])
        ok(h, ["component", "INC-5100", "payments-callback", "--status", "operational"])
        ok(h, ["update", "INC-5100", "--status", "monitoring", "--next-update", "+40m",
               "--fix", "We undid the change to the callback signature check; card payments work again.",
               "--past-impact", "Some customers could not complete checkout when paying by card."])
        ok(h, ["approve", "INC-5100", "customer"])
        ok(h, ["publish", "INC-5100", "customer"])
        try compare(h, stage: "3-monitoring")

        h.now = "2026-11-24T15:40:00Z"
        ok(h, ["fact", "INC-5100", "No new card checkout failures since 15:10.", "--source", "support"])
        ok(h, ["follow-up", "INC-5100", "Test callbacks signed with both keys before a rotation", "--owner", "Marco Silva", "--due", "2026-12-04"])
        ok(h, ["resolve", "INC-5100"])
        try compare(h, stage: "4-resolved")
    }
}
