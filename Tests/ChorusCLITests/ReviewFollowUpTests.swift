import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Behaviours added after review: who hears a correction, monitoring that must hold unbroken,
/// approved wording carried verbatim, times that cannot go stale silently or be backdated.
@Suite("Workflow edge cases")
struct WorkflowEdgeCaseTests {
    func state(_ h: WorkflowHarness) throws -> IncidentState {
        try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").snapshot().snapshot.state)
    }

    @Test func aRetractedFactIsCorrectedWhereFactsWereShownAndAStatementEverywhere() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:15:00Z"
        _ = h.run(["retract", "INC-2041", "F2", "--correct", "The error rate rose to 12%, not 38%."])
        let engineering = h.read(["render", "--incident", "INC-2041", "--audience", "engineering", "--format", "text"]).stdout
        let customer = h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "text"]).stdout
        #expect(engineering.contains("Correction: earlier we said \"The payment-callback error rate rose from 0.2% to 38% at 08:52.\" What is true now: The error rate rose to 12%, not 38%."))
        #expect(!customer.contains("Correction:"), "customers never saw the fact")
        let said = h.run(["retract", "INC-2041", "--said", "Customers may be charged twice.", "--correct", "Nobody is charged twice."])
        #expect(said.status == 0, "\(said.stderr)")
        for audience in ["customer", "support", "sales", "leadership", "engineering"] {
            let text = h.read(["render", "--incident", "INC-2041", "--audience", audience, "--format", "text"]).stdout
            #expect(text.contains("Correction: earlier we said \"Customers may be charged twice.\" What is true now: Nobody is charged twice."), "\(audience)")
        }
        #expect(h.run(["retract", "INC-2041", "--correct", "x"]).status == 64)
    }

    @Test func monitoringMustHoldUnbrokenBeforeResolve() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        _ = h.run(["component", "INC-2041", "payments-callback", "--status", "operational"])
        _ = h.run(["update", "INC-2041", "--status", "monitoring", "--next-update", "+2h", "--fix", "Rolled back."])
        _ = h.run(["confirm", "INC-2041", "H1"])
        _ = h.run(["follow-up", "INC-2041", "Test both keys", "--owner", "Marco Silva", "--due", "2026-12-01"])
        _ = h.run(["fact", "INC-2041", "Tickets have stopped.", "--source", "support"])
        h.now = "2026-11-24T09:25:00Z"
        _ = h.run(["update", "INC-2041", "--status", "identified"])
        #expect(try state(h).monitoringSince == nil, "leaving monitoring clears its start")
        h.now = "2026-11-24T10:30:00Z"
        let refused = h.run(["resolve", "INC-2041"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[ ] monitoring held: the incident is identified, not monitoring"))
    }

    @Test func anIncidentOpenedInMonitoringStartsTheMonitoringClock() throws {
        let h = try WorkflowHarness()
        _ = h.open("mobile-login-monitoring.json")
        let state = try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2044").snapshot().snapshot.state)
        #expect(state.monitoringSince == (try ISO8601.parse("2026-11-24T15:00:00Z")), "the file's own start is kept")
    }

    @Test func theSalesBriefQuotesTheApprovedCustomerWordingVerbatim() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        let before = h.read(["render", "--incident", "INC-2041", "--audience", "sales", "--format", "text"]).stdout
        #expect(before.contains("No approved wording yet"))
        _ = h.run(["approve", "INC-2041", "customer"])
        let after = h.read(["render", "--incident", "INC-2041", "--audience", "sales", "--format", "text"]).stdout
        #expect(after.contains("Approved wording to repeat"))
        #expect(after.contains("From the customer update approved by dana at 09:12 UTC for revision 1. Repeat it word for word, and nothing beyond it."))
        #expect(after.contains("> We are looking into a problem and will share what we learn here."))
        #expect(!after.contains("> We will post the next update"), "the brief states the next update itself, as it is now")
        #expect(!after.contains("> Status:"))
        #expect(after.contains("The next update is due by 09:40 UTC."))
        h.now = "2026-11-24T09:20:00Z"
        _ = h.run(["update", "INC-2041", "--status", "identified"])
        let stale = h.read(["render", "--incident", "INC-2041", "--audience", "sales", "--format", "text"]).stdout
        #expect(stale.contains("Out of date: this was approved while the incident was investigating, and the incident has changed since."))
    }

    @Test func theSupportMacroSaysWhetherItsWordingIsApproved() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:14:00Z"
        let draft = h.read(["render", "--incident", "INC-2041", "--audience", "support"]).stdout
        #expect(draft.contains("- Not yet approved: draft of revision 1, made 09:14 UTC"))
        _ = h.run(["approve", "INC-2041", "support"])
        let pulled = h.read(["pull", "INC-2041", "support"]).stdout
        #expect(pulled.contains("- Approved wording: revision 1, approved 09:14 UTC by dana"))
    }

    @Test func approvalsAndPullsNeverCarryAPassedNextUpdateTime() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        _ = h.run(["approve", "INC-2041", "customer"])
        h.now = "2026-11-24T09:45:00Z"
        let pulled = h.read(["pull", "INC-2041", "customer"])
        #expect(pulled.status == 3)
        #expect(pulled.stderr.contains("stale: the approved text promises the next update by 09:40 UTC, which has passed"))
        let refused = h.run(["approve", "INC-2041", "customer"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the draft promises the next update by 09:40 UTC, which has passed"))
    }

    @Test func theJournalIsNeverBackdated() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:00:00Z"
        let result = h.run(["fact", "INC-2041", "Earlier", "--source", "support"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is before the journal's last entry (2026-11-24T09:12:00Z); the journal is never backdated"))
    }

    @Test func pullRefusesAFormatTheAudienceDoesNotHave() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        _ = h.run(["approve", "INC-2041", "support"])
        let result = h.read(["pull", "INC-2041", "support", "--format", "statuspage"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("the support audience cannot be given as statuspage"))
        #expect(result.stdout.isEmpty)
    }

    @Test func notesAreJournaled() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        #expect(h.run(["note", "INC-2041", "Called the payment provider; no incident on their side."]).status == 0)
        #expect(h.read(["log", "INC-2041"]).stdout.contains("dana  note: Called the payment provider; no incident on their side."))
    }

    @Test func timesTooFarAheadAreRefusedNotACrash() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        for input in ["+99999999999999999d", "+9223372036854775807", "+400d"] {
            let result = h.run(["update", "INC-2041", "--next-update", input])
            #expect(result.status == 64, "\(input)")
            #expect(result.stderr.contains("is not a time"), "\(input)")
        }
    }

    @Test func renderAllAsJSONIsOneJSONArray() throws {
        let result = chorus("render", "examples/checkout-identified.json", "--all", "--format", "json", "--now", "2026-11-24T09:40:00Z")
        let array = try #require(try JSONParser.parse(result.stdout).elements)
        #expect(array.compactMap { $0["audience"]?.stringValue } == ["customer", "engineering", "leadership", "sales", "support"])
        let wrong = chorus("render", "examples/checkout-identified.json", "--audience", "support", "--format", "slack")
        #expect(wrong.status == 64)
    }
}
