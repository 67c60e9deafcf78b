import ChorusCLI
import Foundation
import Testing

/// A draft promising the next update at a time already past fails, in every audience that states it.
@Suite("A next update time that has passed")
struct NextUpdatePassedTests {
    @Test func everyAudienceThatStatesTheTimeHasAnErrorFindingAndRenderExitsOne() {
        // checkout-identified promises the next update by 09:55 UTC.
        let late = chorus("render", "examples/checkout-identified.json", "--all", "--format", "text", "--now", "2026-11-24T10:05:00Z")
        #expect(late.status == 1)
        for audience in ["customer", "engineering", "leadership", "sales", "support"] {
            #expect(late.stderr.contains("\(audience):") && late.stderr.contains("error: [cadence/next-update-passed] the draft promises the next update by 09:55 UTC, which passed 10 minutes ago"),
                    "\(audience): \(late.stderr)")
        }
        let lines = late.stderr.split(separator: "\n").filter { $0.contains("next-update-passed") }
        #expect(lines.count == 5, "\(lines)")
        // A file is fixed in the file; a journaled incident with `chorus update` (below).
        #expect(late.stderr.contains("(suggestion: set a later $.nextUpdateAt in the state file, then render again"))
        let onTime = chorus("render", "examples/checkout-identified.json", "--all", "--format", "text", "--now", "2026-11-24T09:50:00Z")
        #expect(onTime.status == 0, "\(onTime.stderr)")
        #expect(!onTime.stderr.contains("next-update-passed"))
    }

    @Test func aJournaledIncidentIsToldToSetANewTimeFromTheCommandLine() throws {
        // Opened at 09:12 from checkout-investigating, which promises the next update by 09:40.
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:45:00Z"
        let late = h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "text"])
        #expect(late.status == 1, "\(late.stderr)")
        #expect(late.stderr.contains("which passed 5 minutes ago"), "\(late.stderr)")
        #expect(late.stderr.contains("(suggestion: set a new next update time (chorus update INC-2041 --next-update +30m), then render again)"), "\(late.stderr)")
    }

    /// approve refuses a state whose next update has passed, so pull's hint says to set a new
    /// time first; following the hint works (QA #17).
    @Test func pullOfAnApprovalWhosePromisedUpdatePassedSaysToSetANewTimeFirst() throws {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        #expect(h.run(["approve", "INC-2041", "customer"]).status == 0)
        h.now = "2026-11-24T09:45:00Z" // the promised 09:40 has passed
        let late = h.read(["pull", "INC-2041", "customer"])
        #expect(late.status == 3, "\(late.stderr)")
        #expect(late.stderr.contains("stale: the approved text promises the next update by 09:40 UTC, which has passed"), "\(late.stderr)")
        #expect(late.stderr.contains("  set a new time with: chorus update INC-2041 --next-update +30m\n  then re-approve with: chorus approve INC-2041 customer\n"),
                "\(late.stderr)")
        #expect(h.run(["approve", "INC-2041", "customer"]).status != 0, "approving first is refused, as the hint says")
        #expect(h.run(["update", "INC-2041", "--next-update", "+30m"]).status == 0)
        let changed = h.read(["pull", "INC-2041", "customer"])
        #expect(changed.status == 3)
        #expect(changed.stderr.hasSuffix("  re-approve with: chorus approve INC-2041 customer\n"), "\(changed.stderr)")
        #expect(!changed.stderr.contains("chorus update"), "the new time is set: approving is all that is left")
        let approved = h.run(["approve", "INC-2041", "customer"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(h.read(["pull", "INC-2041", "customer"]).status == 0)
    }

    @Test func aResolvedIncidentPromisesNothingAndHasNoSuchFinding() {
        let resolved = chorus("render", "examples/checkout-resolved.json", "--all", "--format", "text", "--now", "2026-11-25T10:00:00Z")
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(!resolved.stderr.contains("next-update-passed"))
    }
}
