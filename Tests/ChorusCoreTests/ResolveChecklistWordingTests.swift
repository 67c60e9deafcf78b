import ChorusCore
import Foundation
import Testing
@Suite("Resolve checklist wording")
struct ResolveChecklistWordingTests {
    @Test func oneMinuteIsSingular() throws {
        var state = try Shipped.state("checkout-monitoring.json")
        state.monitoringPeriodMinutes = 1
        let since = try #require(state.monitoringSince)
        let waiting = ResolveChecklist.check(state, now: since).first { $0.name == "monitoring held" }
        #expect(waiting?.detail == "monitoring for 0 of 1 minute; wait 1 more minute")
        let held = ResolveChecklist.check(state, now: since.addingTimeInterval(60)).first { $0.name == "monitoring held" }
        #expect(held?.detail == "monitoring for 1 minute (period 1)")
    }
}
