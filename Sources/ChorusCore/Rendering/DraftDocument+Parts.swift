import Foundation

extension DraftDocument {
    /// The names of the parts a template marked, in order: a part runs from a
    /// `<!-- part: NAME -->` comment line to `<!-- end part -->` (or the next part, or the end),
    /// so a reader can take one part alone (the support macro's `reply`, its agent `notes`).
    public var partNames: [String] {
        blocks.compactMap { block in
            if case .comment(let text) = block { return Self.partName(text) }
            return nil
        }
    }

    /// Part `name` as a document of its own, or nil when the draft has no such part.
    public func part(_ name: String) -> DraftDocument? {
        var inside = false
        var found = false
        var taken: [Block] = []
        for block in blocks {
            if case .comment(let text) = block {
                if let started = Self.partName(text) {
                    inside = started == name
                    found = found || inside
                    continue
                }
                if Self.isPartEnd(text) { inside = false; continue }
            }
            if inside { taken.append(block) }
        }
        return found ? DraftDocument(blocks: taken) : nil
    }

    /// `NAME` of a `<!-- part: NAME -->` line.
    static func partName(_ comment: String) -> String? {
        let inner = commentText(comment)
        guard inner.hasPrefix("part:") else { return nil }
        let name = inner.dropFirst("part:".count).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func isPartEnd(_ comment: String) -> Bool { commentText(comment) == "end part" }

    private static func commentText(_ comment: String) -> String {
        var text = Substring(comment)
        if text.hasPrefix("<!--") { text = text.dropFirst(4) }
        if text.hasSuffix("-->") { text = text.dropLast(3) }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
