import Foundation

/// What happened to an incident, read off its journal: when its status changed (and who changed
/// it), when hypotheses were settled and steps finished, what was published to whom, and the
/// notes people added. The state holds only where things stand now; this is the story that the
/// post-incident review's timeline tells.
public struct IncidentHistory: Sendable, Equatable {
    public enum Event: Sendable, Equatable {
        /// The first revision: the incident was opened with this status.
        case opened(IncidentStatus)
        case statusChanged(from: IncidentStatus, to: IncidentStatus)
        /// A resolved incident returned to work (with the reason `reopen` recorded, and when
        /// customers were affected again if that was said and was earlier).
        case reopened(to: IncidentStatus, reason: String?, impactReturned: Date?)
        case hypothesisSettled(text: String, confirmed: Bool)
        /// A step reached `done` or `failed` (`key` is its id, else its text).
        case stepFinished(key: String, failed: Bool)
        /// An approved text went out: the audience, where, which revision, and the customer
        /// impact it told (the approved state's impact, in the tense it was told in).
        case published(audience: String, channel: String?, revision: Int?, told: String?)
        case note(String)
    }

    public struct Entry: Sendable, Equatable {
        public var at: Date
        public var author: String
        public var event: Event
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The history of a journal's entries, in order.
    public init(journal: [JournalEntry]) {
        var out: [Entry] = []
        var previous: IncidentState?
        var approvals: [Int: JournalEntry] = [:]
        for entry in journal {
            switch entry.kind {
            case .revision:
                guard let state = entry.state else { continue }
                out += Self.changes(from: previous, to: state).map { Entry(at: entry.at, author: entry.author, event: $0) }
                previous = state
            case .approval, .override:
                approvals[entry.seq] = entry
            case .publication:
                guard let audience = entry.audience, entry.delivery.map({ $0.outcome == .sent }) ?? true else { continue }
                let told = entry.approvalSeq.flatMap { approvals[$0]?.state }.map { state in
                    IncidentHistory.fixInPlace(state.status) ? (state.impact.pastSummary ?? state.impact.summary) : state.impact.summary
                }
                out.append(Entry(at: entry.at, author: entry.author,
                                 event: .published(audience: audience, channel: entry.channel, revision: entry.revision, told: told)))
            case .note:
                if let note = entry.note { out.append(Entry(at: entry.at, author: entry.author, event: .note(note))) }
            case .reminder:
                continue
            }
        }
        entries = out
    }

    /// The latest publication to `audience`.
    public func lastPublication(to audience: String) -> Entry? {
        entries.last { if case .published(audience, _, _, _) = $0.event { return true }; return false }
    }

    /// When a step reached its outcome, by its key (id, else text): the last time it did.
    public func stepFinished(_ key: String) -> Date? {
        entries.last { if case .stepFinished(key, _) = $0.event { return true }; return false }?.at
    }

    /// The events one revision brings.
    static func changes(from old: IncidentState?, to new: IncidentState) -> [Event] {
        guard let old else { return [.opened(new.status)] }
        var events: [Event] = []
        if old.status != new.status {
            if !old.status.isOpen && new.status.isOpen {
                events.append(.reopened(to: new.status, reason: new.reopened?.reason, impactReturned: new.reopened?.impactReturnedAt))
            } else {
                events.append(.statusChanged(from: old.status, to: new.status))
            }
        }
        let before = Dictionary(old.hypotheses.map { ($0.id, $0.state) }, uniquingKeysWith: { a, _ in a })
        for hypothesis in new.hypotheses where hypothesis.state != .open && before[hypothesis.id] != hypothesis.state {
            events.append(.hypothesisSettled(text: hypothesis.text, confirmed: hypothesis.state == .confirmed))
        }
        let stepsBefore = Dictionary(old.steps.map { (stepKey($0), $0.state) }, uniquingKeysWith: { a, _ in a })
        for step in new.steps where (step.state == .done || step.state == .failed) && stepsBefore[stepKey(step)] != step.state {
            events.append(.stepFinished(key: stepKey(step), failed: step.state == .failed))
        }
        return events
    }

    public static func stepKey(_ step: Step) -> String { step.id ?? step.text }

    static func fixInPlace(_ status: IncidentStatus) -> Bool { status == .monitoring || status == .resolved }
}
