@testable import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Reopen and corrections")
struct ReopenAndCorrectionTests {
    func state(_ h: WorkflowHarness, _ id: String) throws -> IncidentState {
        try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: id).snapshot().snapshot.state)
    }

    /// A fix that did not hold: the incident returns to investigating, its resolved time is
    /// cleared, the failed fix is kept as a step, and every draft says the problem returned.
    @Test func aResolvedIncidentReopensAndItsDraftsSayTheProblemReturned() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-18T12:30:00Z"
        #expect(h.open("search-resolved.json").status == 0)
        h.now = "2026-11-18T13:05:00Z"
        #expect(h.run(["reopen", "INC-2032", "--next-update", "+30m"]).status == 64, "a reason is required")
        let reopened = h.run(["reopen", "INC-2032", "--reason", "Search errors returned at 13:00", "--next-update", "+30m"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("reopened: Search errors returned at 13:00"))
        let state = try state(h, "INC-2032")
        #expect(state.status == .investigating && state.resolvedAt == nil && state.fix == nil)
        #expect(state.reopened?.reason == "Search errors returned at 13:00")
        #expect(state.steps.last?.state == .failed && state.steps.last?.text.hasPrefix("Fix that did not hold: ") == true)
        #expect(ISO8601.format(try #require(state.nextUpdateAt)) == "2026-11-18T13:35:00Z")

        let customer = h.read(["render", "--incident", "INC-2032", "--audience", "customer", "--format", "text"])
        #expect(customer.stdout.contains("The problem has returned. We reported it resolved at"), "\(customer.stdout)")
        // The specific opener is not followed by the generic one (QA #20).
        #expect(!customer.stdout.contains("We are looking into a problem"), "\(customer.stdout)")
        let engineering = h.read(["render", "--incident", "INC-2032", "--audience", "engineering", "--format", "text"])
        #expect(engineering.stdout.contains("Reopened because: Search errors returned at 13:00"))
        #expect(h.read(["log", "INC-2032"]).stdout.contains("reopened: Search errors returned at 13:00"))

        let again = h.run(["reopen", "INC-2032", "--reason", "x", "--next-update", "+30m"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is investigating, not resolved"))
        let resolveByUpdate = h.run(["update", "INC-2032", "--status", "resolved"])
        #expect(resolveByUpdate.status == 64)
    }

    @Test func aStatusChangeCannotReopenAResolvedIncident() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-18T12:30:00Z"
        _ = h.open("search-resolved.json")
        let result = h.run(["update", "INC-2032", "--status", "investigating", "--next-update", "+30m"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("use chorus reopen INC-2032"))
    }

    /// Re-running retract --said used to add a second correction that stayed in every draft.
    @Test func aCorrectionIsEditedAndWithdrawnAndNeverDuplicated() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let said = "All card payments are failing."
        #expect(h.run(["retract", "INC-2041", "--said", said, "--correct", "Some card payments are failing."]).status == 0)
        let duplicate = h.run(["retract", "INC-2041", "--said", said, "--correct", "Some card payments fail."])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("is already corrected (corrections item 1)"))
        let edited = h.run(["retract", "INC-2041", "--edit", "1", "--correct", "About a third of card payments are failing."])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try state(h, "INC-2041").corrections.map(\.correct) == ["About a third of card payments are failing."])
        #expect(h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "text"]).stdout
            .contains("What is true now: About a third of card payments are failing."))
        #expect(h.run(["retract", "INC-2041", "--withdraw", "1"]).status == 64, "a withdrawal needs its reason")
        #expect(h.run(["retract", "INC-2041", "--withdraw", "3", "--reason", "x"]).status == 2)
        let withdrawn = h.run(["retract", "INC-2041", "--withdraw", "1", "--reason", "The first statement was right after all."])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(try state(h, "INC-2041").corrections.isEmpty)
        #expect(!h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "text"]).stdout.contains("Correction:"))
        #expect(h.read(["log", "INC-2041"]).stdout.contains("withdraw correction 1: The first statement was right after all."))
    }

    @Test func aWithdrawnFactRetractionPutsTheFactBack() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let original = try #require(try state(h, "INC-2041").facts.first { $0.id == "F2" })
        #expect(h.run(["retract", "INC-2041", "F2", "--correct", "The error rate rose to 12%, not 38%."]).status == 0)
        #expect(try state(h, "INC-2041").facts.map(\.id) == ["F1"])
        #expect(h.run(["retract", "INC-2041", "--edit", "1", "--said", "x"]).status == 1, "what a fact said cannot change")
        #expect(h.run(["retract", "INC-2041", "--withdraw", "1", "--reason", "The dashboard was right."]).status == 0)
        let restored = try state(h, "INC-2041")
        #expect(restored.corrections.isEmpty)
        #expect(restored.facts.first { $0.id == "F2" } == original)
    }
}
