import ChorusSupport
import Foundation

/// The rules every journal entry keeps with the entries before it. Reads check the order rules
/// on every line they read; `chorus verify` checks them all, on every line.
enum JournalRules {
    /// Why `entry` cannot follow `previous` (sequence, revisions, what approvals and
    /// publications refer to), or nil when it can.
    static func orderProblem(_ entry: JournalEntry, after previous: JournalSnapshot) -> String? {
        let expectedSeq = previous.seq + 1
        guard entry.seq == expectedSeq else {
            return "expected entry \(expectedSeq), found \(entry.seq): entries are numbered 1, 2, 3, … without gaps"
        }
        if previous.revision == 0 && entry.kind != .revision {
            return "the first entry must be the incident's first revision, found \(entry.kind.rawValue)"
        }
        switch entry.kind {
        case .revision:
            guard let state = entry.state else { return "a revision without its state" }
            guard entry.revision == previous.revision + 1 else {
                return "expected revision \(previous.revision + 1), found \(entry.revision.map(String.init) ?? "none"): revisions run 1, 2, 3, … without gaps or repeats"
            }
            if let id = previous.state?.id, state.id != id {
                return "the revision's state is of incident \"\(state.id)\", not \"\(id)\""
            }
        case .approval, .override:
            guard entry.audience != nil, entry.text != nil else { return "an approval without its audience or text" }
            guard entry.revision == previous.revision else {
                return "an approval of revision \(entry.revision.map(String.init) ?? "none") while the incident was at revision \(previous.revision): approvals are of the current revision"
            }
        case .publication:
            guard let audience = entry.audience, let approval = previous.approvals[audience] else {
                return "a publication of \(entry.audience ?? "no audience") with nothing approved for it"
            }
            guard entry.approvalSeq == approval.seq, entry.revision == approval.revision else {
                return "a publication that does not refer to the latest \(audience) approval (entry \(approval.seq), revision \(approval.revision ?? 0))"
            }
        case .note:
            break
        case .reminder:
            guard entry.dueAt != nil, entry.summary == "due" || entry.summary == "overdue" else {
                return "a reminder without the due time it is about, or without saying whether it is due or overdue"
            }
        }
        return nil
    }

    /// Why a complete line does not decode as an entry, in words.
    static func whyUndecodable(_ line: ArraySlice<UInt8>, _ error: any Error) -> String {
        let text = String(decoding: line, as: UTF8.self)
        guard let node = try? JSONParser.parse(text) else { return "the line is not valid JSON" }
        guard case .object = node.value else { return "the line is not a JSON object" }
        if let kind = node["kind"]?.stringValue, JournalEntry.Kind(rawValue: kind) == nil {
            return "unknown entry kind \"\(kind)\""
        }
        if case DecodingError.keyNotFound(let key, _) = error { return "the entry has no \"\(key.stringValue)\"" }
        if case DecodingError.typeMismatch(_, let context) = error {
            return "at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        }
        if case DecodingError.dataCorrupted(let context) = error {
            return "at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        }
        return "the line does not decode as an entry"
    }
}

extension JournalRules {
    /// The `prev` of an incident's first entry: binds the chain to the incident, so a journal
    /// copied into another incident's folder does not verify.
    static func genesis(_ incidentID: String) -> String { SHA256.hex("chorus-journal:\(incidentID)") }

    /// The hash the next entry's `prev` must carry: of the line exactly as written.
    static func hash(ofLine line: ArraySlice<UInt8>) -> String { SHA256.hex(line) }

    /// Why an entry's `prev` does not link it to the line before it, or nil.
    static func chainProblem(_ entry: JournalEntry, after previous: JournalSnapshot) -> String? {
        let expected = previous.lastHash ?? genesis(previous.incidentID)
        guard let prev = entry.prev else { return "the entry carries no hash of the line before it (\"prev\"); it was not written by chorus, or was edited" }
        guard prev == expected else {
            return previous.seq == 0
                ? "the first entry's chain does not start from this incident (\(previous.incidentID)): the journal was copied from another incident or edited"
                : "the entry does not follow line \(previous.seq): line \(previous.seq) was changed after this one was written, or a line was removed, inserted or reordered here"
        }
        return nil
    }
}
