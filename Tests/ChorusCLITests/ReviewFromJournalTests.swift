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

    /// Opens INC-2041 (impact from 08:52), puts the fix in place at 09:30 and resolves it at 10:05.
    func resolvedOnce() throws -> WorkflowHarness {
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
        return h
    }

    @Test func aFixThatDidNotHoldSplitsTheImpactAndTheResolvedReviewIsApprovedAsRead() throws {
        var h = try resolvedOnce()
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

    /// Failures came back at 10:08 and the incident was reopened at 10:10: told when, the impact
    /// counts from 10:08 in the review, the resolved customer update and the leadership brief.
    @Test func theImpactCountsFromWhenItReturnedNotFromTheReopening() throws {
        var h = try resolvedOnce()
        h.now = "2026-11-24T10:10:00Z"
        ok(h, ["reopen", "INC-2041", "--reason", "Card failures returned at 10:08.", "--impact-returned", "10:08", "--next-update", "+30m"])
        let open = h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "text"]).stdout
        #expect(open.contains("We reported it resolved at 10:05 UTC; it came back at 10:08 UTC and we are working on it again."), "\(open)")
        h.now = "2026-11-24T10:20:00Z"
        ok(h, ["update", "INC-2041", "--status", "monitoring", "--next-update", "+2h", "--fix", "Both keys are accepted."])
        h.now = "2026-11-24T10:55:00Z"
        ok(h, ["fact", "INC-2041", "No new tickets since 10:25.", "--source", "support"])
        ok(h, ["resolve", "INC-2041"])

        let text = review(h).stdout
        #expect(text.contains("Customer impact: 50 minutes, between 08:52 and 09:30 UTC and again between 10:08 and 10:20 UTC."), "\(text)")
        let returned = try #require(text.range(of: "- 10:08 UTC: The problem returned: customers were affected again."), "\(text)")
        let reopened = try #require(text.range(of: "- 10:10 UTC: Reopened (Investigating): Card failures returned at 10:08."))
        #expect(returned.upperBound <= reopened.lowerBound)
        #expect(text.contains("The problem returned at 10:08 UTC after we first reported it resolved at 10:05 UTC; we reopened it at 10:10 UTC."), "\(text)")
        let customer = h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "text"]).stdout
        #expect(customer.contains("between 08:52 and 09:30 UTC and again between 10:08 and 10:20 UTC"), "\(customer)")
        let leadership = h.read(["render", "--incident", "INC-2041", "--audience", "leadership", "--format", "text"]).stdout
        #expect(leadership.contains("customers were affected for 50 minutes, between 08:52 and 09:30 UTC and again between 10:08 and 10:20 UTC"), "\(leadership)")
    }

    /// A time still to come, or one before the resolution, is refused (exit 64) and nothing is written.
    @Test func anImpossibleReturnTimeIsRefusedAndNothingIsWritten() throws {
        var h = try resolvedOnce()
        h.now = "2026-11-24T10:10:00Z"
        let before = h.read(["log", "INC-2041"]).stdout
        for (typed, says) in [
            ("+5m", "--impact-returned: the impact cannot have returned at 10:15 UTC: that is still to come (it is 10:10 UTC)"),
            ("2026-11-24T11:00:00Z", "--impact-returned: the impact cannot have returned at 11:00 UTC: that is still to come"),
            ("09:58", "--impact-returned: the impact cannot have returned at 09:58 UTC: INC-2041 was resolved later, at 10:05 UTC"),
            ("soon", "--impact-returned: \"soon\" is not a time"),
        ] {
            let result = h.run(["reopen", "INC-2041", "--reason", "Failures returned.", "--impact-returned", typed, "--next-update", "+30m"])
            #expect(result.status == 64, "\(typed): \(result.stderr)")
            #expect(result.stderr.contains(says), "\(typed): \(result.stderr)")
        }
        #expect(h.read(["log", "INC-2041"]).stdout == before, "a refused reopen writes nothing")
        // The resolution time itself is the earliest accepted.
        ok(h, ["reopen", "INC-2041", "--reason", "Failures returned.", "--impact-returned", "10:05", "--next-update", "+30m"])
    }

    /// Marco adds a note while Dana reads the review on her terminal: the note is in the review
    /// approve checks under the lock, so what Dana read is refused as changed (showing the
    /// note), never approved without it while its fingerprint still matches.
    @Test func aNoteWrittenWhileTheReviewIsReadIsNotApprovedUnseen() throws {
        let h = try resolvedOnce()
        let store = h.store, now = h.now
        let note = "Support confirmed the tickets have stopped."
        let terminal = Terminal { prompt in
            #expect(!prompt.contains(note), "Dana reads the review before the note")
            let written = ChorusCommandLine.run(["note", "INC-2041", note, "--store", store, "--now", now, "--as", "marco"],
                                                environment: ["CHORUS_REPLAY": "1"], currentDirectory: Repo.root.path)
            #expect(written.status == 0, "\(written.stderr)")
            return "y"
        }
        let approve = ChorusCommandLine.run(["approve", "INC-2041", "review", "--store", store, "--now", now, "--as", "dana"],
                                            environment: ["CHORUS_REPLAY": "1"], currentDirectory: Repo.root.path, terminal: terminal)
        #expect(approve.status == 1, "\(approve.stdout)\(approve.stderr)")
        #expect(approve.stderr.contains("the review draft of INC-2041 changed since you read it"), "\(approve.stderr)")
        #expect(approve.stderr.contains("  + - 10:05 UTC: Note from marco: \(note)"), "\(approve.stderr)")
        let journal = try JournalStore(root: URL(fileURLWithPath: store)).journal(for: "INC-2041").entries()
        #expect(!journal.contains { $0.isApproval && $0.audience == "review" }, "nothing was approved")
    }

    /// A review read before a note was added: the refusal finds the draft that was read (with the
    /// history of its moment) and shows the difference.
    @Test func aReviewReadBeforeANoteIsRefusedWithTheDifference() throws {
        let h = try resolvedOnce()
        let rendered = review(h)
        let read = try #require(ApproveWhatWasReadTests.fingerprint(in: rendered.stderr, audience: "review"), "\(rendered.stderr)")
        ok(h, ["note", "INC-2041", "Support confirmed the tickets have stopped."])
        let refused = h.run(["approve", "INC-2041", "review", "--fingerprint", read])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the review draft of INC-2041 changed since you read it (fingerprint \(read)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("  + - 10:05 UTC: Note from dana: Support confirmed the tickets have stopped."), "\(refused.stderr)")
        #expect(!refused.stderr.contains("had fingerprint"))
    }
}

