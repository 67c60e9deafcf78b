/// How `{{name}}` escapes a value for the output format, chosen per render. `{{{name}}}` and
/// `{{&name}}` never escape, whatever the strategy: they are for trusted text only.
public struct TemplateEscaping: Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable {
        case html, text, markdown, slack
        case custom(name: String, escape: @Sendable (String) -> String)
        case customAppending(name: String, append: @Sendable (String, inout String) -> Void)
    }

    let kind: Kind

    /// HTML (the Mustache default): `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`,
    /// safe in element content and in quoted attribute values.
    public static let html = TemplateEscaping(kind: .html)
    /// Plain text: values are written exactly as they are.
    public static let text = TemplateEscaping(kind: .text)
    /// Markdown (CommonMark / GitHub flavoured): a backslash before every character that could
    /// start emphasis, code, a link, an image, raw HTML, an entity, a table cell or strikethrough
    /// (`\` `` ` `` `*` `_` `{` `}` `[` `]` `(` `)` `<` `>` `!` `|` `~` `&` `@`); before the
    /// characters that start a heading, list, quote or rule at the start of a line
    /// (`#` `+` `-` `=`, and the `.` of `1.`). GitHub's extended autolinks (an e-mail address,
    /// `www.`, `http://`) are found in the text *after* backslash escapes are resolved, so a
    /// backslash cannot stop them: an invisible U+2060 WORD JOINER goes before every `@`, before
    /// the `.` of `www.` and before the `:` of `://`, where no autolink can start or continue
    /// through it. A value can then never become a link, an image, emphasis or HTML, wherever it
    /// lands.
    public static let markdown = TemplateEscaping(kind: .markdown)
    /// Slack mrkdwn: `&` `<` `>` become `&amp;` `&lt;` `&gt;`, the only escapes Slack has, so no
    /// value can produce a mention (`<!channel>`, `<@U123>`) or a link (`<https://…|text>`).
    /// Slack has no way to escape `*`, `_`, `~` or `` ` ``, so values can still be bold or italic.
    public static let slack = TemplateEscaping(kind: .slack)

    /// Every built-in strategy, in the order the CLI lists them.
    public static let all: [TemplateEscaping] = [.html, .text, .markdown, .slack]

    /// A strategy of your own: `escape` receives each value `{{name}}` writes (never template
    /// text, never `{{{name}}}`) and returns what to write instead.
    public static func custom(name: String, _ escape: @escaping @Sendable (String) -> String) -> TemplateEscaping {
        TemplateEscaping(kind: .custom(name: name, escape: escape))
    }

    /// A strategy of your own that appends each value `{{name}}` writes, escaped, to the
    /// renderer's output buffer (no string per value).
    public static func custom(name: String, appending append: @escaping @Sendable (String, inout String) -> Void) -> TemplateEscaping {
        TemplateEscaping(kind: .customAppending(name: name, append: append))
    }

    /// `html`, `text`, `markdown` or `slack`.
    public var name: String {
        switch kind {
        case .html: return "html"
        case .text: return "text"
        case .markdown: return "markdown"
        case .slack: return "slack"
        case .custom(let name, _), .customAppending(let name, _): return name
        }
    }

    /// Strategies are equal when their names are.
    public static func == (lhs: TemplateEscaping, rhs: TemplateEscaping) -> Bool {
        lhs.name == rhs.name
    }

    /// The strategy called `name` (as `name` prints it), or nil.
    public init?(name: String) {
        guard let found = TemplateEscaping.all.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    private init(kind: Kind) {
        self.kind = kind
    }

    public var description: String { name }

    /// `text` escaped for the format.
    public func escape(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    /// Appends `text`, escaped, to `output` (the renderer's one buffer).
    public func append(_ text: String, to output: inout String) {
        switch kind {
        case .text: output += text
        case .html: Self.appendEntities(text, to: &output, slack: false)
        case .slack: Self.appendEntities(text, to: &output, slack: true)
        case .markdown: Self.appendMarkdown(text, to: &output)
        case .custom(_, let escape): output += escape(text)
        case .customAppending(_, let append): append(text, &output)
        }
    }

    /// `&` `<` `>` `"` `'`, and for Slack only the first three.
    @inline(__always)
    private static func needsEntity(_ byte: UInt8, slack: Bool) -> Bool {
        guard byte <= UInt8(ascii: ">") else { return false }
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return !slack
        default: return false
        }
    }

    /// Copies unchanged runs whole; only bytes that need an entity are rewritten. Every such
    /// byte is ASCII, so every cut falls on a character boundary. Most values need nothing, and
    /// are appended after one pass over their bytes.
    private static func appendEntities(_ text: String, to output: inout String, slack: Bool) {
        let utf8 = text.utf8
        let clean = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { needsEntity($0, slack: slack) }
        } ?? !utf8.contains { needsEntity($0, slack: slack) }
        if clean {
            output += text
            return
        }
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if needsEntity(byte, slack: slack) {
                if runStart != index { output += text[runStart..<index] }
                switch byte {
                case UInt8(ascii: "&"): output += "&amp;"
                case UInt8(ascii: "<"): output += "&lt;"
                case UInt8(ascii: ">"): output += "&gt;"
                case UInt8(ascii: "\""): output += "&quot;"
                default: output += "&#39;"
                }
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if runStart != utf8.endIndex { output += text[runStart...] }
    }

    private static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "~"),
             UInt8(ascii: "&"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    private static func isLineStartSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "#") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "=")
    }

    /// U+2060 WORD JOINER in UTF-8: invisible, and neither a letter, a digit nor punctuation an
    /// autolink may hold, so an autolink scanner stops at it.
    private static let wordJoiner: [UInt8] = [0xE2, 0x81, 0xA0]

    /// The `:` of `://`, or the `.` of `www.`: where GitHub's extended autolinks begin.
    private static func startsAutolink(_ bytes: [UInt8], at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: ":"):
            return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
        case UInt8(ascii: "."):
            guard index >= 3 else { return false }
            return bytes[(index - 3)..<index].allSatisfy { $0 | 0x20 == UInt8(ascii: "w") }
        default:
            return false
        }
    }

    /// Whether `appendMarkdown` would write `bytes` unchanged: no special character, no line
    /// break, no `://` or `www.`, and nothing at the start that could open a block (a line-start
    /// special or a digit). Most values pass, and are appended as they are.
    private static func needsNoMarkdownEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
        if index < bytes.count && (isLineStartSpecial(bytes[index]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])) {
            return false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || isMarkdownSpecial(byte) { return false }
            if byte == UInt8(ascii: ":") && index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                return false
            }
            if byte == UInt8(ascii: ".") && index >= 3
                && bytes[index - 3] | 0x20 == UInt8(ascii: "w") && bytes[index - 2] | 0x20 == UInt8(ascii: "w") && bytes[index - 1] | 0x20 == UInt8(ascii: "w") {
                return false
            }
            index += 1
        }
        return true
    }

    private static func appendMarkdown(_ text: String, to output: inout String) {
        if text.utf8.withContiguousStorageIfAvailable(needsNoMarkdownEscape) == true {
            output += text
            return
        }
        let bytes = Array(text.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 8)
        var atLineStart = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    escaped.append(byte)
                    index += 1
                    continue
                }
                atLineStart = false
                if isLineStartSpecial(byte) {
                    escaped.append(UInt8(ascii: "\\"))
                    escaped.append(byte)
                    index += 1
                    continue
                }
                // `1.` or `12)` starts an ordered list: escape the `.` (a `)` is always escaped).
                var digitsEnd = index
                while digitsEnd < bytes.count, digitsEnd - index < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digitsEnd]) {
                    digitsEnd += 1
                }
                if digitsEnd > index, digitsEnd < bytes.count, bytes[digitsEnd] == UInt8(ascii: ".") {
                    escaped.append(contentsOf: bytes[index..<digitsEnd])
                    escaped.append(UInt8(ascii: "\\"))
                    escaped.append(UInt8(ascii: "."))
                    index = digitsEnd + 1
                    continue
                }
            }
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if byte == UInt8(ascii: "@") || startsAutolink(bytes, at: index) {
                escaped.append(contentsOf: wordJoiner)
                escaped.append(UInt8(ascii: "\\"))
            } else if isMarkdownSpecial(byte) {
                escaped.append(UInt8(ascii: "\\"))
            }
            escaped.append(byte)
            index += 1
        }
        output += String(decoding: escaped, as: UTF8.self)
    }
}
