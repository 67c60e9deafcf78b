/// Splits UTF-8 text into word tokens, Unicode-aware: letters and digits of any script, with
/// hyphens, underscores, dots, slashes and apostrophes (`'` and `’`) joining word characters
/// (`payments-api`, `we'll`, `e.g`, `I/O`), colons and commas joining digits (`14:00`, `1,000`), `%` ending a number, and
/// `3 pm` / `3 p.m.` merged into one time. Whatever lies in `skipping` (sorted, disjoint byte
/// ranges) is jumped over and acts as a break.
struct TokenScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let skipping: [Range<Int>]
    private var skipIndex = 0
    /// Start of the next skipped region (`Int.max` when none is left).
    private(set) var nextSkip: Int
    /// Where scanning resumes. A caller that consumes plain words itself (the document
    /// tokenizer's cached fast path) moves it past them.
    var position = 0
    /// Break flags seen since the last token; the caller sets them when it consumes the bytes
    /// between tokens itself.
    var pendingFlags: UInt8 = 0
    /// Where plain ASCII tokens are normalized while they are scanned (lowercase, hyphens of
    /// words dropped, possessive `'s` dropped), so the vocabulary lookup need not read the token
    /// again. Nil: tokens are only scanned.
    private let normalized: UnsafeMutablePointer<UInt8>?

    init(_ bytes: UnsafeBufferPointer<UInt8>, skipping: [Range<Int>] = [],
         normalizeInto normalized: UnsafeMutablePointer<UInt8>? = nil) {
        self.bytes = bytes
        self.skipping = skipping
        nextSkip = skipping.first?.lowerBound ?? Int.max
        self.normalized = normalized
    }

    // Byte kinds for the ASCII range.
    static let other: UInt8 = 0, lower: UInt8 = 1, upper: UInt8 = 2, digit: UInt8 = 3, space: UInt8 = 4,
        newline: UInt8 = 5, soft: UInt8 = 6, transparent: UInt8 = 7, high: UInt8 = 8

    /// The kind of an ASCII byte (`high` for any byte of a multi-byte scalar).
    @inline(__always)
    static func kind(_ b: UInt8) -> UInt8 {
        if b >= 0x80 { return high }
        if b >= UInt8(ascii: "a") {
            if b <= UInt8(ascii: "z") { return lower }
            return b == UInt8(ascii: "~") ? transparent : other
        }
        if b >= UInt8(ascii: "A") {
            if b <= UInt8(ascii: "Z") { return upper }
            return b == UInt8(ascii: "_") ? transparent : other
        }
        if b >= UInt8(ascii: "0") {
            if b <= UInt8(ascii: "9") { return digit }
            return b == UInt8(ascii: ":") ? soft : other
        }
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return space
        case UInt8(ascii: "\n"): return newline
        case UInt8(ascii: ","): return soft
        case UInt8(ascii: "*"), UInt8(ascii: "'"): return transparent
        default: return other
        }
    }

    /// Break flags seen since the last token (after `next()` returned nil: trailing punctuation).
    var trailingFlags: UInt8 { pendingFlags }

    /// The next token, or nil at the end of the text.
    @inline(__always)
    mutating func next() -> ScannedToken? {
        let n = bytes.count
        while position < n {
            if position >= nextSkip {
                position = max(position, skipping[skipIndex].upperBound)
                skipIndex += 1
                nextSkip = skipIndex < skipping.count ? skipping[skipIndex].lowerBound : Int.max
                pendingFlags |= Token.breakBefore
                continue
            }
            let b = bytes[position]
            let kind = TokenScanner.kind(b)
            switch kind {
            case TokenScanner.lower, TokenScanner.upper:
                if let word = scanPlainWord() { return word }
                return scanToken()
            case TokenScanner.digit:
                return scanToken()
            case TokenScanner.space, TokenScanner.transparent:
                position += 1
            case TokenScanner.newline:
                pendingFlags |= Token.breakBefore
                position += 1
            case TokenScanner.soft:
                pendingFlags |= Token.softBreakBefore
                position += 1
            case TokenScanner.high:
                let (scalar, length) = decode(at: position)
                if isWordScalar(scalar) { return scanToken() }
                if !scalar.properties.isWhitespace { pendingFlags |= Token.breakBefore }
                position += length
            default:
                pendingFlags |= Token.breakBefore
                position += 1
            }
        }
        return nil
    }

    /// Decodes the scalar starting at `index` (invalid sequences read as U+FFFD, one byte).
    private func decode(at index: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[index])
        let n = bytes.count
        func continuation(_ i: Int) -> UInt32? {
            guard i < n, bytes[i] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[i] & 0x3F)
        }
        var value: UInt32?
        var length = 1
        if b0 & 0xE0 == 0xC0, let c1 = continuation(index + 1) {
            value = (b0 & 0x1F) << 6 | c1; length = 2
        } else if b0 & 0xF0 == 0xE0, let c1 = continuation(index + 1), let c2 = continuation(index + 2) {
            value = (b0 & 0x0F) << 12 | c1 << 6 | c2; length = 3
        } else if b0 & 0xF8 == 0xF0, let c1 = continuation(index + 1), let c2 = continuation(index + 2),
                  let c3 = continuation(index + 3) {
            value = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3; length = 4
        }
        guard let value, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Is the character at `index` a word character (letter, digit, mark)?
    private func isWordCharacter(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let kind = TokenScanner.kind(bytes[index])
        if kind == TokenScanner.lower || kind == TokenScanner.upper || kind == TokenScanner.digit { return true }
        if kind == TokenScanner.high { return isWordScalar(decode(at: index).0) }
        return false
    }

    private func isDigit(at index: Int) -> Bool {
        index >= 0 && index < bytes.count && TokenScanner.kind(bytes[index]) == TokenScanner.digit
    }

    /// The high bit of each byte of `x` that is an ASCII letter (SWAR: per byte below 0x80,
    /// folded ≥ "a" sets the high bit of +0x1F and folded > "z" that of +0x05; no carry crosses
    /// a byte).
    @inline(__always)
    static func letterMarks(_ x: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let folded = (x | 0x2020_2020_2020_2020) & ~highs
        let atLeastA = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & highs
        let pastZ = (folded &+ 0x0505_0505_0505_0505) & highs
        return atLeastA & ~pastZ & ~x & highs
    }

    /// Whether a run of ASCII letters followed by `terminator` (and then `next`, nil at the end
    /// of the text) is a whole plain word: not continued by a digit or a non-ASCII byte, nor by a
    /// joiner (`-` `_` `.` `/` `'`) before a word character.
    @inline(__always)
    static func endsPlainWord(_ terminator: UInt8, before next: UInt8?) -> Bool {
        if terminator >= 0x80 || (terminator >= UInt8(ascii: "0") && terminator <= UInt8(ascii: "9")) { return false }
        switch terminator {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "'"):
            guard let next else { return true }
            return !(next >= 0x80 || (next | 0x20) &- UInt8(ascii: "a") < 26
                || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")))
        default:
            return true
        }
    }

    /// The common case, fast: ASCII letters only, ended by a byte that cannot continue a token
    /// (`scanToken` would stop there too and classify the token the same way). Nil, having
    /// consumed nothing, when the token may be anything else: digits, non-ASCII, or a joiner
    /// (`-` `_` `.` `/` `'`) followed by a possible word character; `scanToken` handles those.
    @inline(__always)
    private mutating func scanPlainWord() -> ScannedToken? {
        guard let out = normalized else { return nil }
        let start = position
        let n = bytes.count
        let limit = TokenNormalizer.maximumLength
        var i = start
        var previousLower = false, camel = false, upperAfterFirst = false
        var ended = false
        // Eight bytes at a time (SWAR) while they fit in the text and the normalized buffer.
        if let base = bytes.baseAddress {
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i &+ 8 <= n, i &- start &+ 8 <= limit {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let letters = TokenScanner.letterMarks(x)
                let stops = ~letters & highs
                let count = stops == 0 ? 8 : stops.trailingZeroBitCount &>> 3
                let taken = count == 8 ? letters : letters & ((1 &<< UInt64(count &* 8)) &- 1)
                let lowers = (x &<< 2) & taken
                let uppers = taken & ~lowers
                if (lowers &<< 8) & uppers != 0 || (previousLower && uppers & 0x80 != 0) { camel = true }
                if (i == start ? uppers & ~UInt64(0x80) : uppers) != 0 { upperAfterFirst = true }
                UnsafeMutableRawPointer(out + (i &- start)).storeBytes(of: (x | (taken &>> 2)).littleEndian, as: UInt64.self)
                i &+= count
                if count < 8 {
                    ended = true
                    break
                }
                previousLower = lowers & 0x8000_0000_0000_0000 != 0
            }
        }
        while !ended, i < n {
            let b = bytes[i]
            let folded = b | 0x20
            guard folded &- UInt8(ascii: "a") < 26 else { break }
            if b < 0x60 {
                if previousLower { camel = true }
                if i > start { upperAfterFirst = true }
                previousLower = false
            } else {
                previousLower = true
            }
            let k = i &- start
            if k < limit { out[k] = folded }
            i &+= 1
        }
        if i < n, !TokenScanner.endsPlainWord(bytes[i], before: i + 1 < n ? bytes[i + 1] : nil) { return nil }
        let length = i &- start
        var shape: TokenClass = [.word]
        let first = bytes[start]
        if first < 0x60, length >= 2, !upperAfterFirst { shape.insert(.name) }
        let flags = pendingFlags
        pendingFlags = 0
        // A single space after the word is passed over here, as `next` would (no flags), unless
        // a skipped region starts there.
        position = i < n && i < nextSkip && bytes[i] == UInt8(ascii: " ") ? i &+ 1 : i
        return ScannedToken(start: Int32(start), end: Int32(i), shape: shape,
                            normalizedLength: length <= limit ? Int32(length) : -1,
                            flags: flags, traits: camel ? ScannedToken.identifierLike : 0)
    }

    private mutating func scanToken() -> ScannedToken {
        let start = position
        let n = bytes.count
        var traits: UInt8 = 0
        var hasLetter = false
        var previousLower = false
        var upperAfterFirst = false
        var dashUnderscoreDot = false
        var droppedHyphen = false
        // Normalization as we go (ASCII only; only when asked).
        let normalizing = normalized != nil
        let out = normalized ?? UnsafeMutablePointer(bitPattern: 8).unsafelyUnwrapped
        let limit = TokenNormalizer.maximumLength
        var written = 0
        var i = start
        scan: while i < n {
            let b = bytes[i]
            var emitted = b
            switch TokenScanner.kind(b) {
            case TokenScanner.lower:
                hasLetter = true; previousLower = true; i &+= 1
            case TokenScanner.upper:
                if previousLower { traits |= ScannedToken.identifierLike }
                if i > start { upperAfterFirst = true }
                hasLetter = true; previousLower = false; i &+= 1
                emitted = b | 0x20
            case TokenScanner.digit:
                traits |= ScannedToken.hasDigit; previousLower = false; i &+= 1
            case TokenScanner.high:
                let (scalar, length) = decode(at: i)
                if isWordScalar(scalar) {
                    traits |= ScannedToken.nonASCII
                    if scalar.properties.isAlphabetic { hasLetter = true }
                    i += length
                } else if scalar == "\u{2019}", i > start, isWordCharacter(at: i + length) {
                    traits |= ScannedToken.nonASCII; i += length
                } else {
                    break scan
                }
                continue scan
            default:
                switch b {
                case UInt8(ascii: "-"):
                    guard isWordCharacter(at: i + 1) else { break scan }
                    i &+= 1; previousLower = false; dashUnderscoreDot = true; droppedHyphen = true
                    traits |= ScannedToken.identifierLike
                    continue scan
                case UInt8(ascii: "_"), UInt8(ascii: "."):
                    guard isWordCharacter(at: i + 1) else { break scan }
                    i &+= 1; previousLower = false; dashUnderscoreDot = true
                    traits |= ScannedToken.identifierLike
                case UInt8(ascii: "/"):
                    guard isWordCharacter(at: i + 1) else { break scan }
                    i &+= 1; previousLower = false
                    traits |= ScannedToken.identifierLike
                case UInt8(ascii: "'"):
                    guard isWordCharacter(at: i + 1) else { break scan }
                    i &+= 1; previousLower = false
                case UInt8(ascii: ":"):
                    guard isDigit(at: i - 1), isDigit(at: i + 1) else { break scan }
                    i &+= 1
                    traits |= ScannedToken.identifierLike
                case UInt8(ascii: ","):
                    guard isDigit(at: i - 1), isDigit(at: i + 1) else { break scan }
                    i &+= 1
                case UInt8(ascii: "%"):
                    guard isDigit(at: i - 1) else { break scan }
                    i &+= 1
                    if normalizing, written < limit {
                        out[written] = b; written &+= 1
                    }
                    break scan
                default:
                    break scan
                }
            }
            if normalizing, written < limit {
                out[written] = emitted
                written &+= 1
            }
        }
        let hasDigit = traits & ScannedToken.hasDigit != 0, nonASCII = traits & ScannedToken.nonASCII != 0
        let flags = pendingFlags
        pendingFlags = 0
        position = i
        let length = i &- start
        var tokenShape: TokenClass
        var end = i
        if hasDigit || nonASCII {
            tokenShape = shape(of: start..<i, hasLetter: hasLetter, hasDigit: hasDigit)
        } else {
            // Letters only: a word; a name when capitalized and otherwise lowercase; a possessive.
            var shape: TokenClass = [.word]
            let first = bytes[start]
            if first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"), length >= 2, !upperAfterFirst, !dashUnderscoreDot {
                shape.insert(.name)
            }
            if length >= 3, bytes[i - 1] | 0x20 == UInt8(ascii: "s"), bytes[i - 2] == UInt8(ascii: "'") {
                shape.insert(.possessive)
            }
            tokenShape = shape
        }
        if hasDigit, (tokenShape == [.number] && length <= 2 && !hasLetter && !bytes[start..<i].contains(UInt8(ascii: "%"))
            && !bytes[start..<i].contains(UInt8(ascii: ".")))
            || (tokenShape == [.time] && isDigit(at: i - 1)) {
            if let merged = meridiemEnd(after: i) {
                end = merged
                position = merged
                tokenShape = [.time]
                traits |= ScannedToken.merged
            }
        }
        var normalizedLength: Int32 = -1
        if normalizing, !nonASCII, end == i, !(droppedHyphen && hasDigit), length <= limit {
            // A possessive 's: vendor's → vendor.
            if written > 3, out[written - 1] == UInt8(ascii: "s"), out[written - 2] == UInt8(ascii: "'") { written -= 2 }
            normalizedLength = Int32(written)
        }
        return ScannedToken(start: Int32(start), end: Int32(end), shape: tokenShape, normalizedLength: normalizedLength,
                            flags: flags, traits: traits)
    }

    /// Where `3` or `3:30` (ending at `tokenEnd`) extends to with a following ` pm` / ` a.m.`,
    /// merged into one time token; nil when no meridiem follows.
    private func meridiemEnd(after tokenEnd: Int) -> Int? {
        let n = bytes.count
        var i = tokenEnd
        while i < n, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i < n else { return nil }
        func lower(_ k: Int) -> UInt8 { k < n ? bytes[k] | 0x20 : 0 }
        var end = i
        if lower(i) == UInt8(ascii: "a") || lower(i) == UInt8(ascii: "p") {
            if lower(i + 1) == UInt8(ascii: "m") {
                end = i + 2
            } else if i + 3 < n, bytes[i + 1] == UInt8(ascii: "."), lower(i + 2) == UInt8(ascii: "m"),
                      bytes[i + 3] == UInt8(ascii: ".") {
                end = i + 3
            }
        }
        guard end > i, !isWordCharacter(at: end) else { return nil }
        return end
    }

    /// Classes read off the token's characters.
    private func shape(of range: Range<Int>, hasLetter: Bool, hasDigit: Bool) -> TokenClass {
        var shape: TokenClass = hasLetter ? [.word] : []
        let count = range.count
        func byte(_ k: Int) -> UInt8 { bytes[range.lowerBound + k] }
        func digitRun(from k: Int) -> Int {
            var j = k
            while j < count, isDigit(at: range.lowerBound + j) { j += 1 }
            return j - k
        }
        if hasDigit {
            let lead = digitRun(from: 0)
            if lead == count {
                shape.insert(.number)
            } else if lead > 0 {
                let rest = lead
                let next = byte(rest)
                if !hasLetter, next == UInt8(ascii: "%") || next == UInt8(ascii: ".") || next == UInt8(ascii: ",") {
                    // 2.5, 1,000, 99.9% — digits and separators only.
                    var ok = true
                    var separators = 0
                    for k in 0..<count {
                        let c = byte(k)
                        if c == UInt8(ascii: ".") {
                            separators += 1
                            if separators > 1 { ok = false }
                        }
                        if !(isDigit(at: range.lowerBound + k) || c == UInt8(ascii: ".") || c == UInt8(ascii: ",")
                             || (c == UInt8(ascii: "%") && k == count - 1)) { ok = false }
                    }
                    if ok { shape.insert(.number) }
                } else if next == UInt8(ascii: ":"), lead <= 2 {
                    // 14:00, 9:30:15, 14:00z, 3:30pm
                    var k = rest
                    var groups = 0
                    while k < count, byte(k) == UInt8(ascii: ":"), digitRun(from: k + 1) == 2 {
                        k += 3; groups += 1
                    }
                    if groups >= 1, groups <= 2, k == count || isMeridiemOrZulu(from: k, in: range) {
                        shape = [.time]
                    }
                } else if next == UInt8(ascii: "-"), lead == 4, count == 10, digitRun(from: 5) == 2,
                          byte(7) == UInt8(ascii: "-"), digitRun(from: 8) == 2 {
                    shape = [.date]
                } else if lead <= 2, isMeridiemOrZulu(from: lead, in: range), byte(lead) | 0x20 != UInt8(ascii: "z") {
                    shape = [.time]
                } else if count - lead == 2 {
                    let suffix = (byte(lead) | 0x20, byte(lead + 1) | 0x20)
                    switch suffix {
                    case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                         (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                        shape.insert(.ordinal)
                    default: break
                    }
                }
            }
        } else if hasLetter {
            // Capitalized: A-Z then lowercase letters only (apostrophes allowed).
            let first = byte(0)
            if first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"), count >= 2 {
                var titlecase = true
                for k in 1..<count {
                    let c = byte(k)
                    if (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "-")
                        || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") { titlecase = false; break }
                }
                if titlecase { shape.insert(.name) }
            }
            if count >= 3 {
                let last = byte(count - 1) | 0x20
                let apostrophe = byte(count - 2) == UInt8(ascii: "'")
                    || (count >= 5 && byte(count - 2) == 0x99 && byte(count - 3) == 0x80 && byte(count - 4) == 0xE2)
                if last == UInt8(ascii: "s"), apostrophe { shape.insert(.possessive) }
            }
        }
        return shape
    }

    private func isMeridiemOrZulu(from k: Int, in range: Range<Int>) -> Bool {
        let count = range.count
        let rest = count - k
        func lower(_ j: Int) -> UInt8 { bytes[range.lowerBound + j] | 0x20 }
        if rest == 1 { return lower(k) == UInt8(ascii: "z") }
        if rest == 2 {
            return (lower(k) == UInt8(ascii: "a") || lower(k) == UInt8(ascii: "p")) && lower(k + 1) == UInt8(ascii: "m")
        }
        return false
    }
}
