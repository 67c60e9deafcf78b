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
    /// Runs of identifier characters outside URLs, tags and comments that may be internal names.
    let identifierRuns: [Range<Int>]

    /// How far back (in words) a negation reaches: "we do *not* yet have any reason to believe".
    static let negationReach: Int32 = 6

    init(_ text: String, phrasebook: Phrasebook) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes.reserveCapacity(1) }
        let regions = bytes.withUnsafeBufferPointer { TextRegions.scan($0) }
        let tokens = Document.tokenize(bytes, skipping: regions.skipped, vocabulary: phrasebook.vocabulary)
        var hits: [PhraseHit] = []
        hits.reserveCapacity(tokens.count / 8)
        phrasebook.trie.view { trie in
            tokens.withUnsafeBufferPointer { buffer in
                for k in 0..<buffer.count where trie.mayStart(buffer[k]) {
                    trie.matches(at: k, in: buffer, into: &hits)
                }
            }
        }
        var runs: [Range<Int>] = []
        IdentifierRuns.scan(bytes, hidden: regions.hidden) { runs.append($0) }
        identifierRuns = runs
        self.bytes = bytes
        self.regions = regions
        self.tokens = tokens
        let resolved = Document.resolve(hits, tokens: tokens, entries: phrasebook.entries)
        matches = resolved.matches
        cadenceStated = resolved.cadenceStated
        internalNameExceptions = resolved.internalNameExceptions
    }

    /// The text of a byte range.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func tokenize(_ bytes: [UInt8], skipping: [Range<Int>], vocabulary: Vocabulary) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5 + 1)
        let capacity = TokenNormalizer.maximumLength + 2
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        defer { scratch.deallocate() }
        let stemArea = scratch + capacity
        let notName = TokenClass.notName.rawValue, name = TokenClass.name.rawValue
        bytes.withUnsafeBufferPointer { buffer in
            vocabulary.view { words in
                var scanner = TokenScanner(buffer, skipping: skipping)
                while let scanned = scanner.next() {
                    var stem: Int32 = -1, exact: Int32 = -1
                    var classes = scanned.shape.rawValue
                    if let n = TokenNormalizer.normalize(buffer, scanned, into: scratch) {
                        stemArea.update(from: scratch + 1, count: n)
                        let m = TokenNormalizer.stem(stemArea, count: n, wordLike: scanned.shape.contains(.word) && !scanned.hasDigit)
                        stem = words.lookup(stemArea, m)
                        if stem >= 0 {
                            classes |= words.classes[Int(stem)]
                            if words.hasExactForms[Int(stem)] {
                                scratch[0] = Vocabulary.exactPrefix
                                exact = words.lookup(scratch, n + 1)
                            }
                        }
                    }
                    if classes & notName != 0 { classes &= ~name }
                    tokens.append(Token(start: Int32(scanned.start), end: Int32(scanned.end), stem: stem, exact: exact,
                                        classes: classes, flags: scanned.flags))
                }
            }
        }
        return tokens
    }

    private struct Resolution {
        var matches: [FindingCategory: [PhraseMatch]] = [:]
        var cadenceStated = false
        var internalNameExceptions = IntervalSet()
    }

    /// Applies exceptions, negations and leftmost-longest selection per category.
    private static func resolve(_ hits: [PhraseHit], tokens: [Token], entries: [PhrasebookEntry]) -> Resolution {
        var result = Resolution()
        var candidates: [FindingCategory: [PhraseHit]] = [:]
        var exceptions: [FindingCategory: IntervalSet] = [:]
        var everywhere = IntervalSet()
        var cadence = IntervalSet()
        var negations: [FindingCategory: [PhraseHit]] = [:]
        for hit in hits {
            let entry = entries[Int(hit.phrase)]
            switch entry.kind {
            case .existence, .substitution, .pattern:
                if let category = entry.category { candidates[category, default: []].append(hit) }
            case .exception:
                if let category = entry.category {
                    exceptions[category, default: IntervalSet()].append(hit.startToken, hit.endToken)
                } else {
                    everywhere.append(hit.startToken, hit.endToken)
                }
            case .stock:
                everywhere.append(hit.startToken, hit.endToken)
            case .cadence:
                cadence.append(hit.startToken, hit.endToken)
                result.cadenceStated = true
            case .negation:
                if let category = entry.category { negations[category, default: []].append(hit) }
            }
            if entry.kind == .stock || (entry.kind == .exception && (entry.category == nil || entry.category == .internalName)) {
                result.internalNameExceptions.append(tokens[Int(hit.startToken)].start, tokens[Int(hit.endToken) - 1].end)
            }
        }
        for (category, hits) in candidates {
            let own = exceptions[category] ?? IntervalSet()
            var negating = negations[category] ?? []
            negating.sort { $0.endToken < $1.endToken }
            var kept = hits.filter { hit in
                let (s, e) = (hit.startToken, hit.endToken)
                if everywhere.overlaps(s, e) || own.overlaps(s, e) { return false }
                if category == .eta, cadence.overlaps(s, e) { return false }
                return !isNegated(hit, by: negating, tokens: tokens)
            }
            kept.sort { ($0.startToken, -$0.endToken, $0.phrase) < ($1.startToken, -$1.endToken, $1.phrase) }
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
                if token.flags != 0 || (t < hit.startToken && token.classes & TokenClass.clauseBoundary.rawValue != 0) {
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
