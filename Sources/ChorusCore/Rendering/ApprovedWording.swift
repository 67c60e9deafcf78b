import Foundation

/// The wording a brief may tell people to repeat: the latest approved customer update, else the
/// reply of the latest approved support macro — only ever approved text, never a draft.
///
/// Line by line, without the title, blank lines, comments and correction notices (the brief
/// states the corrections that hold now), and without any sentence retracted since it was
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

    static func lines(of document: DraftDocument, retracted: [String]) -> (lines: [String], leftOut: Bool) {
        var leftOut = false
        var out: [String] = []
        let said = retracted.map { PlainText.clean($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for raw in DraftWriter.text(document).split(separator: "\n").map(String.init) {
            guard !raw.isEmpty, raw != "---", !raw.hasPrefix("Correction:") else { continue }
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
