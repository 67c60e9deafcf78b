/// A rendered draft, parsed into blocks so it can be written in any output format.
///
/// Audience templates write a small, line-oriented subset of Markdown: `#`/`##`/`###`
/// headings, `- ` list items, `> ` quotes, `---` rules, blank lines between paragraphs,
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

    /// Parses template output (with value markers) into blocks.
    public static func parse(_ marked: String) -> DraftDocument {
        var blocks: [Block] = []
        var paragraph: [[Span]] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
        }
        for rawLine in marked.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            while line.last == " " || line.last == "\r" { line.removeLast() }
            if line.isEmpty { flush(); continue }
            // Markup is recognised only in the template's own text, before any value.
            let lead = line.prefix { $0 != Character(PlainText.valueStart) }
            if line.hasPrefix("<!--") && line.hasSuffix("-->") && !line.contains(Character(PlainText.valueStart)) {
                flush(); blocks.append(.comment(String(line))); continue
            }
            if lead == "---" && line == "---" { flush(); blocks.append(.rule); continue }
            if let level = headingLevel(lead) {
                flush()
                blocks.append(.heading(level: level, spans(line.dropFirst(level + 1))))
                continue
            }
            if lead.hasPrefix("- ") || lead.hasPrefix("* ") {
                flush(); blocks.append(.listItem(spans(line.dropFirst(2)))); continue
            }
            if lead.hasPrefix("> ") {
                flush(); blocks.append(.quote(spans(line.dropFirst(2)))); continue
            }
            paragraph.append(spans(line))
        }
        flush()
        return DraftDocument(blocks: blocks)
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
