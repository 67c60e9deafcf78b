import ChorusCLI
import Foundation
import Testing

/// QA #7: a clock time typed for something that happened is the most recent one; one that
/// reaches more than 12 hours back, or before the incident started, needs its full date —
/// symmetric to the 12-hour rule for --next-update.
@Suite("Past clock times")
struct PastClockTimeTests {
    @Test func aClockTimeADayBackOrBeforeTheStartIsRefusedWithoutItsDate() throws {
        let h = try WorkflowHarness() // now 09:12 UTC; the incident started 08:52
        #expect(h.open().status == 0)
        let dayBack = h.run(["fact", "INC-2041", "Errors began after the release.", "--source", "engineering", "--at", "09:30"])
        #expect(dayBack.status == 64, "\(dayBack.stderr)")
        #expect(dayBack.stderr.contains("--at: \"09:30\" is Mon 23 Nov 09:30 UTC"), "\(dayBack.stderr)")
        #expect(dayBack.stderr.contains("more than 12 hours back is refused unless you give its full date, such as 2026-11-23T09:30:00"), "\(dayBack.stderr)")

        let beforeStart = h.run(["fact", "INC-2041", "Errors began after the release.", "--source", "engineering", "--at", "08:30"])
        #expect(beforeStart.status == 64, "\(beforeStart.stderr)")
        #expect(beforeStart.stderr.contains("before INC-2041 started (08:52 UTC)"), "\(beforeStart.stderr)")
        #expect(!h.read(["log", "INC-2041"]).stdout.contains("fact from engineering"), "nothing was written")

        let field = h.run(["set", "INC-2041", "detectedAt", "10:00"])
        #expect(field.status != 0 && field.stderr.contains("more than 12 hours back"), "\(field.stderr)")

        let dated = h.run(["fact", "INC-2041", "The release went out.", "--source", "engineering", "--at", "2026-11-24T08:30:00Z"])
        #expect(dated.status == 0, "a full date is taken as given: \(dated.stderr)")
        let recent = h.run(["fact", "INC-2041", "Errors began after the release.", "--source", "engineering", "--at", "09:00"])
        #expect(recent.status == 0, "\(recent.stderr)")
    }
}
