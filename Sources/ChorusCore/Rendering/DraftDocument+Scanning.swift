/// `DraftDocument.parse` on UTF-8 bytes: lines split at `\n`, markup read from the ASCII text
/// before the first value, spans cut at the value markers (U+E000 is `EE 80 80`, U+E001 is
/// `EE 80 81`; UTF-8 never has those bytes inside another character).
///
/// The result equals `DraftDocument.parseCharacters` for text without `\r` (the caller checks):
/// a `\n` is then always a `Character` of its own, every ASCII byte of the lead is one
/// `Character` (the marker after it is not a combining mark), and trailing spaces after ASCII or
/// a marker are `Character`s of their own. Lines outside those cases go to `classify(_:)`.
struct DraftScanner {
    let text: String
    let bytes: UnsafeBufferPointer<UInt8>

    private static let markerLead: UInt8 = 0xEE
    private static let space = UInt8(ascii: " ")

    func document() -> DraftDocument {
        var blocks: [DraftDocument.Block] = []
        var paragraph: [[DraftDocument.Span]] = []
        var lineStart = 0
        let count = bytes.count
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            switch line(lineStart, lineEnd) {
            case .blank:
                if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
            case .block(let block):
                if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
                blocks.append(block)
            case .paragraphLine(let spans):
                paragraph.append(spans)
            }
            lineStart = lineEnd + 1
        }
        if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
        return DraftDocument(blocks: blocks)
    }

    /// Whether `bytes[index...]` starts with the marker whose last byte is `last`.
    @inline(__always)
    private func isMarker(at index: Int, end: Int, last: UInt8) -> Bool {
        index + 2 < end && bytes[index] == Self.markerLead && bytes[index + 1] == 0x80 && bytes[index + 2] == last
    }

    private func line(_ start: Int, _ rawEnd: Int) -> DraftDocument.Line {
        var end = rawEnd
        while end > start && bytes[end - 1] == Self.space { end -= 1 }
        if end == start { return .blank }
        // A space trimmed after non-ASCII text that is not a marker: a grapheme question.
        if end < rawEnd && bytes[end - 1] >= 0x80 && !(end - start >= 3 && bytes[end - 3] == Self.markerLead && bytes[end - 2] == 0x80) {
            return slow(start, rawEnd)
        }
        if bytes[start] == UInt8(ascii: "<") { return slow(start, rawEnd) } // possibly a comment
        // The lead: template text before the first value marker, which must be ASCII.
        var leadEnd = start
        while leadEnd < end && bytes[leadEnd] < 0x80 { leadEnd += 1 }
        if leadEnd < end && !isMarker(at: leadEnd, end: end, last: 0x80) { return slow(start, rawEnd) }
        let lead = leadEnd - start
        func leadHas(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard lead >= length else { return false }
            let p = prefix.utf8Start
            for i in 0..<length where bytes[start + i] != p[i] { return false }
            return true
        }
        if leadEnd == end && lead == 3 && leadHas("---") { return .block(.rule) }
        if leadHas("# ") { return .block(.heading(level: 1, spans(start + 2, end))) }
        if leadHas("## ") { return .block(.heading(level: 2, spans(start + 3, end))) }
        if leadHas("### ") { return .block(.heading(level: 3, spans(start + 4, end))) }
        if leadHas("- ") || leadHas("* ") { return .block(.listItem(spans(start + 2, end))) }
        if leadHas("> ") { return .block(.quote(spans(start + 2, end))) }
        if leadEnd == end && lead == 1 && bytes[start] == UInt8(ascii: ">") { return .block(.quote([])) }
        return .paragraphLine(spans(start, end))
    }

    /// The line read as `Character`s.
    private func slow(_ start: Int, _ end: Int) -> DraftDocument.Line {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        return DraftDocument.classify(text[lower..<upper])
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Literal and value spans of `bytes[start..<end]`, cut at the markers.
    private func spans(_ start: Int, _ end: Int) -> [DraftDocument.Span] {
        var result: [DraftDocument.Span] = []
        var runStart = start
        var inValue = false
        var index = start
        while index < end {
            if bytes[index] == Self.markerLead, index + 2 < end, bytes[index + 1] == 0x80,
               bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 {
                if runStart < index {
                    let text = string(runStart, index)
                    result.append(inValue ? .value(text) : .literal(text))
                }
                inValue = bytes[index + 2] == 0x80
                index += 3
                runStart = index
                continue
            }
            index += 1
        }
        if runStart < end {
            let text = string(runStart, end)
            result.append(inValue ? .value(text) : .literal(text))
        }
        return result
    }
}
