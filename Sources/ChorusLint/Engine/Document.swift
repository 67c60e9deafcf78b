/// A phrase of the phrasebook found in the text and kept after conditions, exceptions and
/// leftmost-longest selection: the entry, its UTF-8 byte range and its token range.
struct PhraseMatch: Sendable {
    var entry: Int
    var start: Int
    var end: Int
    var tokens: Range<Int>
}

/// A text analysed once for all rules: bytes, regions, tokens, clauses, and the phrase matches
/// per category.
struct Document {
    let bytes: [UInt8]
    let regions: TextRegions
    let tokens: [Token]
    let clauses: Clauses
    /// Kept matches per reported category, in text order.
    let matches: [FindingCategory: [PhraseMatch]]
    /// Cadence phrases found (each cancels the ETA matches it overlaps).
    let cadence: [PhraseMatch]
    /// Whether a cadence phrase names a time for the next update.
    let cadenceStated: Bool
    /// Byte ranges where internal names are not reported: stock phrases, exceptions to all
    /// categories or to internal names, and the organization's vocabulary.
    let internalNameExceptions: IntervalSet
    /// Runs of identifier characters outside URLs, tags and comments shaped like internal names.
    let internalNames: [(range: Range<Int>, shape: InternalNameShape)]

    /// Analyses `text`; `accepted` are extra vocabulary phrases (compiled) never reported as
    /// jargon or internal names.
    init(_ text: String, phrasebook: Phrasebook, accepted: [VocabularyPhrase] = []) {
        let bytes = Array(text.utf8)
        let regions = TextRegions.scan(bytes)
        let tokens = Tokenizer.tokenize(bytes, skipping: regions.skipped, lexicon: phrasebook.program.lexicon)
        let clauses = Clauses(tokens)
        self.bytes = bytes
        self.regions = regions
        self.tokens = tokens
        self.clauses = clauses
        var resolver = MatchResolver(tokens: tokens, clauses: clauses, phrasebook: phrasebook)
        resolver.run(accepted: accepted)
        matches = resolver.matches
        cadence = resolver.cadence
        cadenceStated = resolver.cadenceStated
        var exceptions = resolver.internalNameExceptions
        exceptions.sort { $0.lowerBound < $1.lowerBound }
        internalNameExceptions = IntervalSet(exceptions)
        internalNames = Document.internalNames(bytes, tokens: tokens, regions: regions, phrasebook: phrasebook)
    }

    /// The text of a byte range.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Candidates come from words that join parts (`payments-api`, `db-01.prod`), from code and
    /// quotes (which the tokenizer skips), and from IPv6-like colon runs.
    private static func internalNames(_ bytes: [UInt8], tokens: [Token], regions: TextRegions,
                                      phrasebook: Phrasebook) -> [(range: Range<Int>, shape: InternalNameShape)] {
        var names: [(range: Range<Int>, shape: InternalNameShape)] = []
        let (parts, labels) = (phrasebook.identifierParts, phrasebook.hostLabels)
        func consider(_ run: Range<Int>) {
            if let shape = InternalNameShape.classify(bytes, run, identifierParts: parts, hostLabels: labels) {
                names.append((run, shape))
            }
        }
        for token in tokens where !token.isOpaque && !token.isPunctuation && token.end - token.start >= 3 {
            var hasJoin = false, previousLower = false
            for i in token.start..<token.end {
                let b = bytes[i]
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") { hasJoin = true }
                if b >= 65, b <= 90, previousLower { hasJoin = true }
                previousLower = b >= 97 && b <= 122
            }
            if hasJoin || (token.key == "localhost") {
                // Parts joined by '/' are judged one by one (logs/metrics, HTTP/503).
                var start = token.start
                for i in token.start...token.end where i == token.end || bytes[i] == UInt8(ascii: "/") {
                    if i > start { consider(start..<i) }
                    start = i + 1
                }
            }
        }
        IdentifierRuns.scan(bytes, within: regions.codeAndQuotes) { consider($0) }
        for run in regions.colonRuns { consider(run) }
        names.sort { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [(range: Range<Int>, shape: InternalNameShape)] = []
        for name in names where (kept.last?.range.upperBound ?? 0) <= name.range.lowerBound { kept.append(name) }
        return kept
    }
}
