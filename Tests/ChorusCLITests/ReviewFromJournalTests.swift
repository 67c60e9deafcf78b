import ChorusCLI
import ChorusCore
import Foundation
import Testing

/// The post-incident review of a journaled incident tells the journal's story: status changes,
/// what was published to whom, notes, settled hypotheses and finished steps with their times;
/// it can be drafted (marked so) while the incident runs, and is approved only once resolved.
@Suite("Review from the journal")
struct ReviewFromJournalTests {
    func review(_ h: WorkflowHarness) -> ChorusCommandLine.Result {
        h.read(["render", "--incident", "INC-2041", "--audience", "review", "--format", "text"])
    }

    /// Runs `arguments` and requires exit 0.
    func ok(_ h: WorkflowHarness, _ arguments: [String]) {
        let result = h.run(arguments)
        #expect(result.status == 0, "chorus \(arguments.joined(separator: " ")): \(result.stderr)")
    }

    @Test func aDraftBeforeResolutionTellsTheJournalAndCannotBeApproved() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        ok(h, ["approve", "INC-2041", "customer"])
        ok(h, ["publish", "INC-2041", "customer", "--channel", "statuspage"])
        h.now = "2026-11-24T09:15:00Z"
        ok(h, ["note", "INC-2041", "Called the payment provider: no incident on their side."])
        ok(h, ["step", "INC-2041", "S1", "--state", "done"])
        h.now = "2026-11-24T09:20:00Z"
        ok(h, ["update", "INC-2041", "--status", "identified", "--next-update", "+30m"])
        ok(h, ["confirm", "INC-2041", "H1"])
        ok(h, ["rule-out", "INC-2041", "H2"])

        let draft = review(h)
        #expect(draft.status == 0, "a review can be drafted while the incident is open: \(draft.stderr)")
        let text = draft.stdout
        #expect(text.contains("DRAFT: the incident is still open (Identified)."))
        #expect(text.contains("Customer impact: 28 minutes so far, since 08:52 UTC."))
        for line in [
            "- 09:12 UTC: Incident opened (Investigating).",
            "- 09:12 UTC: Published revision 1 to customer (statuspage), by dana. Customers were told: Some customers cannot complete checkout when paying by card.",
            "- 09:15 UTC: Done: Compare callback payloads before and after 08:52 (Marco Silva)",
            "- 09:15 UTC: Note from dana: Called the payment provider: no incident on their side.",
            "- 09:20 UTC: Cause identified (Identified).",
            "- 09:20 UTC: Confirmed: A change to the callback signature check rejects valid provider callbacks.",
            "- 09:20 UTC: Ruled out: The payment provider is having an outage of its own.",
        ] {
            #expect(text.contains(line), "missing \(line) in:\n\(text)")
        }
        #expect(text.contains("Confirmed so far: A change to the callback signature check rejects valid provider callbacks."))
        #expect(!text.contains("still being analysed"))
        #expect(draft.stderr.contains("a draft: it can be approved once the incident is resolved"), "\(draft.stderr)")

        let approve = h.run(["approve", "INC-2041", "review"])
        #expect(approve.status == 2)
        #expect(approve.stderr.contains("the review of INC-2041 is still a draft while the incident is identified; approve it once it is resolved"), "\(approve.stderr)")
        let all = h.run(["approve", "INC-2041", "--all"])
        #expect(!all.stdout.contains("review"), "approve --all leaves the draft review alone")
    }

    @Test func aFixThatDidNotHoldSplitsTheImpactAndTheResolvedReviewIsApprovedAsRead() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:30:00Z"
        ok(h, ["component", "INC-2041", "payments-callback", "--status", "operational"])
        ok(h, ["update", "INC-2041", "--status", "monitoring", "--next-update", "+2h", "--fix", "We rolled back the change.",
               "--past-impact", "Some customers could not pay by card."])
        ok(h, ["confirm", "INC-2041", "H1"])
        ok(h, ["follow-up", "INC-2041", "Test both keys", "--owner", "Marco Silva", "--due", "2026-12-01"])
        h.now = "2026-11-24T10:05:00Z"
        ok(h, ["fact", "INC-2041", "Tickets have stopped.", "--source", "support"])
        ok(h, ["resolve", "INC-2041"])
        h.now = "2026-11-24T10:10:00Z"
        ok(h, ["reopen", "INC-2041", "--reason", "Card failures returned at 10:08.", "--next-update", "+30m"])
        h.now = "2026-11-24T10:20:00Z"
        ok(h, ["update", "INC-2041", "--status", "monitoring", "--next-update", "+2h", "--fix", "Both keys are accepted."])
        h.now = "2026-11-24T10:55:00Z"
        ok(h, ["fact", "INC-2041", "No new tickets since 10:25.", "--source", "support"])
        ok(h, ["resolve", "INC-2041"])

        let rendered = review(h)
        let text = rendered.stdout
        #expect(text.contains("Customer impact: 48 minutes, between 08:52 and 09:30 UTC and again between 10:10 and 10:20 UTC."), "\(text)")
        #expect(text.contains("Time to resolve: 1 hour 52 minutes from detection at 09:03 UTC."))
        #expect(!text.contains("DRAFT"))
        let reopened = try #require(text.range(of: "- 10:10 UTC: Reopened (Investigating): Card failures returned at 10:08."))
        let failedFix = try #require(text.range(of: "- 10:10 UTC: Fix that did not hold: We rolled back the change. (Dana Kim)"))
        #expect(reopened.upperBound <= failedFix.lowerBound, "the reopening comes first")
        #expect(!text.contains("did not help"), "a fix that did not hold is not also a step that did not help")
        #expect(text.contains("- 09:30 UTC: Fix in place (Monitoring)"))
        #expect(text.contains("- 10:55 UTC: Resolved."))

        // The fingerprint render prints covers the journal's story, so approving it works.
        let fingerprint = try #require(rendered.stderr.split(separator: " ").firstIndex(of: "fingerprint").map { rendered.stderr.split(separator: " ")[$0 + 1] })
        let approved = h.run(["approve", "INC-2041", "review", "--fingerprint", String(fingerprint)])
        #expect(approved.status == 0, "\(approved.stderr)")
    }
}
