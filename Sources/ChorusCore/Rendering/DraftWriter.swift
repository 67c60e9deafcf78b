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

    private static func lines(_ document: DraftDocument, includeComments: Bool) -> [String] {
        var out: [String] = []
        func plain(_ spans: [DraftDocument.Span]) -> String {
            var line = ""
            for span in spans {
                switch span {
                case .literal(let text): line += removingBold(text)
                case .value(let text): line += text
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
            case .quote(let spans): out.append("> " + plain(spans))
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
        for block in document.blocks {
            var isList = false
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
                startBlock()
                out += "> "
                md(spans)
            case .rule:
                startBlock()
                out += "---"
            case .comment: break
            }
            if case .comment = block { continue }
            previousWasList = isList
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
        for block in document.blocks {
            if case .listItem = block {} else if case .comment = block {} else { closeList() }
            switch block {
            case .heading(let level, let spans): out.append("<h\(level + 1)>\(inline(spans))</h\(level + 1)>")
            case .paragraph(let lines): out.append("<p>" + lines.map(inline).joined(separator: "<br>\n") + "</p>")
            case .listItem(let spans):
                if !openList { out.append("<ul>"); openList = true }
                out.append("  <li>\(inline(spans))</li>")
            case .quote(let spans): out.append("<blockquote><p>\(inline(spans))</p></blockquote>")
            case .rule: out.append("<hr>")
            case .comment: break
            }
        }
        closeList()
        return "<div class=\"chorus-draft\">\n" + out.joined(separator: "\n") + "\n</div>"
    }

    /// Slack mrkdwn for one line of spans: `**x**` becomes `*x*`, every character that Slack
    /// reads as a control sequence (`&`, `<`, `>`) escaped, in values and literals alike.
    static func mrkdwn(_ spans: [DraftDocument.Span]) -> String {
        var line = ""
        for span in spans {
            switch span {
            case .literal(let text): line += replacingBold(TemplateEscaping.slack.escape(text), with: "*")
            case .value(let text): TemplateEscaping.slack.append(text, to: &line)
            }
        }
        return line
    }

    /// A Slack incoming-webhook payload: a `text` fallback and Block Kit `blocks` (mrkdwn
    /// sections, the title in a section of its own, dividers), with mrkdwn escaped throughout.
    public static func slack(_ document: DraftDocument) -> JSONOutput {
        slack(document, text: text(document))
    }

    /// `slack(_:)` with the document's `text(_:)` already written.
    static func slack(_ document: DraftDocument, text plainText: String) -> JSONOutput {
        var blocks: [JSONOutput] = []
        var pending: [String] = []
        func section(_ text: String) -> JSONOutput {
            .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(text))]))])
        }
        func flush() {
            guard !pending.isEmpty else { return }
            // A section's text may hold 3,000 characters: runs of lines are split between lines,
            // and a longer line at word boundaries, so nothing is ever cut off.
            // Counts are in `Character`s, each line's counted once: the count of `chunk + "\n" + line`
            // is the sum of the three unless `chunk` ends in "\r" (which joins the "\n").
            var chunk = ""
            var chunkCount = 0
            for whole in pending {
                let wholeCount = characterCount(whole)
                let pieces = wholeCount > slackSectionLimit ? slackPieces(whole, limit: slackSectionLimit) : [whole]
                for line in pieces {
                    let lineCount = pieces.count == 1 ? wholeCount : characterCount(line)
                    if !chunk.isEmpty && chunkCount + lineCount + 1 > slackSectionLimit {
                        blocks.append(section(chunk)); chunk = ""; chunkCount = 0
                    }
                    if chunk.isEmpty {
                        chunk = line
                        chunkCount = lineCount
                    } else if chunk.utf8.last == UInt8(ascii: "\r") {
                        chunk += "\n" + line
                        chunkCount = chunk.count
                    } else {
                        chunk += "\n" + line
                        chunkCount += 1 + lineCount
                    }
                }
            }
            if !chunk.isEmpty { blocks.append(section(chunk)) }
            pending = []
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, let spans):
                // Headings are bold mrkdwn lines, never plain_text header blocks: mrkdwn is
                // the one Slack text type where every value is escaped the same way.
                if level == 1 { flush() }
                let plainSpans = spans.map { span -> DraftDocument.Span in
                    if case .literal(let text) = span { return .literal(removingBold(text)) }
                    return span
                }
                pending.append("*" + mrkdwn(plainSpans) + "*")
                if level == 1 { flush() }
            case .paragraph(let lines):
                if !pending.isEmpty { pending.append("") }
                pending += lines.map(mrkdwn)
            case .listItem(let spans): pending.append("• " + mrkdwn(spans))
            case .quote(let spans): pending.append("> " + mrkdwn(spans))
            case .rule: flush(); blocks.append(.object([("type", .string("divider"))]))
            case .comment: break
            }
        }
        flush()
        return .object([("text", .string(TemplateEscaping.slack.escape(plainText))), ("blocks", .array(blocks))])
    }

    /// Slack's limit on a section's text.
    static let slackSectionLimit = 3000

    /// `text.count`, without walking graphemes when every byte is printable ASCII (each byte a
    /// `Character` of its own; only "\r\n" would join two).
    static func characterCount(_ text: String) -> Int {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return text.count
    }

    /// `line` in pieces of at most `limit` characters, split at spaces where possible.
    /// Linear in the line's length: what remains is counted once and then kept by subtraction,
    /// never counted again from the start.
    static func slackPieces(_ line: String, limit: Int) -> [String] {
        var remaining = line.count
        guard remaining > limit else { return [line] }
        var pieces: [String] = []
        var rest = Substring(line)
        while remaining > limit {
            let window = rest.prefix(limit)
            let cut = window.lastIndex(of: " ").map { rest.index(after: $0) } ?? window.endIndex
            let piece = rest[..<cut]
            remaining -= piece.count
            pieces.append(String(piece).trimmingCharacters(in: .whitespaces))
            rest = rest[cut...]
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }
}
