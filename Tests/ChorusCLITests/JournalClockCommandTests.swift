import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// The clock of writes as users meet it, and crashes that now exit with an error.
@Suite("Journal clock and hostile numbers, from the command line")
struct JournalClockCommandTests {
    /// `--now` is for reading and rendering: a write with it is a usage error unless replaying,
    /// and nothing is written.
    @Test func aWriteWithNowIsRefusedUnlessReplaying() throws {
        let h = try WorkflowHarness()
        #expect(h.open().status == 0)
        let store = ["--store", h.store, "--as", "dana"]
        for environment in [[:], ["CHORUS_NOW": "2099-01-01T00:00:00Z"]] {
            let args = ["note", "INC-2041", "Dated ahead"] + store + (environment.isEmpty ? ["--now", "2099-01-01T00:00:00Z"] : [])
            let refused = chorus(args, environment: environment)
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains("a write always takes the real clock"))
            #expect(refused.stderr.contains("CHORUS_REPLAY=1"))
        }
        let entries = try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").entries()
        #expect(entries.count == 1, "nothing was written")
        // Replaying is explicit, marked, and still cannot date an entry ahead of the real clock.
        let ahead = chorus(["note", "INC-2041", "x", "--now", "2099-01-01T00:00:00Z"] + store, environment: ["CHORUS_REPLAY": "1"])
        #expect(ahead.status == 2, "the journal could not take the write")
        #expect(ahead.stderr.contains("is in the future"))
        let replayed = chorus(["note", "INC-2041", "replayed", "--now", "2026-11-24T09:30:00Z"] + store, environment: ["CHORUS_REPLAY": "1"])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        let real = chorus(["note", "INC-2041", "on the real clock"] + store)
        #expect(real.status == 0, "\(real.stderr)")
        let after = try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").entries()
        #expect(after.map(\.clock) == ["replay", "replay", nil])
        #expect(after[2].at.timeIntervalSinceNow.magnitude < 300, "the real clock dated it")
    }

    /// Once replayed entries are dated in the past, a real-clock write follows them.
    @Test func anApprovalIsCheckedAgainstTheRealClockNotNow() throws {
        let h = try WorkflowHarness()
        #expect(h.open().status == 0)
        // The example promises its next update by 2026-11-24T09:40:00Z, long passed in real time.
        let approve = chorus(["approve", "INC-2041", "customer", "--store", h.store, "--as", "dana"])
        #expect(approve.status == 1)
        #expect(approve.stderr.contains("which has passed"))
        // --now set back cannot let it through: a write does not take --now.
        let setBack = chorus(["approve", "INC-2041", "customer", "--store", h.store, "--as", "dana", "--now", "2026-11-24T09:13:00Z"])
        #expect(setBack.status == 64)
    }

    @Test func aMonitoringPeriodNearIntMaxIsRefusedAndTheLargestAllowedDoesNotTrapResolve() throws {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:30:00Z"
        let tooLarge = h.run(["update", "INC-2041", "--status", "monitoring", "--next-update", "2026-11-24T10:00:00Z",
                              "--monitoring-period", "\(Int.max)"])
        #expect(tooLarge.status == 1)
        #expect(tooLarge.stderr.contains("at $.monitoringPeriodMinutes: must be at most 9007199254740991"))
        let monitoring = h.run(["update", "INC-2041", "--status", "monitoring", "--next-update", "2026-11-24T10:00:00Z",
                                "--monitoring-period", "9007199254740991"])
        #expect(monitoring.status == 0, "\(monitoring.stderr)")
        h.now = "2026-11-24T09:20:00Z" // before monitoring began: the time held would be negative
        let resolve = h.run(["resolve", "INC-2041"])
        #expect(resolve.status == 1)
        #expect(resolve.stderr.contains("monitoring for 0 of 9007199254740991 minutes"), "\(resolve.stderr)")
    }

    @Test func aStateWithAWholeNumberBeyondWhatJSONHoldsIsInvalidWithItsPosition() throws {
        let example = try String(contentsOfFile: Repo.path("examples/checkout-investigating.json"), encoding: .utf8)
        let scratch = try Repo.scratch()
        defer { withExtendedLifetime(scratch) {} }
        let file = scratch.appendingPathComponent("state.json")
        try Data(example.replacingOccurrences(of: "\"id\": \"INC-2041\"", with: "\"id\": \"INC-2041\", \"monitoringPeriodMinutes\": 9223372036854775807").utf8).write(to: file)
        let result = chorus("validate", file.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("at $.monitoringPeriodMinutes: must be at most 9007199254740991"), "\(result.stderr)")
    }

    /// `"lengthLimit": 9223372036854775807` used to trap every command that loads audiences.
    @Test func anAudienceLengthLimitOfIntMaxIsAnErrorWithItsPosition() throws {
        let scratch = try Repo.scratch()
        defer { withExtendedLifetime(scratch) {} }
        let audiences = scratch.appendingPathComponent("audiences")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("audiences"), to: audiences)
        let definition = audiences.appendingPathComponent("customer/audience.json")
        var text = try String(contentsOf: definition, encoding: .utf8)
        let range = try #require(text.range(of: #""lengthLimit": [0-9]+"#, options: .regularExpression))
        text.replaceSubrange(range, with: "\"lengthLimit\": 9223372036854775807")
        try Data(text.utf8).write(to: definition)
        for arguments in [["render", "examples/checkout-investigating.json", "--audience", "customer"], ["audiences"],
                          ["lint", "examples/support-reply.txt", "--audience", "customer"]] {
            let result = chorus(arguments + ["--audiences", audiences.path])
            #expect(result.status != 0 && result.status != 64, "\(arguments[0])")
            #expect(result.stderr.contains("customer/audience.json:"), "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("must be at most 9007199254740991"), "\(arguments[0]): \(result.stderr)")
        }
    }
}
