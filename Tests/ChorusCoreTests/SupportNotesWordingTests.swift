import ChorusCore
import Foundation
import Testing

/// QA #20: the support agent notes tell agents to say only what the state has: no workaround
/// to mention when there is none, no escalation contact to send questions to when none is set.
@Suite("Support agent notes")
struct SupportNotesWordingTests {
    static func notes(_ state: IncidentState) throws -> String {
        try Shipped.renderer().render(state, audience: "support", format: .text, clock: Shipped.clock(for: state)).output
    }

    @Test func withoutAWorkaroundTheNotesDoNotAskForOne() throws {
        var state = try Shipped.state("checkout-investigating.json")
        #expect(try Self.notes(state).contains("- Say: what is not working, the workaround, and when the next update comes."))
        state.workaround = nil
        let active = try Self.notes(state)
        #expect(active.contains("- Say: what is not working, and when the next update comes."), "\(active)")
        #expect(!active.contains("the workaround"), "\(active)")
        state.status = .monitoring
        let monitoring = try Self.notes(state)
        #expect(monitoring.contains("- Say: a fix is in place and we are watching it, and when the next update comes."), "\(monitoring)")
        #expect(!monitoring.contains("the workaround"), "\(monitoring)")
    }

    @Test func withoutAnEscalationContactTheNotesDoNotPointToOne() throws {
        var state = try Shipped.state("search-resolved.json")
        #expect(try Self.notes(state).contains("; send those questions to the escalation contact."))
        state.roles.escalation = nil
        let resolved = try Self.notes(state)
        #expect(resolved.contains("- Do not say: what caused it, or anything about credits and refunds.\n"), "\(resolved)")
        #expect(!resolved.contains("escalation contact"), "\(resolved)")
    }
}
