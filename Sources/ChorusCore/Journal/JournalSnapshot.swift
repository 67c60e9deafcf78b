import Foundation

/// What the journal says now, without replaying it: the current state and revision, and the
/// latest approval and publication per audience. Stored as the checkpoint and rebuilt from the
/// journal whenever the checkpoint is missing, damaged or behind.
public struct JournalSnapshot: Sendable, Codable, Equatable {
    /// Bumped when the checkpoint's layout changes, so an old one is rebuilt, not misread.
    public static let layoutVersion = 4

    public var layout = JournalSnapshot.layoutVersion
    public var incidentID: String
    /// The last entry's sequence number (0 for an empty journal).
    public var seq = 0
    /// The last entry's time: entries are never written with an earlier one.
    public var lastAt: Date?
    /// How many bytes of the journal this snapshot covers.
    public var bytes = 0
    /// The SHA-256 of the last line it covers (the head of the hash chain); nil when empty.
    public var lastHash: String?
    /// In a saved checkpoint only: the journal file's identity and modification time when it
    /// was saved. A journal of the same size whose stamp differs was changed by something other
    /// than chorus, so the checkpoint is not trusted and the whole chain is checked again.
    public var journalStamp: String?
    /// The current revision number (0 before the first).
    public var revision = 0
    public var state: IncidentState?
    public var revisionAt: Date?
    public var revisionAuthor: String?
    /// The latest approval (or override) per audience.
    public var approvals: [String: JournalEntry] = [:]
    /// The latest publication per audience that went out (a failed send is not one).
    public var publications: [String: JournalEntry] = [:]
    /// The latest send attempt per destination (`PublicationDelivery.slot`), failed or not:
    /// what `publish --retry` completes, and the ids later updates go to.
    public var deliveries: [String: JournalEntry] = [:]
    /// The next update time each kind of reminder (`due`, `overdue`) last went out for, so each
    /// goes out once per due time.
    public var reminders: [String: Date] = [:]

    public init(incidentID: String) { self.incidentID = incidentID }

    /// Applies one entry, in order.
    public mutating func apply(_ entry: JournalEntry) {
        seq = entry.seq
        lastAt = entry.at
        switch entry.kind {
        case .revision:
            revision = entry.revision ?? revision + 1
            state = entry.state
            revisionAt = entry.at
            revisionAuthor = entry.author
        case .approval, .override:
            if let audience = entry.audience { approvals[audience] = entry }
        case .publication:
            guard let audience = entry.audience else { break }
            if let delivery = entry.delivery {
                deliveries[PublicationDelivery.slot(audience: audience, destination: delivery.destination)] = entry
                if delivery.outcome == .sent { publications[audience] = entry }
            } else {
                publications[audience] = entry
            }
        case .note:
            break
        case .reminder:
            if let kind = entry.summary, let dueAt = entry.dueAt, entry.delivery?.outcome != .failed { reminders[kind] = dueAt }
        }
    }
}

extension JournalSnapshot {
    /// The current state, or an error for a journal that holds no revision yet.
    public func requireState() throws(JournalError) -> IncidentState {
        guard let state else { throw .rejected("incident \(incidentID) has no revision yet") }
        return state
    }
}
