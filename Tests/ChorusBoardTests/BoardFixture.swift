import ChorusBoard
import ChorusCore
import ChorusSupport
import Foundation

/// Incidents built in memory from the repository's examples, with approvals rendered by the
/// real audiences, so the board is tested on the drafts people actually approve.
enum BoardFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let renderer: DraftRenderer? = try? DraftRenderer.load(audiences: root.appendingPathComponent("audiences"),
                                                                  phrasebook: root.appendingPathComponent("phrasebook"))

    static func date(_ text: String) -> Date { (try? ISO8601.parse(text)) ?? Date(timeIntervalSince1970: 0) }

    /// checkout-identified.json: last updated 09:25, next update 09:55 UTC.
    static func state(_ example: String = "checkout-identified.json") throws -> IncidentState {
        let text = try String(contentsOf: root.appendingPathComponent("examples/\(example)"), encoding: .utf8)
        return try StateDocument.load(text).state
    }

    static func clock(_ now: String = "2026-11-24T09:30:00Z", zone: String = "UTC") -> RenderClock {
        RenderClock(now: date(now), timeZone: TimeZone(identifier: zone) ?? .current)
    }

    static func settings(_ now: String = "2026-11-24T09:30:00Z", statusPage: String? = "https://status.example.com") -> BoardSettings {
        BoardSettings(title: "Acme incidents", statusPage: statusPage, recentDays: 14, clock: clock(now), generator: "chorus test")
    }

    /// An approval of `audience`'s draft of `state`, as `chorus approve` records it.
    static func approval(_ state: IncidentState, _ audience: String, revision: Int, by author: String = "Dana Kim",
                         at time: String = "2026-11-24T09:26:00Z", override reason: String? = nil) throws -> JournalEntry {
        let renderer = try requireRenderer()
        let context = DraftContext(revision: revision, revisionAt: state.lastUpdatedAt, approvingAs: author, approvingAt: date(time))
        let draft = try renderer.render(state, audience: audience, clock: RenderClock(now: date(time)), context: context)
        var entry = JournalEntry(seq: 0, at: date(time), author: author, kind: reason == nil ? .approval : .override)
        entry.audience = audience
        entry.revision = revision
        entry.format = draft.format.rawValue
        entry.text = draft.output
        entry.sha256 = SHA256.hex(draft.output)
        entry.source = draft.source
        entry.state = state
        if let reason {
            entry.reason = reason
            entry.errorFindings = ["3:4: [speculation/speculation-cue] \"suspect\" is speculation"]
        }
        return entry
    }

    static func requireRenderer() throws -> DraftRenderer {
        guard let renderer else { throw FixtureError("the repository's audiences and phrasebook do not load") }
        return renderer
    }

    static func snapshot(_ state: IncidentState, revision: Int, approvals: [JournalEntry] = [], author: String = "Marco Silva") -> JournalSnapshot {
        var snapshot = JournalSnapshot(incidentID: state.id)
        snapshot.revision = revision
        snapshot.state = state
        snapshot.revisionAuthor = author
        snapshot.revisionAt = state.lastUpdatedAt
        for approval in approvals { snapshot.approvals[approval.audience ?? ""] = approval }
        return snapshot
    }

    static func publication(_ audience: String, channel: String, revision: Int, at time: String, by author: String = "Priya Raman") -> JournalEntry {
        var entry = JournalEntry(seq: 0, at: date(time), author: author, kind: .publication)
        entry.audience = audience
        entry.channel = channel
        entry.revision = revision
        return entry
    }

    static var audiences: [Audience] { renderer?.catalog.audiences ?? [] }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
