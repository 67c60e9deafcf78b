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
        let tokenized = phrasebook.trie.view { trie in
            DocumentTokenizer.tokenize(bytes, skipping: regions.skipped, vocabulary: phrasebook.vocabulary, trie: trie)
        }
        let (tokens, starts) = (tokenized.tokens, tokenized.starts)
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
        internalNames = Document.internalNames(bytes, candidates: tokenized.nameCandidates, regions: regions,
                                               phrasebook: phrasebook)
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
    private static func internalNames(_ bytes: [UInt8], candidates: [Range<Int>], regions: TextRegions,
                                      phrasebook: Phrasebook) -> [(range: Range<Int>, shape: InternalNameShape)] {
        var names: [(range: Range<Int>, shape: InternalNameShape)] = []
        let (parts, labels) = (phrasebook.identifierParts, phrasebook.hostLabels)
        bytes.withUnsafeBufferPointer { buffer in
            func consider(_ run: Range<Int>) {
                if let shape = InternalNameShape.classify(buffer, run, identifierParts: parts, hostLabels: labels) {
                    names.append((run, shape))
                }
            }
            for candidate in candidates { consider(candidate) }
            IdentifierRuns.scan(bytes, within: regions.codeAndQuotes) { consider($0) }
            for run in regions.colonRuns { consider(run) }
        }
        guard !regions.colonRuns.isEmpty || !regions.codeAndQuotes.isEmpty else { return names }
        names.sort { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [(range: Range<Int>, shape: InternalNameShape)] = []
        for name in names where (kept.last?.range.upperBound ?? 0) <= name.range.lowerBound { kept.append(name) }
        return kept
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
