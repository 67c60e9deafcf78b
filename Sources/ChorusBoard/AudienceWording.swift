import ChorusCore
import Foundation

/// What the board says for one audience of one incident: the approved wording while it is
/// current, or why it is not shown.
struct AudienceWording {
    enum Standing: Equatable {
        /// Approved for the current revision, and its promises still hold.
        case current
        /// Approved, but the incident moved on (or the promised update time passed): the text
        /// must not be used, so the board shows why instead of it.
        case stale(changed: Bool, reasons: [String])
        case notApproved
    }

    /// One part of the wording a reader copies on its own (the support reply, the agent notes).
    struct Section: Equatable {
        var title: String?
        var text: String
    }

    var audience: String
    var channel: String?
    var approval: JournalEntry?
    var standing: Standing
    /// The approved words as plain text, split at the draft's `##` headings.
    var sections: [Section]
    /// The exact approved text when it was approved as Markdown (to paste into a status page).
    var markdown: String?

    /// The wording for `audience` in `snapshot`, judged at `clock.now`.
    init(audience: String, channel: String?, snapshot: JournalSnapshot, clock: RenderClock) {
        self.audience = audience
        self.channel = channel
        approval = snapshot.approvals[audience]
        sections = []
        markdown = nil
        guard let approval else {
            standing = .notApproved
            return
        }
        var reasons: [String] = []
        var changedSince = false
        if let approvedRevision = approval.revision, approvedRevision != snapshot.revision {
            changedSince = true
            let changed = snapshot.state.map { StateDiff.meaningfulChanges(from: approval.state, to: $0) } ?? []
            var reason = "Approved for revision \(approvedRevision); the incident is now at revision \(snapshot.revision)"
            if let author = snapshot.revisionAuthor, let at = snapshot.revisionAt { reason += " (changed by \(author) at \(clock.absolute(at)))" }
            if !changed.isEmpty {
                reason += ". Changed since: " + changed.map { $0.hasPrefix("$.") ? String($0.dropFirst(2)) : $0 }.joined(separator: ", ")
            }
            reasons.append(reason + ".")
        }
        if let promised = approval.state?.nextUpdateAt, approval.state?.status.isOpen == true, promised < clock.now {
            reasons.append("The approved text promises the next update by \(clock.absolute(promised)), which has passed.")
        }
        standing = reasons.isEmpty ? .current : .stale(changed: changedSince, reasons: reasons)
        sections = Self.sections(of: approval, fallbackState: snapshot.state)
        if approval.format == OutputFormat.markdown.rawValue { markdown = approval.text }
    }

    /// The approved draft as plain text, one section per `##` heading; a lone title before the
    /// first section (already the page's heading) and the rules between sections are left out.
    static func sections(of approval: JournalEntry, fallbackState: IncidentState?) -> [Section] {
        guard let source = approval.source, let state = approval.state ?? fallbackState else {
            return [Section(title: nil, text: approval.text ?? "")]
        }
        var groups: [(title: String?, blocks: [DraftDocument.Block])] = [(nil, [])]
        for block in DraftDocument.parse(source).blocks {
            if case .heading(level: 2, let spans) = block {
                groups.append((plain(spans), []))
            } else {
                groups[groups.count - 1].blocks.append(block)
            }
        }
        var result: [Section] = []
        for (index, group) in groups.enumerated() {
            var blocks = group.blocks.filter { if case .comment = $0 { return false }; return true }
            while case .rule? = blocks.last { blocks.removeLast() }
            while case .rule? = blocks.first { blocks.removeFirst() }
            let onlyHeadings = blocks.allSatisfy { if case .heading = $0 { return true }; return false }
            if blocks.isEmpty || (index == 0 && groups.count > 1 && onlyHeadings) { continue }
            let text = DraftRenderer.write(DraftDocument(blocks: blocks), as: .text, state: state, audience: approval.audience ?? "",
                                           revision: approval.revision, findings: []).output
            result.append(Section(title: group.title, text: text.trimmingCharacters(in: .newlines)))
        }
        return result.isEmpty ? [Section(title: nil, text: approval.text ?? "")] : result
    }

    private static func plain(_ spans: [DraftDocument.Span]) -> String {
        spans.map { span -> String in
            switch span {
            case .literal(let text), .value(let text): return text
            }
        }.joined()
    }
}
