import Foundation

/// One line of an incident's journal. The journal is append-only: entries are never changed or
/// removed, and the sequence numbers run 1, 2, 3, … without gaps.
public struct JournalEntry: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A new revision of the state.
        case revision
        /// An approval of one audience's draft of one revision.
        case approval
        /// An approval given although the draft had error findings, with the reason.
        case override
        /// A record that an approved text went out on a channel.
        case publication
        /// A free-text note.
        case note
        /// A reminder that an incident's next update is due soon, or overdue (`chorus remind`).
        case reminder
    }

    public var seq: Int
    /// The SHA-256 of the previous line, exactly as written (without its newline); for the
    /// first entry, of `chorus-journal:<incident id>`. Each entry so vouches for every entry
    /// before it: a changed, removed, inserted or reordered line breaks the chain.
    public var prev: String?
    public var at: Date
    public var author: String
    public var kind: Kind

    /// The revision number this entry creates (revision) or refers to (approval, publication).
    public var revision: Int?
    /// The full new state (revision entries).
    public var state: IncidentState?
    /// The fields that changed from the previous revision, as JSON paths (revision entries).
    public var changed: [String]?
    /// A short description of the change ("update --status identified").
    public var summary: String?

    /// The audience approved or published.
    public var audience: String?
    /// The approved text, exactly as approved, and its SHA-256.
    public var format: String?
    public var text: String?
    public var sha256: String?
    /// The approved draft as rendered from its template, before any format was applied, so
    /// `chorus pull --format F` gives exactly the approved words in another format.
    public var source: String?
    /// What the approval was checked with (fingerprints of the audience's policy, templates and
    /// the phrasebook), and whether they were the configured ones.
    public var checkedWith: ApprovalCheck?
    /// The approved draft's fingerprint (`DraftFingerprint`): what the approver read.
    public var fingerprint: String?
    /// Error findings present when an override approved the draft.
    public var errorFindings: [String]?
    /// Why the approval overrode error findings.
    public var reason: String?
    /// The approval a publication sends out (its seq), and where it went.
    public var approvalSeq: Int?
    public var channel: String?
    /// A publication Chorus sent itself: the destination, the service's answer and ids.
    public var delivery: PublicationDelivery?
    /// A reminder: the next update time it is about (`summary` says `due` or `overdue`).
    public var dueAt: Date?
    /// Note text.
    public var note: String?
    /// `"replay"` when the entry was dated by a replayed clock (`CHORUS_REPLAY=1` with
    /// `--now`) rather than the real clock; absent otherwise.
    public var clock: String?

    /// The `clock` value of an entry dated by a replayed clock.
    public static let replayClock = "replay"

    public init(seq: Int, at: Date, author: String, kind: Kind) {
        self.seq = seq
        self.at = at
        self.author = author
        self.kind = kind
    }

    /// True for entries that count as approvals (plain or overriding).
    public var isApproval: Bool { kind == .approval || kind == .override }
}
