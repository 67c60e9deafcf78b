import ChorusCore
import Foundation

/// How the board is written: its title, the status page it links to, how long resolved
/// incidents stay on the index, and the clock (time and zone) it is generated at.
public struct BoardSettings: Sendable {
    public var title: String
    public var statusPage: String?
    public var recentDays: Int
    public var clock: RenderClock
    /// Shown in each page's footer ("chorus 0.1.0").
    public var generator: String

    public init(title: String = "Incidents", statusPage: String? = nil, recentDays: Int = Workspace.defaultRecentDays,
                clock: RenderClock, generator: String) {
        self.title = title
        self.statusPage = statusPage
        self.recentDays = recentDays
        self.clock = clock
        self.generator = generator
    }
}

/// One incident as the board reads it: its current snapshot, its publications in order, and the
/// sends that failed.
public struct BoardIncident: Sendable {
    public var snapshot: JournalSnapshot
    /// Every publication entry of the journal that went out (sent, or recorded by hand), oldest first.
    public var publications: [JournalEntry]
    /// Every attempt `chorus publish --send` journaled as failed, oldest first.
    public var failedSends: [JournalEntry]

    public init(snapshot: JournalSnapshot, publications: [JournalEntry], failedSends: [JournalEntry] = []) {
        self.snapshot = snapshot
        self.publications = publications
        self.failedSends = failedSends
    }

    /// The snapshot, and the publications and failed sends among `entries`.
    public init(snapshot: JournalSnapshot, entries: [JournalEntry]) {
        let publications = entries.filter { $0.kind == .publication }
        self.init(snapshot: snapshot, publications: publications.filter { $0.delivery?.outcome != .failed },
                  failedSends: publications.filter { $0.delivery?.outcome == .failed })
    }

    public var id: String { snapshot.incidentID }

    /// The page's path inside the site. Incident ids are kept to a URL- and file-safe alphabet.
    public var pagePath: String { "incidents/\(id).html" }
}
