import ChorusBoard
import ChorusCore
import Foundation

/// A real board written to a scratch folder from a real store: a current approval (customer,
/// support), a stale one, an incident with a hostile state, and a resolved incident.
struct BoardSiteFixture {
    let folder: URL
    var board: URL { folder.appendingPathComponent("board") }
    let approvedState: IncidentState
    let approvals: [String: JournalEntry]
    /// The support wording approved before the change that made it stale.
    let staleWorkaround = "Customers can pay with a gift card only."

    static let now = "2026-11-24T09:30:00Z"

    /// With `hostile`, the site also holds INC-6666, whose state tries every injection.
    init(hostile: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-board-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = JournalStore(root: folder.appendingPathComponent("store"))

        let checkout = try BoardFixture.state("checkout-identified.json")
        approvedState = checkout
        let customer = try BoardFixture.approval(checkout, "customer", revision: 1)
        let support = try BoardFixture.approval(checkout, "support", revision: 1)
        approvals = ["customer": customer, "support": support]
        try Self.record(store, [checkout], approvals: [customer, support])

        var search = try BoardFixture.state("checkout-identified.json")
        search.id = "INC-2042"
        search.title = "Search results load slowly"
        search.workaround = staleWorkaround
        var changed = search
        changed.workaround = "Customers can search from the mobile app."
        try Self.record(store, [search, changed], approvals: [try BoardFixture.approval(search, "support", revision: 1)])

        if hostile { try Self.recordHostile(store) }
        try Self.record(store, [try BoardFixture.state("search-resolved.json")], approvals: [])

        _ = try BoardWriter(folder: board).write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings(Self.now))
    }

    static func recordHostile(_ store: JournalStore) throws {
        var hostile = try BoardFixture.state("checkout-identified.json")
        hostile.id = "INC-6666"
        hostile.title = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"
        hostile.impact.summary = "</pre></dd><iframe src=\"https://evil.example\"></iframe><b onclick=\"window.pwned = 3\">bold</b> & \u{202E}reversed"
        hostile.roles.incidentLead = "<a href=\"javascript:window.pwned = 4\">Mallory</a>"
        hostile.workaround = "<style>body { display: none }</style>{{title}}"
        hostile.links = [Link(title: "<svg onload=\"window.pwned = 5\">", url: "javascript:window.pwned = 6")]
        try record(store, [hostile], approvals: [try BoardFixture.approval(hostile, "customer", revision: 1)])
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func page(_ id: String) -> URL { board.appendingPathComponent("incidents/\(id).html") }
    var index: URL { board.appendingPathComponent("index.html") }

    /// Every page of the site.
    var pages: [URL] {
        let incidents = (try? FileManager.default.contentsOfDirectory(atPath: board.appendingPathComponent("incidents").path)) ?? []
        return [index] + incidents.filter { $0.hasSuffix(".html") }.sorted().map { board.appendingPathComponent("incidents/\($0)") }
    }

    /// Appends each state as a revision, then the approvals.
    static func record(_ store: JournalStore, _ states: [IncidentState], approvals: [JournalEntry]) throws {
        guard let first = states.first else { return }
        let journal = try store.journal(for: first.id)
        for (index, state) in states.enumerated() {
            try journal.append(author: "Marco Silva", at: state.lastUpdatedAt) { _ in
                var entry = JournalEntry(seq: 0, at: state.lastUpdatedAt, author: "Marco Silva", kind: .revision)
                entry.state = state
                entry.revision = index + 1
                return [entry]
            }
        }
        for approval in approvals {
            try journal.append(author: approval.author, at: approval.at) { _ in [approval] }
        }
    }
}
