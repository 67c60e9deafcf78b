/// A rendered draft, parsed into blocks so it can be written in any output format.
///
/// Audience templates write a small, line-oriented subset of Markdown: `#`/`##`/`###`
/// headings, `- ` list items, `> ` quotes (consecutive quote lines are one quotation; a bare `>`
/// line separates its paragraphs), `---` rules, blank lines between paragraphs,
/// `**bold**` in the template's own text, and `<!-- … -->` comment lines (shown in no format;
/// they carry `chorus-disable-…` suppressions for the linter). Every value from the state
/// arrives wrapped in private-use markers, so its characters are escaped for the output format
/// and never read as markup: a value cannot make a heading, a link, a mention or a tag.
public struct DraftDocument: Sendable, Equatable {
    /// A run of inline text: the template's own words, or a value from the state.
    public enum Span: Sendable, Equatable {
        case literal(String)
        case value(String)
    }

    public enum Block: Sendable, Equatable {
        case heading(level: Int, [Span])
        /// Consecutive lines of one paragraph, kept as lines.
        case paragraph([[Span]])
        case listItem([Span])
        case quote([Span])
        case rule
        case comment(String)
    }

    public var blocks: [Block]

    /// A document of `blocks` (a part of a parsed draft, say, written on its own).
    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Parses template output (with value markers) into blocks.
    ///
    /// Lines are scanned as UTF-8 bytes (see `DraftDocument+Scanning.swift`); a line whose
    /// markup the byte scan cannot decide exactly as `Character`s would (non-ASCII before the
    /// first value, a comment, a space after non-ASCII text at the end) is classified by
    /// `classify(_:)`, and text with a carriage return is parsed by `parseCharacters(_:)`, so
    /// the result is the same either way.
    public static func parse(_ marked: String) -> DraftDocument {
        var text = marked
        let scanned = text.withUTF8 { bytes -> DraftDocument? in
            bytes.contains(UInt8(ascii: "\r")) ? nil : DraftScanner(text: marked, bytes: bytes).document()
        }
        return scanned ?? parseCharacters(marked)
    }

    /// How one line of template output reads.
    enum Line {
        case blank
        case block(Block)
        case paragraphLine([Span])
    }

    /// The reference parser, on `Character`s.
    static func parseCharacters(_ marked: String) -> DraftDocument {
        var blocks: [Block] = []
        var paragraph: [[Span]] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
        }
        for rawLine in marked.split(separator: "\n", omittingEmptySubsequences: false) {
            switch classify(rawLine) {
            case .blank: flush()
            case .block(let block): flush(); blocks.append(block)
            case .paragraphLine(let spans): paragraph.append(spans)
            }
        }
        flush()
        return DraftDocument(blocks: blocks)
    }

    /// One line (without its line break), read as `Character`s.
    static func classify(_ rawLine: Substring) -> Line {
        var line = rawLine
        while line.last == " " || line.last == "\r" { line.removeLast() }
        if line.isEmpty { return .blank }
        // Markup is recognised only in the template's own text, before any value.
        let lead = line.prefix { $0 != Character(PlainText.valueStart) }
        if line.hasPrefix("<!--") && line.hasSuffix("-->") && !line.contains(Character(PlainText.valueStart)) {
            return .block(.comment(String(line)))
        }
        if lead == "---" && line == "---" { return .block(.rule) }
        if let level = headingLevel(lead) {
            return .block(.heading(level: level, spans(line.dropFirst(level + 1))))
        }
        if lead.hasPrefix("- ") || lead.hasPrefix("* ") { return .block(.listItem(spans(line.dropFirst(2)))) }
        if lead.hasPrefix("> ") { return .block(.quote(spans(line.dropFirst(2)))) }
        if line == ">" { return .block(.quote([])) }
        return .paragraphLine(spans(line))
    }

    private static func headingLevel(_ lead: Substring) -> Int? {
        for level in 1...3 where lead.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    /// Splits a line into literal and value spans at the markers.
    static func spans(_ line: Substring) -> [Span] {
        var result: [Span] = []
        var current = String.UnicodeScalarView()
        var inValue = false
        func emit() {
            guard !current.isEmpty else { return }
            let text = String(current)
            result.append(inValue ? .value(text) : .literal(text))
            current = String.UnicodeScalarView()
        }
        for scalar in line.unicodeScalars {
            if scalar == PlainText.valueStart { emit(); inValue = true; continue }
            if scalar == PlainText.valueEnd { emit(); inValue = false; continue }
            current.append(scalar)
        }
        emit()
        return result
    }
}
