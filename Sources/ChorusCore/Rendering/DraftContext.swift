import Foundation

/// What the journal adds to a draft: which revision it is of, the approval being given (only
/// while approving), and the customer wording as last approved, for audiences that repeat it.
public struct DraftContext: Sendable {
    public var revision: Int
    public var revisionAt: Date
    public var approvingAs: String?
    public var approvingAt: Date?
    /// The latest customer approval, if any.
    public var customerApproval: JournalEntry?
    /// The latest support approval, if any: its reply is quoted while no customer text is approved.
    public var supportApproval: JournalEntry?
    /// What happened so far, from the whole journal (`IncidentHistory`): the review's timeline.
    /// Nil when only the snapshot was read.
    public var history: IncidentHistory?

    public init(revision: Int, revisionAt: Date, approvingAs: String? = nil, approvingAt: Date? = nil, customerApproval: JournalEntry? = nil,
                supportApproval: JournalEntry? = nil, history: IncidentHistory? = nil) {
        self.revision = revision
        self.revisionAt = revisionAt
        self.approvingAs = approvingAs
        self.approvingAt = approvingAt
        self.customerApproval = customerApproval
        self.supportApproval = supportApproval
        self.history = history
    }

    /// The context of a journal snapshot's current revision (with the journal's history when read).
    public init(snapshot: JournalSnapshot, now: Date, approvingAs author: String? = nil, history: IncidentHistory? = nil) {
        self.init(revision: snapshot.revision, revisionAt: snapshot.revisionAt ?? now,
                  approvingAs: author, approvingAt: author == nil ? nil : now,
                  customerApproval: snapshot.approvals["customer"], supportApproval: snapshot.approvals["support"], history: history)
    }
}
