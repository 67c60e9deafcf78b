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
            spans.map { span in
                switch span {
                case .literal(let text): return removingBold(text)
                case .value(let text): return text
                }
            }.joined()
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
        guard text.utf8.contains(UInt8(ascii: "*")) else { return text }
        return text.replacingOccurrences(of: "**", with: "")
    }

    /// Markdown: the template's markup as written, every value escaped for Markdown.
    public static func markdown(_ document: DraftDocument) -> String {
        var out: [String] = []
        func md(_ spans: [DraftDocument.Span]) -> String {
            spans.map { span in
                switch span {
                case .literal(let text): return text
                case .value(let text): return TemplateEscaping.markdown.escape(text)
                }
            }.joined()
        }
        var previousWasList = false
        for block in document.blocks {
            var isList = false
            switch block {
            case .heading(let level, let spans): out.append(String(repeating: "#", count: level) + " " + md(spans))
            case .paragraph(let lines): out.append(lines.map(md).joined(separator: "  \n"))
            case .listItem(let spans):
                if previousWasList, var last = out.popLast() { last += "\n- " + md(spans); out.append(last) } else { out.append("- " + md(spans)) }
                isList = true
            case .quote(let spans): out.append("> " + md(spans))
            case .rule: out.append("---")
            case .comment: break
            }
            if case .comment = block { continue }
            previousWasList = isList
        }
        return out.joined(separator: "\n\n")
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
        spans.map { span in
            switch span {
            case .literal(let text): return TemplateEscaping.slack.escape(text).replacingOccurrences(of: "**", with: "*")
            case .value(let text): return TemplateEscaping.slack.escape(text)
            }
        }.joined()
    }

    /// A Slack incoming-webhook payload: a `text` fallback and Block Kit `blocks` (mrkdwn
    /// sections, the title in a section of its own, dividers), with mrkdwn escaped throughout.
    public static func slack(_ document: DraftDocument) -> JSONOutput {
        var blocks: [JSONOutput] = []
        var pending: [String] = []
        func section(_ text: String) -> JSONOutput {
            .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(text))]))])
        }
        func flush() {
            guard !pending.isEmpty else { return }
            // A section's text may hold 3,000 characters: runs of lines are split between lines,
            // and a longer line at word boundaries, so nothing is ever cut off.
            var chunk = ""
            for line in pending.flatMap({ slackPieces($0, limit: slackSectionLimit) }) {
                if !chunk.isEmpty && chunk.count + line.count + 1 > slackSectionLimit { blocks.append(section(chunk)); chunk = "" }
                chunk += (chunk.isEmpty ? "" : "\n") + line
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
        return .object([("text", .string(TemplateEscaping.slack.escape(text(document)))), ("blocks", .array(blocks))])
    }

    /// Slack's limit on a section's text.
    static let slackSectionLimit = 3000

    /// `line` in pieces of at most `limit` characters, split at spaces where possible.
    static func slackPieces(_ line: String, limit: Int) -> [String] {
        guard line.count > limit else { return [line] }
        var pieces: [String] = []
        var rest = Substring(line)
        while rest.count > limit {
            let window = rest.prefix(limit)
            let cut = window.lastIndex(of: " ").map { rest.index(after: $0) } ?? window.endIndex
            pieces.append(String(rest[..<cut]).trimmingCharacters(in: .whitespaces))
            rest = rest[cut...]
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }
}
