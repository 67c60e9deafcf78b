/// Builds the node tree from the scanner's tokens, recursively, one section level per call.
///
/// Standalone lines: a section, inverted section, closing, comment, set-delimiter, partial or
/// block tag that is alone on its line (spaces and tabs aside) takes the whole line with it.
/// A standalone partial keeps the whitespace before it as indentation for every line of the
/// partial. A parent tag is standalone as a unit when its opening tag starts a line and its
/// closing tag ends one (`{{<parent}}{{/parent}}` on one line). Inside a parent tag only blocks
/// count; a block argument's own indentation (that of its first line) is removed, and the block
/// it fills adds the indentation of its site.
struct TemplateParser {
    private let source: TemplateSourceText
    private let tokens: [ScannedToken]
    /// For each tag token: whether only spaces and tabs stand before it on its line.
    private var startsLine: [Bool]
    /// For each tag token followed by nothing but spaces and tabs up to the line break (or the
    /// end): the index of the token after that line break. Nil otherwise.
    private var lineRestEnd: [Int?]
    private var index = 0
    /// Partials and parents named literally, in the order they appear.
    private(set) var references: [PartialReference] = []

    init(source: TemplateSourceText, delimiters: Delimiters = .standard) throws(TemplateError) {
        self.source = source
        tokens = try TemplateScanner(source: source).scan(delimiters: delimiters)
        startsLine = Array(repeating: false, count: tokens.count)
        lineRestEnd = Array(repeating: nil, count: tokens.count)
        computeLineShapes()
    }

    /// Parses the whole template.
    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        index = 0
        return try parseContent(closing: nil, strip: 0, atLineStart: true, depth: 0).nodes
    }

    // MARK: - Lines

    private mutating func computeLineShapes() {
        let bytes = source.bytes
        func isBlank(_ range: Range<Int>) -> Bool {
            bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
        for position in tokens.indices {
            guard case .tag = tokens[position] else { continue }
            var before = position - 1
            var starts = true
            if before >= 0, case .text(let range) = tokens[before] {
                starts = isBlank(range)
                before -= 1
            }
            if starts, before >= 0, case .tag = tokens[before] { starts = false }
            if starts, before >= 0, case .text = tokens[before] { starts = false }
            startsLine[position] = starts

            var after = position + 1
            if after < tokens.count, case .text(let range) = tokens[after] {
                guard isBlank(range) else { continue }
                after += 1
            }
            if after == tokens.count {
                lineRestEnd[position] = after
            } else if case .newline = tokens[after] {
                lineRestEnd[position] = after + 1
            }
        }
    }

    private func isStandalone(_ position: Int) -> Bool {
        startsLine[position] && lineRestEnd[position] != nil
    }

    /// The leading spaces and tabs of the line starting at token `position`, less `strip` of them.
    private func leadingWhitespace(at position: Int, strip: Int) -> [UInt8] {
        guard position < tokens.count, case .text(let range) = tokens[position] else { return [] }
        let whitespace = source.bytes[range].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return Array(whitespace.dropFirst(strip))
    }

    // MARK: - Content

    private struct ContentEnd {
        var nodes: [TemplateNode]
        /// The closing tag that ended the content (nil at the end of the template).
        var close: ScannedTag?
        /// Whether the closing tag was standalone, so that what follows starts a line.
        var closeWasStandalone: Bool
    }

    /// Parses nodes until the closing tag of `closing` (or the end of the template when nil).
    /// `strip` is how many leading spaces or tabs to remove from every line (a block argument's
    /// indentation at its site of definition).
    private mutating func parseContent(closing: ScannedTag?, strip: Int, atLineStart startsAtLineStart: Bool, depth: Int) throws(TemplateError) -> ContentEnd {
        let bytes = source.bytes
        var nodes: [TemplateNode] = []
        var buffer: [UInt8] = []
        var lineMark = 0
        var atLineStart = startsAtLineStart

        func flush() {
            if !buffer.isEmpty {
                nodes.append(.text(String(decoding: buffer, as: UTF8.self)))
                buffer.removeAll(keepingCapacity: true)
            }
            lineMark = 0
        }
        /// Removes the current line's leading whitespace from the text so far, and returns it.
        func takeLineIndentation() -> String {
            let start = min(lineMark, buffer.count)
            let whitespace = String(decoding: buffer[start...], as: UTF8.self)
            buffer.removeSubrange(start...)
            return whitespace
        }

        while index < tokens.count {
            let position = index
            switch tokens[position] {
            case .text(let range):
                var lower = range.lowerBound
                if atLineStart && strip > 0 {
                    var removed = 0
                    while removed < strip, lower < range.upperBound,
                          bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") {
                        lower += 1
                        removed += 1
                    }
                }
                buffer.append(contentsOf: bytes[lower..<range.upperBound])
                atLineStart = false
                index += 1

            case .newline(let range):
                buffer.append(contentsOf: bytes[range])
                lineMark = buffer.count
                atLineStart = true
                index += 1

            case .tag(let tag):
                let location = NodeLocation(source: source, offset: tag.start)
                atLineStart = false
                switch tag.kind {
                case .variable, .unescaped:
                    let name = try templateName(tag)
                    flush()
                    nodes.append(.variable(VariableNode(name: name, escaped: tag.kind == .variable, location: location)))
                    index += 1

                case .comment, .delimiters:
                    index += 1
                    if isStandalone(position), let rest = lineRestEnd[position] {
                        _ = takeLineIndentation()
                        index = rest
                        lineMark = buffer.count
                        atLineStart = true
                    }

                case .section, .inverted:
                    let name = try templateName(tag)
                    try checkDepth(depth, tag)
                    let standalone = isStandalone(position)
                    if standalone, let rest = lineRestEnd[position] {
                        _ = takeLineIndentation()
                        index = rest
                    } else {
                        index += 1
                    }
                    flush()
                    let content = try parseContent(closing: tag, strip: strip, atLineStart: standalone, depth: depth + 1)
                    let rawEnd = content.close?.start ?? tag.end
                    nodes.append(.section(SectionNode(
                        name: name, inverted: tag.kind == .inverted, children: content.nodes,
                        rawText: source.string(tag.end..<rawEnd), delimiters: tag.delimiters, location: location
                    )))
                    atLineStart = content.closeWasStandalone

                case .close:
                    guard let open = closing else {
                        throw source.error(.unexpectedClosingTag(name: tag.content), atByte: tag.start)
                    }
                    try checkClose(tag, matches: open)
                    let standalone = isStandalone(position)
                    if standalone, let rest = lineRestEnd[position] {
                        _ = takeLineIndentation()
                        index = rest
                    } else {
                        index += 1
                    }
                    flush()
                    return ContentEnd(nodes: nodes, close: tag, closeWasStandalone: standalone)

                case .partial:
                    let (name, dynamic) = try partialName(tag)
                    var indentation: String?
                    if isStandalone(position), let rest = lineRestEnd[position] {
                        indentation = takeLineIndentation()
                        index = rest
                        atLineStart = true
                    } else {
                        index += 1
                    }
                    flush()
                    if dynamic == nil { references.append(PartialReference(name: name, location: location)) }
                    nodes.append(.partial(PartialNode(name: name, dynamicName: dynamic, indentation: indentation, arguments: nil, location: location)))

                case .parent:
                    let (name, dynamic) = try partialName(tag)
                    try checkDepth(depth, tag)
                    index += 1
                    let (arguments, closeIndex) = try parseArguments(of: tag, depth: depth + 1)
                    var indentation: String?
                    if startsLine[position], let rest = lineRestEnd[closeIndex] {
                        indentation = takeLineIndentation()
                        index = rest
                        atLineStart = true
                    }
                    flush()
                    if dynamic == nil { references.append(PartialReference(name: name, location: location)) }
                    nodes.append(.partial(PartialNode(name: name, dynamicName: dynamic, indentation: indentation, arguments: arguments, location: location)))

                case .block:
                    let name = try blockName(tag)
                    try checkDepth(depth, tag)
                    let standalone = isStandalone(position)
                    let placement: BlockNode.Placement
                    if standalone, let rest = lineRestEnd[position] {
                        _ = takeLineIndentation()
                        index = rest
                        let indentation = leadingWhitespace(at: rest, strip: strip)
                        placement = .standalone(String(decoding: indentation, as: UTF8.self))
                    } else {
                        let whitespace = startsLine[position] ? String(decoding: buffer[min(lineMark, buffer.count)...], as: UTF8.self) : ""
                        placement = .inline(whitespace)
                        index += 1
                    }
                    flush()
                    let content = try parseContent(closing: tag, strip: strip, atLineStart: standalone, depth: depth + 1)
                    nodes.append(.block(BlockNode(name: name, children: content.nodes, placement: placement, location: location)))
                    atLineStart = content.closeWasStandalone
                }
            }
        }
        if let open = closing {
            throw source.error(.unclosedSection(name: open.content), atByte: open.start)
        }
        flush()
        return ContentEnd(nodes: nodes, close: nil, closeWasStandalone: false)
    }

    /// Inside `{{<parent}}…{{/parent}}`: collects the block arguments, ignores text and comments.
    /// Returns them with the index of the closing tag's token.
    private mutating func parseArguments(of parent: ScannedTag, depth: Int) throws(TemplateError) -> ([String: BlockArgument], Int) {
        var arguments: [String: BlockArgument] = [:]
        while index < tokens.count {
            let position = index
            guard case .tag(let tag) = tokens[position] else {
                index += 1
                continue
            }
            switch tag.kind {
            case .comment, .delimiters:
                index += 1
            case .block:
                let name = try blockName(tag)
                try checkDepth(depth, tag)
                var strip = 0
                var atLineStart = false
                if let rest = lineRestEnd[position] {
                    // Within a parent, text outside blocks is dropped anyway, so a block tag
                    // followed by a line break starts its content on the next line.
                    index = rest
                    atLineStart = true
                    strip = leadingWhitespace(at: rest, strip: 0).count
                } else {
                    index += 1
                }
                let content = try parseContent(closing: tag, strip: strip, atLineStart: atLineStart, depth: depth + 1)
                arguments[name] = BlockArgument(children: content.nodes)
            case .close:
                try checkClose(tag, matches: parent)
                index += 1
                return (arguments, position)
            default:
                throw source.error(.tagNotAllowedInParent(tag.display), atByte: tag.start)
            }
        }
        throw source.error(.unclosedSection(name: parent.content), atByte: parent.start)
    }

    // MARK: - Names and checks

    private func checkClose(_ tag: ScannedTag, matches open: ScannedTag) throws(TemplateError) {
        if tag.content.isEmpty { throw source.error(.emptyTag, atByte: tag.start) }
        guard tag.content == open.content else {
            let openedAt = source.position(ofByte: open.start)
            throw source.error(.mismatchedClosingTag(expected: open.display, found: tag.content, openedAt: openedAt), atByte: tag.start)
        }
    }

    private func checkDepth(_ depth: Int, _ tag: ScannedTag) throws(TemplateError) {
        if depth >= Template.maximumNesting {
            throw source.error(.nestingTooDeep(limit: Template.maximumNesting), atByte: tag.start)
        }
    }

    private func templateName(_ tag: ScannedTag) throws(TemplateError) -> TemplateName {
        if tag.content.isEmpty { throw source.error(.emptyTag, atByte: tag.start) }
        do {
            return try TemplateName(tag.content)
        } catch {
            throw source.error(.invalidName(tag.content, reason: error.reason), atByte: tag.start)
        }
    }

    /// A partial's or parent's name; `*name` makes it dynamic (the name is looked up).
    private func partialName(_ tag: ScannedTag) throws(TemplateError) -> (String, TemplateName?) {
        if tag.content.isEmpty { throw source.error(.emptyTag, atByte: tag.start) }
        if tag.content.hasPrefix("*") {
            let dotted = String(tag.content.dropFirst()).trimmingSpaces()
            if dotted.isEmpty { throw source.error(.emptyTag, atByte: tag.start) }
            do {
                return (dotted, try TemplateName(dotted))
            } catch {
                throw source.error(.invalidName(tag.content, reason: error.reason), atByte: tag.start)
            }
        }
        try checkNoWhitespace(tag)
        return (tag.content, nil)
    }

    private func blockName(_ tag: ScannedTag) throws(TemplateError) -> String {
        if tag.content.isEmpty { throw source.error(.emptyTag, atByte: tag.start) }
        try checkNoWhitespace(tag)
        return tag.content
    }

    private func checkNoWhitespace(_ tag: ScannedTag) throws(TemplateError) {
        if tag.content.utf8.contains(where: TemplateScanner.isWhitespace) {
            throw source.error(.invalidName(tag.content, reason: "names cannot contain whitespace"), atByte: tag.start)
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let bytes = Array(utf8)
        var lower = 0, upper = bytes.count
        while lower < upper, TemplateScanner.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, TemplateScanner.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
