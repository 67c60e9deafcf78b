import ChorusSupport
import Foundation
import ChorusTemplate

/// Writes a `DraftDocument` as text, Markdown, HTML or Slack Block Kit.
public enum DraftWriter {
    /// Plain text: headings and paragraphs as lines, `- ` list items, `> ` quotes, no markup,
    /// comment lines dropped. Values as written.
    public static func text(_ document: DraftDocument) -> String {
        lines(document, includeComments: false).joined(separator: "\n")
    }

    /// The text the linter reads: as `text`, but with comment lines kept so inline
    /// suppressions apply to the lines they stand beside.
    public static func lintSource(_ document: DraftDocument) -> String {
        lines(document, includeComments: true).joined(separator: "\n")
    }

    /// `lintSource` as the linter is given it: the state's values read as plain words. Markup
    /// the linter would otherwise skip or obey — quotation marks ("someone else's words") and
    /// comment openers (suppression directives) — counts only in the template's own text, so a
    /// value cannot put "probably" in quotes or switch a rule off. Each such character is
    /// replaced by a space of the same UTF-8 length, so offsets into `lintSource` still hold.
    public static func lintInput(_ document: DraftDocument) -> String {
        lines(document, includeComments: true, value: plainWords).joined(separator: "\n")
    }

    /// A value with its quotation marks and comment openers turned into spaces of equal length.
    static func plainWords(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" || $0 == "<" }) else { return value }
        var out = String.UnicodeScalarView()
        let scalars = Array(value.unicodeScalars)
        for (k, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"": out.append(" ")
            case "\u{201C}", "\u{201D}": out.append("\u{2003}") // three UTF-8 bytes, like the quote
            case "<" where k + 3 < scalars.count && scalars[k + 1] == "!" && scalars[k + 2] == "-" && scalars[k + 3] == "-": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private static func lines(_ document: DraftDocument, includeComments: Bool, value: (String) -> String = { $0 }) -> [String] {
        var out: [String] = []
        func plain(_ spans: [DraftDocument.Span]) -> String {
            var line = ""
            for span in spans {
                switch span {
                case .literal(let text): line += removingBold(text)
                case .value(let text): line += value(text)
                }
            }
            return line
        }
        func separate() { if let last = out.last, !last.isEmpty { out.append("") } }
        var previousWasList = false
        for block in document.blocks {
            let isList: Bool
            switch block {
            case .listItem, .quote: isList = true
            default: isList = false
            }
            if !(isList && previousWasList) {
                if case .comment = block {} else { separate() }
            }
            switch block {
            case .heading(_, let spans): out.append(plain(spans))
            case .paragraph(let lines): out += lines.map(plain)
            case .listItem(let spans): out.append("- " + plain(spans))
            case .quote(let spans): out.append(spans.isEmpty ? ">" : "> " + plain(spans))
            case .rule: out.append("---")
            case .comment(let text): if includeComments { out.append(text) }
            }
            if case .comment = block {} else { previousWasList = isList }
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// `text` without the `**` bold markers (a fast path for the usual text with none).
    static func removingBold(_ text: String) -> String {
        replacingBold(text, with: "")
    }

    /// Markdown: the template's markup as written, every value escaped for Markdown.
    public static func markdown(_ document: DraftDocument) -> String {
        var out = ""
        func md(_ spans: [DraftDocument.Span]) {
            for span in spans {
                switch span {
                case .literal(let text): out += text
                case .value(let text): TemplateEscaping.markdown.append(text, to: &out)
                }
            }
        }
        // Blocks are separated by a blank line; a list item after a list item starts its own line.
        var isFirst = true
        func startBlock() {
            if !isFirst { out += "\n\n" }
            isFirst = false
        }
        var previousWasList = false
        // Within a quotation: nil outside one, else whether its last line was a bare `>`.
        var quoteEndedBare: Bool?
        for block in document.blocks {
            var isList = false
            var bareQuote: Bool?
            switch block {
            case .heading(let level, let spans):
                startBlock()
                out += level == 1 ? "# " : level == 2 ? "## " : String(repeating: "#", count: level) + " "
                md(spans)
            case .paragraph(let lines):
                startBlock()
                for (index, line) in lines.enumerated() {
                    if index > 0 { out += "  \n" }
                    md(line)
                }
            case .listItem(let spans):
                if previousWasList { out += "\n- " } else { startBlock(); out += "- " }
                md(spans)
                isList = true
            case .quote(let spans):
                // Consecutive quote lines are one quotation (one blockquote): its lines are kept
                // apart by line breaks, and a bare `>` line separates its paragraphs.
                switch quoteEndedBare {
                case nil: startBlock(); out += spans.isEmpty ? ">" : "> "
                case true?: out += spans.isEmpty ? "\n>" : "\n> "
                case false?: out += spans.isEmpty ? "\n>" : "  \n> "
                }
                md(spans)
                bareQuote = spans.isEmpty
            case .rule:
                startBlock()
                out += "---"
            case .comment: break
            }
            if case .comment = block { continue }
            previousWasList = isList
            quoteEndedBare = bareQuote
        }
        return out
    }

    /// A complete HTML fragment: `<h2>`, `<p>`, `<ul>`, `<blockquote>`, `<hr>`, `<strong>`;
    /// every value and every literal escaped.
    public static func html(_ document: DraftDocument) -> String {
        var out: [String] = []
        var openList = false
        func inline(_ spans: [DraftDocument.Span]) -> String {
            var text = ""
            var bold = false
            for span in spans {
                switch span {
                case .value(let value): text += TemplateEscaping.html.escape(value)
                case .literal(let literal):
                    let parts = literal.components(separatedBy: "**")
                    for (index, part) in parts.enumerated() {
                        if index > 0 { text += bold ? "</strong>" : "<strong>"; bold.toggle() }
                        text += TemplateEscaping.html.escape(part)
                    }
                }
            }
            if bold { text += "</strong>" }
            return text
        }
        func closeList() { if openList { out.append("</ul>"); openList = false } }
        // Consecutive quote lines are one quotation: its paragraphs (split at bare `>` lines), each
        // a list of lines.
        var quote: [[String]] = []
        func closeQuote() {
            let paragraphs = quote.filter { !$0.isEmpty }
            if !paragraphs.isEmpty {
                out.append("<blockquote>" + paragraphs.map { "<p>" + $0.joined(separator: "<br>\n") + "</p>" }.joined(separator: "\n") + "</blockquote>")
            }
            quote = []
        }
        for block in document.blocks {
            if case .listItem = block {} else if case .comment = block {} else { closeList() }
            if case .quote = block {} else if case .comment = block {} else { closeQuote() }
            switch block {
            case .heading(let level, let spans): out.append("<h\(level + 1)>\(inline(spans))</h\(level + 1)>")
            case .paragraph(let lines): out.append("<p>" + lines.map(inline).joined(separator: "<br>\n") + "</p>")
            case .listItem(let spans):
                if !openList { out.append("<ul>"); openList = true }
                out.append("  <li>\(inline(spans))</li>")
            case .quote(let spans):
                if quote.isEmpty { quote = [[]] }
                if spans.isEmpty { quote.append([]) } else { quote[quote.count - 1].append(inline(spans)) }
            case .rule: out.append("<hr>")
            case .comment: break
            }
        }
        closeList()
        closeQuote()
        return "<div class=\"chorus-draft\">\n" + out.joined(separator: "\n") + "\n</div>"
    }
}
