import ChorusCLI
import Foundation
import Testing

/// The leadership brief of a journaled incident says what customers were last told, when, where
/// and by whom (the latest customer publication), and whether the incident moved on since.
@Suite("Leadership: what customers were told")
struct LeadershipToldTests {
    func leadership(_ h: WorkflowHarness) -> String {
        h.read(["render", "--incident", "INC-2041", "--audience", "leadership", "--format", "text"]).stdout
    }

    @Test func theLatestCustomerPublicationIsInTheBrief() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        #expect(leadership(h).contains("What customers were told\n\nNothing has been published to customers yet."))
        #expect(h.run(["approve", "INC-2041", "customer"]).status == 0)
        #expect(leadership(h).contains("Nothing has been published to customers yet."), "approved is not told")
        #expect(h.run(["publish", "INC-2041", "customer", "--channel", "statuspage"]).status == 0)
        let told = leadership(h)
        #expect(told.contains("Last update to customers: 09:12 UTC on statuspage, by dana, for revision 1.\nIt said: Some customers cannot complete checkout when paying by card."), "\(told)")
        h.now = "2026-11-24T09:20:00Z"
        #expect(h.run(["update", "INC-2041", "--status", "identified"]).status == 0)
        #expect(leadership(h).contains("Last update to customers: 09:12 UTC on statuspage, by dana, for revision 1; the incident has changed since."))
    }

    @Test func aStateFileHasNoJournalSoTheSectionIsLeftOut() {
        let result = chorus("render", "examples/checkout-identified.json", "--audience", "leadership", "--format", "text", "--now", "2026-11-24T09:40:00Z")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("What customers were told"))
    }
}
