/// Turns a document's bytes into tokens with their vocabulary ids and classes, and lists the
/// tokens a phrase may start with (`PhraseTrie.View.mayStart`'s first screen).
///
/// Prose repeats its words, so the common token, a *plain word* of one to fifteen ASCII letters
/// ended by a byte that cannot continue it, is read here straight from the text, sixteen bytes at
/// a time, and what it resolves to (vocabulary ids, classes, whether a phrase may start with it)
/// is cached by its bytes as written. Those bytes determine everything the scanner and the
/// vocabulary derive from such a word, so a cached token is exactly the token the scanner would
/// produce. Everything else, and the first sighting of each word, goes through `TokenScanner`;
/// the bytes between plain words (spaces and punctuation) are passed over here with the flags the
/// scanner would set.
enum DocumentTokenizer {
    /// What tokenizing a document yields.
    struct Result {
        var tokens: [Token] = []
        /// Indices of the tokens a phrase may start with.
        var starts: [Int32] = []
        /// Byte ranges of the tokens that may be internal names: those that join words or have a
        /// camelCase hump, and nine-letter words starting with `l` (`localhost`).
        var nameCandidates: [Range<Int>] = []
    }

    /// The tokens of `bytes` outside `skipping`, the indices of those a phrase may start with,
    /// and those that may be internal names. `cachingWords: false` sends every token through
    /// the scanner (the reference the tests compare the fast path with).
    static func tokenize(_ bytes: [UInt8], skipping: [Range<Int>], vocabulary: Vocabulary, trie: PhraseTrie.View,
                         cachingWords: Bool = true) -> Result {
        // scratch[0] is the exact-form prefix; the normalized token starts at scratch[1]. The
        // padding lets the vocabulary load eight bytes at a time past a token's end.
        let capacity = TokenNormalizer.maximumLength + 2 + 8
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        scratch.initialize(repeating: 0, count: capacity)
        defer { scratch.deallocate() }
        // A draft of a few KB has a few hundred distinct words: a cache sized for a megabyte
        // would cost more to clear than it saves.
        let cacheBits = cacheBits(forBytes: bytes.count)
        let cache = UnsafeMutablePointer<CachedWord>.allocate(capacity: 1 << cacheBits)
        cache.initialize(repeating: .empty, count: 1 << cacheBits)
        defer { cache.deallocate() }
        return bytes.withUnsafeBufferPointer { buffer in
            separatorTable.withUnsafeBufferPointer { separators in
                vocabulary.view { words in
                    var result = Result()
                    result.tokens.reserveCapacity(buffer.count / 5 + 1)
                    result.starts.reserveCapacity(buffer.count / 20 + 1)
                    var scanner = TokenScanner(buffer, skipping: skipping, normalizeInto: scratch + 1)
                    let n = buffer.count
                    while true {
                        var candidate: PlainWord?
                        var slot = 0
                        if cachingWords, let base = buffer.baseAddress, scanner.position < min(n, scanner.nextSkip) {
                            // Pass over spaces and punctuation, collecting the flags the scanner
                            // would set, up to a byte that may start a token.
                            let stop = min(n, scanner.nextSkip)
                            var i = scanner.position
                            var flags = scanner.pendingFlags
                            var kind = separators[Int(base[i])]
                            while kind & notSeparator == 0 {
                                flags |= kind
                                i &+= 1
                                guard i < stop else { break }
                                kind = separators[Int(base[i])]
                            }
                            scanner.pendingFlags = flags
                            scanner.position = i
                            if i < stop, kind == letter, let word = plainWord(base, at: i, count: n, cacheBits: cacheBits) {
                                slot = word.slot
                                let cached = cache[slot]
                                if cached.key0 == word.key0, cached.key1 == word.key1 {
                                    if cached.mayStart { result.starts.append(Int32(result.tokens.count)) }
                                    if cached.nameCandidate { result.nameCandidates.append(i..<i &+ word.length) }
                                    let end = i &+ word.length
                                    result.tokens.append(Token(start: Int32(i), end: Int32(end), stem: cached.stem,
                                                               exact: cached.exact, classes: cached.classes, flags: flags))
                                    scanner.pendingFlags = 0
                                    // The scanner passes over a single space after a plain word.
                                    scanner.position = end < stop && base[end] == UInt8(ascii: " ") ? end &+ 1 : end
                                    continue
                                }
                                candidate = word
                            }
                            // Digits, non-ASCII bytes, a skipped region, the first sighting of
                            // a word: the scanner's.
                        }
                        guard let scanned = scanner.next() else { break }
                        let resolved = resolve(scanned, buffer, scratch: scratch, words: words, trie: trie)
                        let length = scanned.end - scanned.start
                        let nameCandidate = scanned.identifierLike
                            || (length == 9 && buffer[Int(scanned.start)] | 0x20 == UInt8(ascii: "l"))
                        if let candidate {
                            assert(Int(scanned.start) + candidate.length == Int(scanned.end), "a plain word scans as itself")
                            cache[slot] = CachedWord(key0: candidate.key0, key1: candidate.key1, stem: resolved.stem,
                                                     exact: resolved.exact, classes: resolved.classes,
                                                     mayStart: resolved.mayStart, nameCandidate: nameCandidate)
                        }
                        let index = Int32(result.tokens.count)
                        if resolved.mayStart { result.starts.append(index) }
                        if nameCandidate { result.nameCandidates.append(Int(scanned.start)..<Int(scanned.end)) }
                        result.tokens.append(Token(start: scanned.start, end: scanned.end, stem: resolved.stem,
                                                   exact: resolved.exact, classes: resolved.classes, flags: scanned.flags))
                    }
                    return result
                }
            }
        }
    }

    /// In `separatorTable`: the byte may start a token (`letter`: an ASCII letter).
    private static let notSeparator: UInt8 = 0x80
    private static let letter: UInt8 = 0x81

    /// Per byte: the break flags it sets between tokens (`TokenScanner.next`'s), or
    /// `notSeparator` / `letter` for a byte that may start a token.
    private static let separatorTable: [UInt8] = (0..<256).map { value in
        switch TokenScanner.kind(UInt8(value)) {
        case TokenScanner.space, TokenScanner.transparent: 0
        case TokenScanner.newline, TokenScanner.other: Token.breakBefore
        case TokenScanner.soft: Token.softBreakBefore
        case TokenScanner.lower, TokenScanner.upper: letter
        default: notSeparator
        }
    }

    /// log2 of the word cache's size for a text of `count` bytes: a slot per eight bytes of
    /// text, from 64 slots (2 KB) up to 4,096 (128 KB, from 32 KB of text on).
    static func cacheBits(forBytes count: Int) -> Int {
        var bits = 6
        while bits < 12, (1 << bits) * 8 < count { bits += 1 }
        return bits
    }

    /// What a plain word resolved to, keyed by its bytes as written.
    private struct CachedWord {
        var key0: UInt64
        var key1: UInt64
        var stem: Int32
        var exact: Int32
        var classes: UInt32
        var mayStart: Bool
        var nameCandidate: Bool

        /// Matches no word: a word has at least one letter, so its `key0` is never zero.
        static let empty = CachedWord(key0: 0, key1: 0, stem: -1, exact: -1, classes: 0, mayStart: false,
                                      nameCandidate: false)
    }

    /// A plain word at the current position: its bytes (little-endian, zero-padded), its length
    /// and its cache slot.
    private struct PlainWord {
        var key0: UInt64
        var key1: UInt64
        var length: Int
        var slot: Int
    }

    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The plain word starting at `i` (a letter), or nil when the token there may be anything
    /// else: longer than fifteen letters, too near the end to load sixteen bytes, or followed by
    /// a digit, a non-ASCII byte, or a joiner (`-` `_` `.` `/` `'`) before a word character
    /// (`TokenScanner.endsPlainWord`, which `scanPlainWord` uses too).
    @inline(__always)
    private static func plainWord(_ base: UnsafePointer<UInt8>, at i: Int, count n: Int, cacheBits: Int) -> PlainWord? {
        guard i &+ 16 <= n else { return nil }
        let x0 = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let stops0 = ~TokenScanner.letterMarks(x0) & highs
        var key0 = x0, key1: UInt64 = 0
        let length: Int
        let terminator: UInt8
        if stops0 != 0 {
            let count = stops0.trailingZeroBitCount &>> 3
            key0 = x0 & ((1 &<< UInt64(count &* 8)) &- 1)
            length = count
            terminator = UInt8(truncatingIfNeeded: x0 &>> UInt64(count &* 8))
        } else {
            let x1 = UInt64(littleEndian: UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self))
            let stops1 = ~TokenScanner.letterMarks(x1) & highs
            guard stops1 != 0 else { return nil }
            let count = stops1.trailingZeroBitCount &>> 3
            key1 = x1 & ((1 &<< UInt64(count &* 8)) &- 1)
            length = 8 &+ count
            terminator = UInt8(truncatingIfNeeded: x1 &>> UInt64(count &* 8))
        }
        let after = i &+ length &+ 1
        guard TokenScanner.endsPlainWord(terminator, before: after < n ? base[after] : nil) else { return nil }
        let mixed = (key0 &* 0x9E37_79B9_7F4A_7C15) ^ (key1 &* 0xC2B2_AE3D_27D4_EB4F)
        return PlainWord(key0: key0, key1: key1, length: length, slot: Int(truncatingIfNeeded: mixed &>> UInt64(64 - cacheBits)))
    }

    /// A scanned token's vocabulary ids and classes, and whether a phrase may start with it.
    @inline(__always)
    private static func resolve(_ scanned: ScannedToken, _ buffer: UnsafeBufferPointer<UInt8>,
                                scratch: UnsafeMutablePointer<UInt8>, words: Vocabulary.View,
                                trie: PhraseTrie.View) -> (stem: Int32, exact: Int32, classes: UInt32, mayStart: Bool) {
        let word = scratch + 1
        var stem: Int32 = -1, exact: Int32 = -1
        var classes = scanned.shape.rawValue
        var n = Int(scanned.normalizedLength)
        if n < 0, let slow = TokenNormalizer.normalize(buffer, scanned, into: scratch) { n = slow }
        if n > 0 {
            // Stemming shortens the word and may turn "ies" into "y" (at n - 3).
            let kept = n >= 3 ? word[n - 3] : 0
            let m = TokenNormalizer.stem(word, count: n, wordLike: scanned.shape.contains(.word) && !scanned.hasDigit)
            stem = words.paddedLookup(word, m)
            if stem >= 0 {
                classes |= words.classes[Int(stem)]
                if words.hasExactForms[Int(stem)] {
                    if n >= 3 { word[n - 3] = kept }
                    scratch[0] = Vocabulary.exactPrefix
                    exact = words.paddedLookup(scratch, n + 1)
                }
            }
        }
        if classes & TokenClass.notName.rawValue != 0 { classes &= ~TokenClass.name.rawValue }
        return (stem, exact, classes, trie.mayStart(stem: stem, exact: exact, classes: classes))
    }
}
