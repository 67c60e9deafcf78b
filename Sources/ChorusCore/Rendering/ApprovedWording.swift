import Foundation

/// The wording a brief may tell people to repeat: the latest approved customer update, else the
/// reply of the latest approved support macro — only ever approved text, never a draft.
///
/// Line by line, without the title, blank lines, comments, and the status, correction and
/// next-update lines (the brief states those as they are now), and without any sentence retracted since it was
/// approved (`retract --said`), so a retracted claim is never handed out to repeat.
struct ApprovedWording: Sendable {
    var approval: JournalEntry
    /// "customer update" or "support reply".
    var from: String
    var lines: [String]
    /// Whether a retracted sentence was left out.
    var leftOut: Bool

    init?(customer: JournalEntry?, support: JournalEntry?, retracted: [String]) {
        var chosen: (JournalEntry, String, DraftDocument)?
        if let customer, let source = customer.source {
            var document = DraftDocument.parse(source)
            if case .heading(1, _)? = document.blocks.first { document.blocks.removeFirst() }
            chosen = (customer, "customer update", document)
        } else if let support, let source = support.source, let reply = DraftDocument.parse(source).part("reply") {
            chosen = (support, "support reply", reply)
        }
        guard let (approval, from, document) = chosen else { return nil }
        let (lines, leftOut) = Self.lines(of: document, retracted: retracted)
        guard !lines.isEmpty else { return nil }
        self.approval = approval
        self.from = from
        self.lines = lines
        self.leftOut = leftOut
    }

    /// Lines of the approved text the brief says itself, as of now: the status line, correction
    /// notices and the next-update promise (which may have passed since the approval).
    static let statedByTheBrief = ["Status: ", "Correction:", "We will post the next update"]

    static func lines(of document: DraftDocument, retracted: [String]) -> (lines: [String], leftOut: Bool) {
        var leftOut = false
        var out: [String] = []
        let said = retracted.map { PlainText.clean($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for raw in DraftWriter.text(document).split(separator: "\n").map(String.init) {
            // The brief states the status, the corrections and the next update as they are now.
            guard !raw.isEmpty, raw != "---", !Self.statedByTheBrief.contains(where: { raw.hasPrefix($0) }) else { continue }
            var line = raw
            for sentence in said where line.contains(sentence) {
                line = line.replacingOccurrences(of: sentence, with: "")
                leftOut = true
            }
            while line.contains("  ") { line = line.replacingOccurrences(of: "  ", with: " ") }
            line = line.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { out.append(line) }
        }
        return (out, leftOut)
    }
}
