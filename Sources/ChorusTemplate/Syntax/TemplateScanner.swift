/// The pair of strings that open and close a tag; `{{` and `}}` until a set-delimiter tag
/// changes them. (Short strings are stored inline, so tags carry them without reference counting.)
struct Delimiters: Sendable, Equatable {
    var open: String
    var close: String

    static let standard = Delimiters(open: "{{", close: "}}")
}

/// One tag as the scanner found it.
struct ScannedTag {
    enum Kind: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters
    }

    var kind: Kind
    /// The tag's content without its sigil, trimmed of surrounding whitespace (comments: as is).
    var content: String
    /// Byte offsets of the first byte of the open delimiter and one past the close delimiter.
    var start: Int
    var end: Int
    /// The delimiters in effect where the tag stands (for a set-delimiter tag, the old ones).
    var delimiters: Delimiters

    /// The tag as an author would write it with standard delimiters (for messages).
    var display: String {
        switch kind {
        case .variable: return "{{\(content)}}"
        case .unescaped: return "{{{\(content)}}}"
        case .section: return "{{#\(content)}}"
        case .inverted: return "{{^\(content)}}"
        case .close: return "{{/\(content)}}"
        case .comment: return "{{!…}}"
        case .partial: return "{{>\(content)}}"
        case .parent: return "{{<\(content)}}"
        case .block: return "{{$\(content)}}"
        case .delimiters: return "{{=\(content)=}}"
        }
    }
}

/// The flat token stream the parser builds its tree from. Text never contains a line break; each
/// line break (`\n` or `\r\n`) is its own token, so standalone lines are easy to recognise.
enum ScannedToken {
    case text(Range<Int>)
    case newline(Range<Int>)
    case tag(ScannedTag)
}

/// Splits a template's bytes into text, line breaks and tags, following set-delimiter tags.
struct TemplateScanner {
    let source: TemplateSourceText

    /// Scans the whole template, starting with `delimiters`.
    func scan(delimiters initial: Delimiters = .standard) throws(TemplateError) -> [ScannedToken] {
        let bytes = source.bytes
        var tokens: [ScannedToken] = []
        tokens.reserveCapacity(bytes.count / 16)
        var delimiters = initial
        var open = Array(initial.open.utf8)
        var close = Array(initial.close.utf8)
        var textStart = 0
        var index = 0
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                let breakStart = index > textStart && bytes[index - 1] == carriageReturn ? index - 1 : index
                if breakStart > textStart { tokens.append(.text(textStart..<breakStart)) }
                tokens.append(.newline(breakStart..<index + 1))
                index += 1
                textStart = index
                continue
            }
            if byte == open[0], matches(open, at: index) {
                if index > textStart { tokens.append(.text(textStart..<index)) }
                let tag = try scanTag(at: index, delimiters: delimiters, open: open, close: close)
                if tag.kind == .delimiters {
                    delimiters = try parseDelimiters(tag)
                    open = Array(delimiters.open.utf8)
                    close = Array(delimiters.close.utf8)
                }
                tokens.append(.tag(tag))
                index = tag.end
                textStart = index
                continue
            }
            index += 1
        }
        if bytes.count > textStart { tokens.append(.text(textStart..<bytes.count)) }
        return tokens
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        let bytes = source.bytes
        guard offset + pattern.count <= bytes.count else { return false }
        var index = 0
        while index < pattern.count {
            if bytes[offset + index] != pattern[index] { return false }
            index += 1
        }
        return true
    }

    private func find(_ pattern: [UInt8], from offset: Int) -> Int? {
        let bytes = source.bytes
        guard let first = pattern.first else { return nil }
        var index = offset
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func scanTag(at start: Int, delimiters: Delimiters, open: [UInt8], close: [UInt8]) throws(TemplateError) -> ScannedTag {
        let bytes = source.bytes
        let contentStart = start + open.count
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        let kind: ScannedTag.Kind
        var closing = close
        switch sigil {
        case UInt8(ascii: "{"): kind = .unescaped; closing = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters; closing = [UInt8(ascii: "=")] + close
        default: kind = .variable
        }
        let bodyStart = kind == .variable ? contentStart : contentStart + 1
        guard let closeAt = find(closing, from: bodyStart) else {
            throw source.error(.unclosedTag(expected: String(decoding: closing, as: UTF8.self)), atByte: start)
        }
        let body = bytes[bodyStart..<closeAt]
        // (A set-delimiter tag may name the current delimiters: `{{={{ }}=}}` resets to them.)
        if kind != .comment && kind != .delimiters, find(open, in: body) {
            // `{{a {{b}}`: the first tag was never closed; say so rather than "invalid name".
            throw source.error(.unclosedTag(expected: delimiters.close), atByte: start)
        }
        let content = kind == .comment ? String(decoding: body, as: UTF8.self) : trimmed(body)
        return ScannedTag(kind: kind, content: content, start: start, end: closeAt + closing.count, delimiters: delimiters)
    }

    private func find(_ pattern: [UInt8], in body: ArraySlice<UInt8>) -> Bool {
        guard !pattern.isEmpty, body.count >= pattern.count else { return false }
        var index = body.startIndex
        while index + pattern.count <= body.endIndex {
            if body[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    private func trimmed(_ body: ArraySlice<UInt8>) -> String {
        var lower = body.startIndex, upper = body.endIndex
        while lower < upper, TemplateScanner.isWhitespace(body[lower]) { lower += 1 }
        while upper > lower, TemplateScanner.isWhitespace(body[upper - 1]) { upper -= 1 }
        return String(decoding: body[lower..<upper], as: UTF8.self)
    }

    /// Space, tab, and line breaks: what may pad a tag's content.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// `{{=<% %>=}}`: exactly two non-empty delimiters, separated by whitespace, neither holding `=`.
    private func parseDelimiters(_ tag: ScannedTag) throws(TemplateError) -> Delimiters {
        let parts = tag.content.utf8.split(whereSeparator: TemplateScanner.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw source.error(.invalidDelimiters(tag.display), atByte: tag.start)
        }
        return Delimiters(open: String(decoding: parts[0], as: UTF8.self), close: String(decoding: parts[1], as: UTF8.self))
    }
}
