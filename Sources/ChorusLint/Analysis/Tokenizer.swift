/// Splits a text into tokens in one pass over its UTF-8 bytes: words (letters and digits, joined
/// by `-`, `_`, `.`, `/`, `'` and, between digits, `:` and `,`), punctuation marks one by one, and
/// one opaque token per skipped region (code, URL, quotation, tag, comment).
struct Tokenizer {
    let bytes: [UInt8]
    let skipped: [Range<Int>]
    /// Numbers the keys: each token carries the number of its key.
    let lexicon: Lexicon
    /// Shapes (and lexicon ids) of the words seen so far: prose repeats its words, and a shape
    /// costs Unicode property lookups.
    private var shapes: [PackedWord: (shape: WordShape, id: Int32)] = [:]
    /// The same for words longer than a `PackedWord` holds.
    private var longShapes: [String: (shape: WordShape, id: Int32)] = [:]

    init(bytes: [UInt8], skipped: [Range<Int>], lexicon: Lexicon) {
        self.bytes = bytes
        self.skipped = skipped
        self.lexicon = lexicon
    }

    /// The tokens of `bytes`, with one opaque token per `skipped` range and each key numbered
    /// by `lexicon` (every key `Lexicon.unknown` without one).
    static func tokenize(_ bytes: [UInt8], skipping skipped: [Range<Int>], lexicon: Lexicon = Lexicon()) -> [Token] {
        var tokenizer = Tokenizer(bytes: bytes, skipped: skipped, lexicon: lexicon)
        return tokenizer.run()
    }

    private mutating func run() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5 + 1)
        var i = 0
        var region = 0
        var spacing = Token.Spacing.paragraph
        let n = bytes.count
        while i < n {
            if region < skipped.count, i >= skipped[region].lowerBound {
                let range = skipped[region]
                region += 1
                guard range.upperBound > i else { continue }
                tokens.append(Token(start: range.lowerBound, end: range.upperBound, key: "", classes: .opaque, spacing: spacing))
                spacing = .none
                i = range.upperBound
                continue
            }
            let limit = region < skipped.count ? skipped[region].lowerBound : n
            let b = bytes[i]
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                if spacing < .space { spacing = .space }
                i += 1
            case UInt8(ascii: "\n"):
                spacing = spacing >= .line ? .paragraph : .line
                i += 1
            default:
                let (scalar, length) = UTF8Text.scalar(in: bytes, at: i)
                if scalar == "/", isPathStart(i, limit: limit) {
                    let end = wordEnd(from: i + 1, limit: limit)
                    tokens.append(word(i, end, spacing: spacing))
                    i = end
                } else if UTF8Text.isWordCharacter(scalar) {
                    let end = wordEnd(from: i, limit: limit)
                    let token = word(i, end, spacing: spacing)
                    tokens.append(token)
                    // The dot of "approx. 30 mins", "e.g. the" is not a token: the sentence goes on.
                    i = isAbbreviationDot(end, limit: limit, after: token.key) ? end + 1 : end
                } else if scalar.properties.isWhitespace || scalar == "\u{200B}" {
                    // A zero-width space separates words like a space.
                    if spacing < .space { spacing = .space }
                    i += length
                    continue
                } else if UTF8Text.isInvisible(scalar) {
                    // Soft hyphens, joiners and direction marks between words: nothing to read.
                    i += length
                    continue
                } else {
                    let key = Tokenizer.punctuationKey(scalar)
                    let classes: TokenClass = Clauses.sentenceEnds.contains(key) ? [.punctuation, .sentenceEnd] : .punctuation
                    tokens.append(Token(start: i, end: i + length, key: key, id: lexicon.id(of: key), classes: classes,
                                        spacing: spacing))
                    i += length
                }
                spacing = .none
            }
        }
        return tokens
    }

    /// A `/` that starts a path: after a space, a line start or an opening bracket, before a letter
    /// (`/bash`, `/api/v2/logs`).
    private func isPathStart(_ i: Int, limit: Int) -> Bool {
        guard i + 1 < limit else { return false }
        let next = bytes[i + 1]
        guard (next >= 97 && next <= 122) || (next >= 65 && next <= 90) else { return false }
        guard i > 0 else { return true }
        let previous = bytes[i - 1]
        return previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n") || previous == UInt8(ascii: "(")
            || previous == UInt8(ascii: "\t")
    }

    /// Whether `bytes[i]` is the dot of an abbreviation inside a sentence: after a word of
    /// `Clauses.abbreviations`, followed by spaces and a small letter or a digit ("approx. 30",
    /// "e.g. the"). Before a capital or a line break it may end the sentence and stays a token.
    private func isAbbreviationDot(_ i: Int, limit: Int, after key: String) -> Bool {
        guard i < limit, bytes[i] == UInt8(ascii: "."), Clauses.abbreviations.contains(key) else { return false }
        var j = i + 1
        while j < limit, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
        guard j > i + 1, j < limit else { return false }
        let b = bytes[j]
        return (b >= 97 && b <= 122) || UTF8Text.isDigit(b)
    }

    /// Where the word starting at `start` ends: letters and digits, joined by connectors that
    /// have a letter or digit on both sides.
    private func wordEnd(from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit {
            let (scalar, length) = UTF8Text.scalar(in: bytes, at: i)
            if UTF8Text.isWordCharacter(scalar) { i += length; continue }
            guard i > start else { break }
            // An invisible character inside a word ("pro<soft hyphen>bably") is part of it; its key
            // leaves it out, so the word matches as it reads.
            if UTF8Text.isInvisible(scalar), i + length < limit,
               UTF8Text.isWordCharacter(UTF8Text.scalar(in: bytes, at: i + length).scalar) {
                i += length
                continue
            }
            let previous = bytes[i - 1]
            let next = i + length < limit ? UTF8Text.scalar(in: bytes, at: i + length).scalar : " "
            let nextIsWord = UTF8Text.isWordCharacter(next)
            let digits = UTF8Text.isDigit(previous) && UTF8Text.isDigit(next)
            switch scalar {
            case "-", "_", ".", "/":
                guard nextIsWord else { return i }
            case "'", "\u{2019}":
                guard next.properties.isAlphabetic else { return i }
            case ":":
                guard digits else { return i }
            case ",":
                // 1,000 but not "1, 2"
                guard digits, i + 4 <= limit, (1...3).allSatisfy({ UTF8Text.isDigit(bytes[i + $0]) }),
                      i + 4 == limit || !UTF8Text.isDigit(bytes[i + 4]) else { return i }
            case "%":
                guard UTF8Text.isDigit(previous) else { return i }
                return i + 1
            default:
                return i
            }
            i += length
        }
        return i
    }

    private mutating func word(_ start: Int, _ end: Int, spacing: Token.Spacing) -> Token {
        let (shape, id) = shape(start, end)
        return Token(start: start, end: end, key: shape.key, id: id, classes: shape.classes, spacing: spacing)
    }

    /// The shape and lexicon id of the word `bytes[start..<end]`, computed once per distinct word.
    private mutating func shape(_ start: Int, _ end: Int) -> (shape: WordShape, id: Int32) {
        if let packed = PackedWord(bytes, start, end) {
            if let known = shapes[packed] { return known }
            let computed = compute(start, end)
            shapes[packed] = computed
            return computed
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if let known = longShapes[text] { return known }
        let computed = compute(start, end)
        longShapes[text] = computed
        return computed
    }

    private func compute(_ start: Int, _ end: Int) -> (shape: WordShape, id: Int32) {
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if bytes[start..<end].contains(where: { $0 >= 0xC2 }), text.unicodeScalars.contains(where: UTF8Text.isInvisible) {
            text.unicodeScalars.removeAll(where: UTF8Text.isInvisible)
        }
        let shape = WordShape(text)
        return (shape, lexicon.id(of: shape.key))
    }

    /// The key of a punctuation mark: dashes as `—`, curly quotes straightened, `…` as `...`.
    static func punctuationKey(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{2013}", "\u{2014}", "\u{2012}", "\u{2015}": "—"
        case "\u{2018}", "\u{2019}": "'"
        case "\u{201C}", "\u{201D}": "\""
        case "\u{2026}": "..."
        default: String(scalar)
        }
    }
}

/// A word of at most 16 bytes packed into two integers: an exact dictionary key that costs no
/// `String` (most words of prose are short).
private struct PackedWord: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length: Int

    init?(_ bytes: [UInt8], _ start: Int, _ end: Int) {
        length = end - start
        guard length <= 16 else { return nil }
        for i in start..<end {
            let k = i - start
            if k < 8 { low |= UInt64(bytes[i]) << UInt64(8 * k) } else { high |= UInt64(bytes[i]) << UInt64(8 * (k - 8)) }
        }
    }
}

/// Small facts about UTF-8 text, shared by the tokenizer and the shape tests.
enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes; a malformed byte reads as U+FFFD.
    static func scalar(in bytes: [UInt8], at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        var length = 1
        if b & 0xE0 == 0xC0 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0 { length = 4 }
        guard length > 1, i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(b) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Characters that show nothing: soft hyphens, zero-width joiners, word joiners, byte-order
    /// marks and direction controls (Unicode's format characters). Text pasted from documents
    /// carries them inside words; they must not hide a word from the rules.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0xAD && s != "\u{200B}" && s.properties.generalCategory == .format
    }

    /// Letters, digits and combining marks.
    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}
