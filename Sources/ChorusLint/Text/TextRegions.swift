/// The parts of a text the rules treat specially, as sorted, disjoint UTF-8 byte ranges:
/// code (inline spans and fenced blocks), URLs, quoted text (`"…"`, `“…”`, `>` lines), HTML tags
/// and comments, and sections labelled as hypotheses.
struct TextRegions: Sendable {
    /// Not read by the phrase rules: code, URLs, quotes, tags, comments.
    var skipped: [Range<Int>] = []
    /// Not read by the internal-name rules: URLs, tags and comments (code and quotes *are* read:
    /// an internal name in backticks still leaks it).
    var hidden: [Range<Int>] = []
    /// Skipped by the phrase rules but read by the internal-name rules: code and quotes.
    var codeAndQuotes: [Range<Int>] = []
    /// The text inside inline code spans (without the backticks).
    var codeSpans: [Range<Int>] = []
    /// HTML comments `<!-- … -->`: the whole comment and its inner text.
    var comments: [(whole: Range<Int>, content: Range<Int>)] = []
    /// Lines and sections labelled `Hypothesis:`, `Unconfirmed:` or `Theory:`.
    var labelled: [Range<Int>] = []
    /// Byte offset of each line's first byte.
    var lineStarts: [Int] = [0]
    /// Whether every byte is ASCII (then byte offsets are scalar offsets).
    var isASCII = true
    /// Runs of hex digits and colons with two colons or more, outside hidden regions: IPv6
    /// candidates, which the tokenizer splits.
    var colonRuns: [Range<Int>] = []

    /// Whether `offset` lies in a labelled section.
    func isLabelled(_ offset: Int) -> Bool {
        let low = labelled.partitioningIndex { $0.upperBound > offset }
        return low < labelled.count && labelled[low].contains(offset)
    }

    static func scan(_ bytes: [UInt8]) -> TextRegions {
        var scanner = RegionScanner(bytes: bytes)
        scanner.run()
        return scanner.regions
    }
}

/// The single pass behind `TextRegions.scan`.
private struct RegionScanner {
    let bytes: [UInt8]
    var regions = TextRegions()
    private var labelStart: Int?
    private var labelIsSection = false
    private var sectionHasContent = false
    private var pendingSectionEnd: Int?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The bytes that may start a region or a line (URLs are found from their `://` or `www.`);
    /// everything else is skipped at once.
    @inline(__always)
    private static func isInteresting(_ b: UInt8) -> Bool {
        if b >= 0x80 { return true }
        if b >= UInt8(ascii: "a") { return false }
        return b == UInt8(ascii: "\n") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "`")
            || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"")
    }

    private func byte(_ i: Int) -> UInt8 { i < bytes.count && i >= 0 ? bytes[i] : 0 }
    private func lower(_ i: Int) -> UInt8 { let b = byte(i); return b >= 65 && b <= 90 ? b | 0x20 : b }
    private func isAlnum(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
    private func starts(_ literal: String, at i: Int) -> Bool {
        var k = i
        for expected in literal.utf8 {
            if byte(k) != expected { return false }
            k += 1
        }
        return true
    }
    private func lineEnd(from i: Int) -> Int {
        var j = i
        while j < bytes.count, bytes[j] != UInt8(ascii: "\n") { j += 1 }
        return j
    }

    private mutating func skip(_ range: Range<Int>, hidden: Bool) {
        guard !range.isEmpty else { return }
        regions.skipped.append(range)
        if hidden { regions.hidden.append(range) } else { regions.codeAndQuotes.append(range) }
        // The scan jumps over the region: record its line starts and any non-ASCII byte.
        for i in range {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { regions.lineStarts.append(i + 1) } else if b >= 0x80 { regions.isASCII = false }
        }
    }

    mutating func run() {
        let n = bytes.count
        var i = 0
        var atLineStart = true
        while i < n {
            if atLineStart {
                atLineStart = false
                if let next = lineStart(i) { i = next; atLineStart = true; continue }
            }
            guard i < n else { break }
            let b = bytes[i]
            guard RegionScanner.isInteresting(b) else { i += 1; continue }
            switch b {
            case UInt8(ascii: "\n"):
                atLineStart = true
                i += 1
                regions.lineStarts.append(i)
            case UInt8(ascii: "`"):
                i = codeSpan(i)
            case UInt8(ascii: "<"):
                i = angle(i)
            case UInt8(ascii: "\""):
                i = quote(i, open: [0x22], close: [0x22])
            case UInt8(ascii: ":"):
                i = colon(i)
            case UInt8(ascii: "."):
                i = dot(i)
            default:
                regions.isASCII = false
                if b == 0xE2, byte(i + 1) == 0x80, byte(i + 2) == 0x9C {
                    i = quote(i, open: [0xE2, 0x80, 0x9C], close: [0xE2, 0x80, 0x9D])
                } else {
                    i += 1
                }
            }
        }
        closeLabel(at: n)
    }

    // MARK: line starts: fences, block quotes, labelled sections

    /// Handles a line start; returns where scanning continues when the whole line was consumed.
    private mutating func lineStart(_ start: Int) -> Int? {
        var i = start
        var indent = 0
        while byte(i) == UInt8(ascii: " ") && indent < 4 { i += 1; indent += 1 }
        let first = byte(i)
        updateLabel(lineStart: start, contentStart: i)
        if indent <= 3, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
            var run = 0
            while byte(i + run) == first { run += 1 }
            if run >= 3 {
                // A fenced block: up to a closing fence of at least `run` characters, or the end.
                var j = lineEnd(from: i)
                while j < bytes.count {
                    let next = j + 1
                    var k = next
                    while byte(k) == UInt8(ascii: " ") && k - next < 4 { k += 1 }
                    var closing = 0
                    while byte(k + closing) == first { closing += 1 }
                    j = lineEnd(from: next)
                    if closing >= run {
                        skip(start..<j, hidden: false)
                        return j
                    }
                }
                skip(start..<bytes.count, hidden: false)
                return bytes.count
            }
        }
        if indent <= 3, first == UInt8(ascii: ">") {
            let end = lineEnd(from: i)
            skip(i..<end, hidden: false)
            return end
        }
        return nil
    }

    private enum LineKind { case blank, hypothesisInline, hypothesisHeader, header, listItem, indented, text }

    /// What a line is, for the labelled-section rules.
    private func lineKind(contentStart: Int, lineStart: Int) -> LineKind {
        var i = contentStart
        let b = byte(i)
        if i >= bytes.count || b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && byte(i + 1) == UInt8(ascii: "\n")) {
            return .blank
        }
        if contentStart > lineStart || b == UInt8(ascii: "\t") { return label(from: i) ?? .indented }
        if let kind = label(from: i) { return kind }
        if b == UInt8(ascii: "#") { return .header }
        if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && byte(i + 1) == UInt8(ascii: " ") {
            return .listItem
        }
        if b >= 48 && b <= 57 {
            while byte(i) >= 48 && byte(i) <= 57 { i += 1 }
            if (byte(i) == UInt8(ascii: ".") || byte(i) == UInt8(ascii: ")")) && byte(i + 1) == UInt8(ascii: " ") { return .listItem }
        }
        return .text
    }

    /// A label at `start`: `Hypothesis:` (with list markers, `#`, `*`/`_` emphasis allowed around
    /// it) or another short `Label:` line, or a short fully emphasized line (`*Next steps*`).
    private func label(from start: Int) -> LineKind? {
        var i = start
        func skipMarks() {
            while true {
                let c = byte(i)
                if c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "#") || c == UInt8(ascii: " ") {
                    i += 1
                } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && byte(i + 1) == UInt8(ascii: " ") {
                    i += 2
                } else {
                    return
                }
            }
        }
        skipMarks()
        let wordStart = i
        var words = 1
        while isAlnum(byte(i)) || (byte(i) == UInt8(ascii: " ") && isAlnum(byte(i + 1)) && words < 4) {
            if byte(i) == UInt8(ascii: " ") { words += 1 }
            i += 1
        }
        let wordEnd = i
        guard wordEnd > wordStart, wordEnd - wordStart <= 40 else { return nil }
        var emphasis = false
        while byte(i) == UInt8(ascii: "*") || byte(i) == UInt8(ascii: "_") { i += 1; emphasis = true }
        var colon = false
        if byte(i) == UInt8(ascii: ":") { colon = true; i += 1 }
        while byte(i) == UInt8(ascii: "*") || byte(i) == UInt8(ascii: "_") { i += 1; emphasis = true }
        while byte(i) == UInt8(ascii: " ") { i += 1 }
        let restEmpty = i >= bytes.count || byte(i) == UInt8(ascii: "\n") || byte(i) == UInt8(ascii: "\r")
        if isHypothesisLabel(wordStart..<wordEnd) {
            if restEmpty { return .hypothesisHeader }
            if colon { return .hypothesisInline }
            return nil
        }
        if colon || (emphasis && restEmpty) { return .header }
        return nil
    }

    /// `hypothesis`, `hypotheses`, `unconfirmed`, `theory` or `theories`, in any case.
    private func isHypothesisLabel(_ range: Range<Int>) -> Bool {
        func equals(_ word: String) -> Bool {
            guard range.count == word.utf8.count else { return false }
            return zip(range, word.utf8).allSatisfy { lower($0) == $1 }
        }
        switch range.count {
        case 6: return equals("theory")
        case 8: return equals("theories")
        case 10: return equals("hypothesis") || equals("hypotheses")
        case 11: return equals("unconfirmed")
        default: return false
        }
    }

    private mutating func updateLabel(lineStart: Int, contentStart: Int) {
        let kind = lineKind(contentStart: contentStart, lineStart: lineStart)
        if labelStart != nil {
            if labelIsSection {
                switch kind {
                case .blank:
                    if sectionHasContent, pendingSectionEnd == nil { pendingSectionEnd = lineStart }
                case .listItem, .indented:
                    pendingSectionEnd = nil
                    sectionHasContent = true
                case .hypothesisHeader, .hypothesisInline:
                    pendingSectionEnd = nil
                case .header:
                    closeLabel(at: pendingSectionEnd ?? lineStart)
                case .text:
                    if let end = pendingSectionEnd { closeLabel(at: end) } else { sectionHasContent = true }
                }
            } else if kind != .indented {
                // An inline label covers its own line and indented continuation lines.
                closeLabel(at: lineStart)
            }
        }
        guard labelStart == nil else { return }
        switch kind {
        case .hypothesisInline:
            labelStart = contentStart; labelIsSection = false
        case .hypothesisHeader:
            labelStart = contentStart; labelIsSection = true; sectionHasContent = false; pendingSectionEnd = nil
        default:
            break
        }
    }

    private mutating func closeLabel(at end: Int) {
        guard let start = labelStart else { return }
        var stop = end
        if let pending = pendingSectionEnd, labelIsSection, end == bytes.count { stop = pending }
        if stop > start { regions.labelled.append(start..<stop) }
        labelStart = nil
        pendingSectionEnd = nil
    }

    // MARK: inline regions

    /// A code span: a run of backticks up to the next run of the same length, within the paragraph.
    private mutating func codeSpan(_ start: Int) -> Int {
        var run = 0
        while byte(start + run) == UInt8(ascii: "`") { run += 1 }
        var i = start + run
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n"), byte(i + 1) == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: "`") {
                var closing = 0
                while byte(i + closing) == UInt8(ascii: "`") { closing += 1 }
                if closing == run {
                    skip(start..<(i + run), hidden: false)
                    if i > start + run { regions.codeSpans.append((start + run)..<i) }
                    return i + run
                }
                i += closing
            } else {
                i += 1
            }
        }
        return start + run
    }

    /// `<!-- comment -->` or an HTML / Slack tag `<…>` on one line.
    private mutating func angle(_ start: Int) -> Int {
        if starts("<!--", at: start) {
            var i = start + 4
            while i < bytes.count {
                if starts("-->", at: i) {
                    regions.comments.append((whole: start..<(i + 3), content: (start + 4)..<i))
                    skip(start..<(i + 3), hidden: true)
                    return i + 3
                }
                i += 1
            }
            return start + 1
        }
        let next = byte(start + 1)
        guard isAlnum(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "@")
            || next == UInt8(ascii: "#") else { return start + 1 }
        var i = start + 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "<") { return start + 1 }
            if b == UInt8(ascii: ">") {
                skip(start..<(i + 1), hidden: true)
                return i + 1
            }
            i += 1
        }
        return start + 1
    }

    /// Quoted text up to the closing quote, within the paragraph.
    private mutating func quote(_ start: Int, open: [UInt8], close: [UInt8]) -> Int {
        var i = start + open.count
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n"), byte(i + 1) == UInt8(ascii: "\n") { break }
            if b == close[0] {
                var matches = true
                for k in 1..<close.count where byte(i + k) != close[k] { matches = false }
                if matches {
                    skip(start..<(i + close.count), hidden: false)
                    return i + close.count
                }
            }
            i += 1
        }
        return start + open.count
    }

    /// At a `:`: a URL when `://` follows a scheme (`http`, `https`), an IPv6 candidate when hex
    /// digits and colons run around it with two colons or more.
    private mutating func colon(_ i: Int) -> Int {
        if byte(i + 1) == UInt8(ascii: "/"), byte(i + 2) == UInt8(ascii: "/") {
            var start = i
            while start > 0, start > i - 6, (byte(start - 1) | 0x20) >= UInt8(ascii: "a"), (byte(start - 1) | 0x20) <= UInt8(ascii: "z") {
                start -= 1
            }
            let scheme = i - start
            if (scheme == 4 || scheme == 5), lower(start) == UInt8(ascii: "h"), lower(start + 1) == UInt8(ascii: "t"),
               lower(start + 2) == UInt8(ascii: "t"), lower(start + 3) == UInt8(ascii: "p"),
               scheme == 4 || lower(start + 4) == UInt8(ascii: "s"), !isAlnum(byte(start - 1)),
               (regions.skipped.last?.upperBound ?? 0) <= start {
                return url(from: start)
            }
            return i + 1
        }
        func isHexOrColon(_ b: UInt8) -> Bool {
            (b >= 48 && b <= 58) || ((b | 0x20) >= 97 && (b | 0x20) <= 102)
        }
        var start = i, end = i + 1
        while start > 0, isHexOrColon(byte(start - 1)) { start -= 1 }
        while end < bytes.count, isHexOrColon(bytes[end]) { end += 1 }
        var colons = 0
        for k in start..<end where bytes[k] == UInt8(ascii: ":") { colons += 1 }
        if colons >= 2, !isAlnum(byte(start - 1)), !isAlnum(byte(end)) {
            regions.colonRuns.append(start..<end)
            return end
        }
        return i + 1
    }

    /// At a `.`: a URL when it ends `www` at a word boundary.
    private mutating func dot(_ i: Int) -> Int {
        guard i >= 3, lower(i - 3) == UInt8(ascii: "w"), lower(i - 2) == UInt8(ascii: "w"), lower(i - 1) == UInt8(ascii: "w"),
              !isAlnum(byte(i - 4)), isAlnum(byte(i + 1)), (regions.skipped.last?.upperBound ?? 0) <= i - 3 else { return i + 1 }
        return url(from: i - 3)
    }

    /// A URL from `start` to the next space, quote or angle bracket, without trailing punctuation.
    private mutating func url(from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b <= 32 || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "`") { break }
            i += 1
        }
        while i > start, ".,;:!?)]'*_".utf8.contains(bytes[i - 1]) { i -= 1 }
        skip(start..<i, hidden: true)
        return max(i, start + 1)
    }
}
