import ChorusBoard
import ChorusCore
import Foundation
import Testing

/// The index: open incidents and the recently resolved, at a glance.
@Suite("Board: index")
struct IndexPageTests {
    static func incidents() throws -> [BoardIncident] {
        let identified = try BoardFixture.state("checkout-identified.json")
        let mobile = try BoardFixture.state("mobile-login-monitoring.json")
        let search = try BoardFixture.state("search-resolved.json")
        var old = search
        old.id = "INC-1000"
        old.resolvedAt = BoardFixture.date("2026-10-01T10:00:00Z")
        return [
            BoardIncident(snapshot: BoardFixture.snapshot(identified, revision: 3, approvals: [try BoardFixture.approval(identified, "customer", revision: 3)]), publications: []),
            BoardIncident(snapshot: BoardFixture.snapshot(mobile, revision: 2), publications: []),
            BoardIncident(snapshot: BoardFixture.snapshot(search, revision: 5), publications: []),
            BoardIncident(snapshot: BoardFixture.snapshot(old, revision: 5), publications: []),
        ]
    }

    @Test func openIncidentsAndTheRecentlyResolvedWithTheirStanding() throws {
        let incidents = try Self.incidents()
        let html = BoardSite.index(incidents, audiences: BoardFixture.audiences, settings: BoardFixture.settings())
        let open = try #require(html.range(of: "<h2 id=\"open-heading\">Open incidents</h2>"))
        let resolved = try #require(html.range(of: "<h2 id=\"resolved-heading\">Resolved in the last 14 days</h2>"))
        let checkout = try #require(html.range(of: "<a href=\"incidents/INC-2041.html\">Card payments failing at checkout</a>"))
        #expect(open.upperBound < checkout.lowerBound && checkout.upperBound < resolved.lowerBound)
        let searchID = incidents[2].id
        let search = try #require(html.range(of: "<a href=\"incidents/\(searchID).html\">"))
        #expect(resolved.upperBound < search.lowerBound, "resolved within 14 days: listed under resolved")
        #expect(!html.contains("INC-1000"), "resolved long ago: not on the index")
        #expect(html.contains("<td data-label=\"Owner\">Dana Kim</td>"))
        #expect(html.contains("<td data-label=\"Next update\">due <time datetime=\"2026-11-24T09:55:00Z\">09:55 UTC</time> (in 25 minutes)</td>"))
        #expect(html.contains("<a href=\"incidents/INC-2041.html#audience-customer\">customer</a> <span class=\"badge approved\">approved</span>"))
        #expect(html.contains("<a href=\"incidents/INC-2041.html#audience-support\">support</a> <span class=\"badge pending\">not approved</span>"))
        #expect(html.contains("<a href=\"https://status.example.com\" rel=\"noopener noreferrer\">Public status page</a>"))
        #expect(html.contains("<h1>Acme incidents</h1>"))
    }

    @Test func anOverdueUpdateIsMarkedInWordsNotOnlyColour() throws {
        let html = BoardSite.index(try Self.incidents(), audiences: BoardFixture.audiences, settings: BoardFixture.settings("2026-11-24T10:00:00Z"))
        #expect(html.contains("<strong class=\"overdue\">OVERDUE by 5 minutes</strong> (was due <time datetime=\"2026-11-24T09:55:00Z\">09:55 UTC</time>)"))
        #expect(html.contains("<span class=\"overdue\">"))
        #expect(html.contains("with an overdue update"))
    }

    /// A send that failed and was not retried is visible from the index, in words.
    @Test func aFailedSendNotRetriedIsMarkedOnTheIndex() throws {
        let state = try BoardFixture.state("checkout-identified.json")
        func send(_ outcome: PublicationDelivery.Outcome, at time: String, seq: Int) -> JournalEntry {
            var entry = BoardFixture.publication("customer", channel: "statuspage", revision: 3, at: time)
            entry.seq = seq
            var delivery = PublicationDelivery(destination: "statuspage", type: "statuspage", outcome: outcome, key: "k\(seq)", requests: 1)
            delivery.error = outcome == .failed ? "answered 503" : nil
            entry.delivery = delivery
            return entry
        }
        let failing = BoardIncident(snapshot: BoardFixture.snapshot(state, revision: 3), entries: [send(.failed, at: "2026-11-24T09:20:00Z", seq: 7)])
        let html = BoardSite.index([failing], audiences: BoardFixture.audiences, settings: BoardFixture.settings())
        #expect(html.contains("1 open incident, <span class=\"overdue\">1 with a send that failed and was not retried</span>."), "\(html)")
        #expect(html.contains("<li><a href=\"incidents/INC-2041.html#failed-heading\"><strong class=\"overdue\">1 send failed, not retried</strong></a></li>"))

        // A later update to the same destination made up for it: nothing to flag.
        let retried = BoardIncident(snapshot: BoardFixture.snapshot(state, revision: 3),
                                    entries: [send(.failed, at: "2026-11-24T09:20:00Z", seq: 7), send(.sent, at: "2026-11-24T09:25:00Z", seq: 8)])
        let quiet = BoardSite.index([retried], audiences: BoardFixture.audiences, settings: BoardFixture.settings())
        #expect(!quiet.contains("not retried") && !quiet.contains("#failed-heading"))
    }

    @Test func noIncidentsSaysSo() {
        let html = BoardSite.index([], audiences: BoardFixture.audiences, settings: BoardFixture.settings(statusPage: nil))
        #expect(html.contains("<p>No open incidents.</p>"))
        #expect(!html.contains("Public status page"))
    }
}
