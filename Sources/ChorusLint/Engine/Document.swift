/// A phrase of the phrasebook found in the text and kept after exceptions, negation and
/// longest-match-first selection: the entry and its UTF-8 byte range.
struct PhraseMatch {
    var entry: Int
    var start: Int
    var end: Int
}

/// A text analysed once for all rules: bytes, regions, tokens, and the phrase matches.
struct Document {
    let bytes: [UInt8]
    let regions: TextRegions
    let tokens: [Token]
    /// Kept matches per reported category, in text order.
    let matches: [FindingCategory: [PhraseMatch]]
    /// Whether a `[cadence]` phrase says when the next update comes.
    let cadenceStated: Bool
    /// Byte ranges of exceptions (and stock phrases) that apply to internal names.
    let internalNameExceptions: IntervalSet
    /// Runs of identifier characters outside URLs, tags and comments shaped like internal names.
    let internalNames: [(range: Range<Int>, shape: InternalNameShape)]

    /// How far back (in words) a negation reaches: "we do *not* yet have any reason to believe".
    static let negationReach: Int32 = 6

    init(_ text: String, phrasebook: Phrasebook) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes.reserveCapacity(1) }
        let regions = bytes.withUnsafeBufferPointer { TextRegions.scan($0) }
        let (tokens, starts) = phrasebook.trie.view { trie in
            Document.tokenize(bytes, skipping: regions.skipped, vocabulary: phrasebook.vocabulary, trie: trie)
        }
        let hits = phrasebook.trie.view { trie in
            tokens.withUnsafeBufferPointer { buffer in
                var hits: [PhraseHit] = []
                hits.reserveCapacity(buffer.count / 8)
                var scratch: [Int] = []
                scratch.reserveCapacity(64)
                for start in starts where trie.mayStart(buffer, Int(start)) {
                    trie.matches(at: Int(start), in: buffer, into: &hits, scratch: &scratch)
                }
                return hits
            }
        }
        internalNames = Document.internalNames(bytes, tokens: tokens, regions: regions, phrasebook: phrasebook)
        self.bytes = bytes
        self.regions = regions
        self.tokens = tokens
        let resolved = Document.resolve(hits, tokens: tokens, phrasebook: phrasebook)
        matches = resolved.matches
        cadenceStated = resolved.cadenceStated
        internalNameExceptions = resolved.internalNameExceptions
    }

    /// The text of a byte range.
    func text(_ start: Int, _ end: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Candidates come from tokens that join words (the tokenizer saw them), from code and
    /// quotes (which it skips), and from IPv6-like colon runs (which it splits).
    private static func internalNames(_ bytes: [UInt8], tokens: [Token], regions: TextRegions,
                                      phrasebook: Phrasebook) -> [(range: Range<Int>, shape: InternalNameShape)] {
        var names: [(range: Range<Int>, shape: InternalNameShape)] = []
        let (parts, labels) = (phrasebook.identifierParts, phrasebook.hostLabels)
        bytes.withUnsafeBufferPointer { buffer in
            func consider(_ run: Range<Int>) {
                if let shape = InternalNameShape.classify(buffer, run, identifierParts: parts, hostLabels: labels) {
                    names.append((run, shape))
                }
            }
            for token in tokens {
                let length = token.end - token.start
                if token.identifierLike || (length == 9 && buffer[Int(token.start)] | 0x20 == UInt8(ascii: "l")) {
                    consider(Int(token.start)..<Int(token.end))
                }
            }
            IdentifierRuns.scan(bytes, within: regions.codeAndQuotes) { consider($0) }
            for run in regions.colonRuns { consider(run) }
        }
        guard !regions.colonRuns.isEmpty || !regions.codeAndQuotes.isEmpty else { return names }
        names.sort { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [(range: Range<Int>, shape: InternalNameShape)] = []
        for name in names where (kept.last?.range.upperBound ?? 0) <= name.range.lowerBound { kept.append(name) }
        return kept
    }

    /// The tokens, and the indices of those a phrase may start with (`PhraseTrie.View.mayStart`'s
    /// first screen, decided once per distinct short word).
    private static func tokenize(_ bytes: [UInt8], skipping: [Range<Int>], vocabulary: Vocabulary,
                                 trie: PhraseTrie.View) -> ([Token], [Int32]) {
        // scratch[0] is the exact-form prefix; the normalized token starts at scratch[1]. The
        // padding lets the vocabulary load eight bytes at a time past a token's end.
        let capacity = TokenNormalizer.maximumLength + 2 + 8
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        scratch.initialize(repeating: 0, count: capacity)
        defer { scratch.deallocate() }
        let word = scratch + 1
        // What short plain words resolved to, by their bytes as written: prose repeats its words.
        let cacheBits: UInt64 = 11
        let cache = UnsafeMutablePointer<CachedWord>.allocate(capacity: 1 << cacheBits)
        cache.initialize(repeating: CachedWord(key: 0, stem: -1, exact: -1, classes: 0, mayStart: false), count: 1 << cacheBits)
        defer { cache.deallocate() }
        let notName = TokenClass.notName.rawValue, name = TokenClass.name.rawValue
        return bytes.withUnsafeBufferPointer { buffer in
            vocabulary.view { words in
                var tokens: [Token] = []
                tokens.reserveCapacity(buffer.count / 5 + 1)
                var starts: [Int32] = []
                starts.reserveCapacity(buffer.count / 20 + 1)
                var scanner = TokenScanner(buffer, skipping: skipping, normalizeInto: word)
                while let scanned = scanner.next() {
                    let slot = Int(truncatingIfNeeded: (scanned.key &* 0x9E37_79B9_7F4A_7C15) >> (64 - cacheBits))
                    if scanned.key != 0, cache[slot].key == scanned.key {
                        let cached = cache[slot]
                        if cached.mayStart { starts.append(Int32(tokens.count)) }
                        tokens.append(Token(start: scanned.start, end: scanned.end, stem: cached.stem, exact: cached.exact,
                                            classes: cached.classes, flags: scanned.flags, identifierLike: scanned.identifierLike))
                        continue
                    }
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
                    if classes & notName != 0 { classes &= ~name }
                    let mayStart = trie.mayStart(stem: stem, exact: exact, classes: classes)
                    if scanned.key != 0 {
                        cache[slot] = CachedWord(key: scanned.key, stem: stem, exact: exact, classes: classes, mayStart: mayStart)
                    }
                    if mayStart { starts.append(Int32(tokens.count)) }
                    tokens.append(Token(start: scanned.start, end: scanned.end, stem: stem, exact: exact,
                                        classes: classes, flags: scanned.flags, identifierLike: scanned.identifierLike))
                }
                return (tokens, starts)
            }
        }
    }

    /// A short plain word's vocabulary ids and classes, cached by its bytes.
    private struct CachedWord {
        var key: UInt64
        var stem: Int32
        var exact: Int32
        var classes: UInt32
        var mayStart: Bool
    }

    private struct Resolution {
        var matches: [FindingCategory: [PhraseMatch]] = [:]
        var cadenceStated = false
        var internalNameExceptions = IntervalSet()
    }

    /// Applies exceptions, negations and leftmost-longest selection per category.
    private static func resolve(_ hits: [PhraseHit], tokens: [Token], phrasebook: Phrasebook) -> Resolution {
        var result = Resolution()
        let categories = FindingCategory.allCases
        let count = categories.count
        var candidates = Array(repeating: [PhraseHit](), count: count)
        var exceptions = Array(repeating: IntervalSet(), count: count)
        var negations = Array(repeating: [PhraseHit](), count: count)
        var everywhere = IntervalSet()
        var cadence = IntervalSet()
        let kinds = phrasebook.entryKinds, entryCategories = phrasebook.entryCategories
        let categoryIndex = phrasebook.entryCategoryIndex
        for hit in hits {
            let entry = Int(hit.phrase)
            let category = categoryIndex[entry]
            switch kinds[entry] {
            case .existence, .substitution, .pattern:
                if category >= 0 { candidates[category].append(hit) }
            case .exception:
                if category >= 0 { exceptions[category].append(hit.startToken, hit.endToken) } else {
                    everywhere.append(hit.startToken, hit.endToken)
                }
                if category < 0 || entryCategories[entry] == .internalName {
                    result.internalNameExceptions.append(tokens[Int(hit.startToken)].start, tokens[Int(hit.endToken) - 1].end)
                }
            case .stock:
                everywhere.append(hit.startToken, hit.endToken)
                result.internalNameExceptions.append(tokens[Int(hit.startToken)].start, tokens[Int(hit.endToken) - 1].end)
            case .cadence:
                cadence.append(hit.startToken, hit.endToken)
                result.cadenceStated = true
            case .negation:
                if category >= 0 { negations[category].append(hit) }
            }
        }
        for (k, category) in categories.enumerated() where !candidates[k].isEmpty {
            let own = exceptions[k]
            var negating = negations[k]
            negating.sort { $0.endToken < $1.endToken }
            var inEverywhere = IntervalSet.Cursor(), inOwn = IntervalSet.Cursor(), inCadence = IntervalSet.Cursor()
            var kept = candidates[k].filter { hit in
                let (s, e) = (hit.startToken, hit.endToken)
                if inEverywhere.overlaps(s, e, in: everywhere) || inOwn.overlaps(s, e, in: own) { return false }
                if category == .eta, inCadence.overlaps(s, e, in: cadence) { return false }
                return !isNegated(hit, by: negating, tokens: tokens)
            }
            kept.sort { a, b in
                a.startToken != b.startToken ? a.startToken < b.startToken
                    : a.endToken != b.endToken ? a.endToken > b.endToken : a.phrase < b.phrase
            }
            var selected: [PhraseMatch] = []
            var lastEnd: Int32 = -1
            for hit in kept where hit.startToken >= lastEnd {
                selected.append(PhraseMatch(entry: Int(hit.phrase), start: Int(tokens[Int(hit.startToken)].start),
                                            end: Int(tokens[Int(hit.endToken) - 1].end)))
                lastEnd = hit.endToken
            }
            result.matches[category] = selected
        }
        return result
    }

    /// A negation ending at most `negationReach` words before the hit, with no comma, colon,
    /// stronger punctuation or clause-opening conjunction ("but", "and") between them.
    private static func isNegated(_ hit: PhraseHit, by negations: [PhraseHit], tokens: [Token]) -> Bool {
        guard !negations.isEmpty else { return false }
        // The last negation ending at or before the hit's start.
        var low = 0, high = negations.count
        while low < high {
            let mid = (low + high) / 2
            if negations[mid].endToken <= hit.startToken { low = mid + 1 } else { high = mid }
        }
        var k = low - 1
        while k >= 0, hit.startToken - negations[k].endToken <= negationReach {
            let end = negations[k].endToken
            var clear = true
            var t = end
            while t <= hit.startToken {
                let token = tokens[Int(t)]
                if token.flags & (Token.breakBefore | Token.softBreakBefore) != 0
                    || (t < hit.startToken && token.classes & TokenClass.clauseBoundary.rawValue != 0) {
                    clear = false
                    break
                }
                t += 1
            }
            if clear { return true }
            k -= 1
        }
        return false
    }
}
