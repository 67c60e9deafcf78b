import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// `open --from FILE` is a write like any other (QA #13): the state is updated now, and the next
/// update it promises lies ahead.
@Suite("Opening from a state file")
struct OpenFromFileTests {
    func state(_ h: WorkflowHarness, _ id: String = "INC-2041") throws -> IncidentState {
        try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: id).snapshot().snapshot.state)
    }

    @Test func theStateIsStampedWithTheWriteTime() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T09:30:00Z" // the file says last updated 09:25, next update 09:55
        let opened = h.open("checkout-identified.json")
        #expect(opened.status == 0, "\(opened.stderr)")
        let state = try state(h)
        #expect(state.lastUpdatedAt == (try ISO8601.parse("2026-11-24T09:30:00Z")))
        #expect(state.nextUpdateAt == (try ISO8601.parse("2026-11-24T09:55:00Z")))
    }

    @Test func aNextUpdateAlreadyPastIsRefusedUnlessANewOneIsGiven() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-30T05:00:00Z" // six days after the file's next update
        let file = Repo.path("examples/checkout-identified.json")
        let refused = h.run(["open", "--from", file])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("checkout-identified.json:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("$.nextUpdateAt"), "\(refused.stderr)")
        #expect(refused.stderr.contains("has passed") && refused.stderr.contains("--next-update +30m"), "\(refused.stderr)")
        #expect(h.read(["show", "INC-2041"]).status != 0, "nothing is written")

        let renewed = h.run(["open", "--from", file, "--next-update", "+30m"])
        #expect(renewed.status == 0, "\(renewed.stderr)")
        #expect(renewed.stdout.contains("--next-update +30m = "), "\(renewed.stdout)")
        let state = try state(h)
        #expect(state.lastUpdatedAt == (try ISO8601.parse("2026-11-30T05:00:00Z")))
        #expect(state.nextUpdateAt == (try ISO8601.parse("2026-11-30T05:30:00Z")))

        let otherFlags = h.run(["open", "--from", file, "--title", "x"])
        #expect(otherFlags.status == 64 && otherFlags.stderr.contains("only --next-update goes with --from"), "\(otherFlags.stderr)")
    }
}
