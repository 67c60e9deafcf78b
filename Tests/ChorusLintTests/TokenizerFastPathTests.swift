@testable import ChorusLint
import Testing

/// The tokenizer reads plain words itself and caches what they resolve to; these tests hold it
/// to the scanner, token for token, on text built to hit every edge of that fast path.
@Suite("Tokenizer fast path")
struct TokenizerFastPathTests {
    /// SplitMix64: the same text on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// Words of one to twenty letters in every case shape, phrasebook words, joined words,
    /// numbers, times, non-ASCII words, and every separator, code, quote and URL the regions
    /// scanner knows, glued together with and without spaces.
    static func text(seed: UInt64, fragments: Int) -> String {
        var random = Generator(state: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let fixed = ["we", "We", "probably", "rollback", "rolled", "back", "likely", "minutes", "within", "the", "hour",
                     "Dave", "vendor's", "we'll", "it's", "payments-api", "auth_service", "e.g.", "I/O", "checkoutService",
                     "14:00", "3 pm", "3pm", "9:30 a.m.", "99.9%", "1,000", "2024-05-01", "10.0.3.17", "café", "n’ont",
                     "東京", "Zürich", "naïve", "localhost", "UTC", "Friday", "3rd", "next", "update", "in", "30",
                     "human", "error", "just", "a", "minor", "blip", "Hypothesis:", "Unconfirmed:", "x", "I", "abcdefgh",
                     "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOP", "Abcdefghijklmnop"]
        let separators = [" ", " ", " ", "  ", ", ", ". ", ".", "\n", "\n\n", ": ", ":", "; ", "(", ")", "-", "--", "—",
                          "'", "’", "/", "_", "*", "~", "!", "? ", "\t", "\r\n", "", "", "5", "é", "…", "%",
                          " `code span` ", " \"a quoted phrase\" ", " “curly quote” ", " https://status.example.com/a-b ",
                          "\n> quoted line\n", " <!-- chorus-disable-line jargon --> ", "\n```\nfenced code\n```\n",
                          // Regions glued to words, and the bytes at the edges of the letter test.
                          "`code`", "\"q\"", "<b>", "_https://x.example/a", "@", "[", "\\", "]", "^", "`", "{", "|", "}",
                          "\u{7F}", "\u{01}", "\r", "\u{A0}"]
        var text = ""
        for _ in 0..<fragments {
            switch random.next() % 3 {
            case 0:
                let length = 1 + Int(random.next() % 20)
                var word = ""
                let shape = random.next() % 4
                for k in 0..<length {
                    let letter = random.pick(letters)
                    switch shape {
                    case 0: word += letter.lowercased()
                    case 1: word += k == 0 ? letter.uppercased() : letter.lowercased()
                    case 2: word += letter.uppercased()
                    default: word.append(letter)
                    }
                }
                text += word
            case 1:
                text += random.pick(fixed)
            default:
                break
            }
            text += random.pick(separators)
        }
        return text
    }

    /// Long texts fill the largest cache; short ones (a draft) get a small cache where words
    /// collide often. Either way words repeat, so most come from the cache.
    @Test(arguments: [(1, 20_000), (2, 20_000), (3, 20_000), (4, 20_000), (5, 300), (6, 300), (7, 1_000), (8, 3_000)]
          as [(UInt64, Int)])
    func cachedPlainWordsAreTheScannersTokens(seed: UInt64, fragments: Int) throws {
        let phrasebook = try Shipped.phrasebook
        let text = Self.text(seed: seed, fragments: fragments)
        let bytes = Array(text.utf8)
        let regions = bytes.withUnsafeBufferPointer { TextRegions.scan($0) }
        let (fast, reference) = phrasebook.trie.view { trie in
            (DocumentTokenizer.tokenize(bytes, skipping: regions.skipped, vocabulary: phrasebook.vocabulary, trie: trie),
             DocumentTokenizer.tokenize(bytes, skipping: regions.skipped, vocabulary: phrasebook.vocabulary, trie: trie,
                                        cachingWords: false))
        }
        #expect(fast.tokens.count == reference.tokens.count)
        #expect(fast.tokens.count > fragments / 4, "most of the text is tokens, not skipped regions")
        if let first = reference.tokens.indices.first(where: { $0 < fast.tokens.count && fast.tokens[$0] != reference.tokens[$0] }) {
            let token = reference.tokens[first]
            Issue.record("token \(first) differs at byte \(token.start): \(fast.tokens[first]) vs \(token)")
        }
        #expect(fast.starts == reference.starts)
        #expect(fast.nameCandidates == reference.nameCandidates)
        #expect(!fast.nameCandidates.isEmpty)
    }

    /// Skipped regions the regions scanner would never produce (starting and ending inside
    /// words) still leave the two paths in step.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func arbitrarySkippedRangesAgree(seed: UInt64) throws {
        let phrasebook = try Shipped.phrasebook
        let bytes = Array(Self.text(seed: seed, fragments: 3_000).utf8)
        var random = Generator(state: seed &* 31)
        var skipping: [Range<Int>] = []
        var position = Int(random.next() % 40)
        while position < bytes.count {
            let end = min(bytes.count, position + 1 + Int(random.next() % 12))
            skipping.append(position..<end)
            position = end + 1 + Int(random.next() % 60)
        }
        let (fast, reference) = phrasebook.trie.view { trie in
            (DocumentTokenizer.tokenize(bytes, skipping: skipping, vocabulary: phrasebook.vocabulary, trie: trie),
             DocumentTokenizer.tokenize(bytes, skipping: skipping, vocabulary: phrasebook.vocabulary, trie: trie,
                                        cachingWords: false))
        }
        #expect(fast.tokens == reference.tokens)
        #expect(fast.starts == reference.starts)
        #expect(fast.nameCandidates == reference.nameCandidates)
    }

    @Test func tokenClassesLeaveRoomForTheFlags() {
        let all: [TokenClass] = TokenClass.placeholders.map(\.tokenClass) + [.notName, .clauseBoundary]
        for tokenClass in all { #expect(tokenClass.rawValue < 1 << 24, "\(tokenClass.rawValue)") }
        let token = Token(start: 0, end: 1, stem: 2, exact: 3, classes: TokenClass.clauseBoundary.rawValue | 1, flags: 3)
        #expect(token.classes == TokenClass.clauseBoundary.rawValue | 1 && token.flags == 3)
    }

    @Test func theCacheGrowsWithTheTextUpToAFixedSize() {
        #expect(DocumentTokenizer.cacheBits(forBytes: 0) == 6)
        #expect(DocumentTokenizer.cacheBits(forBytes: 2_000) == 8)
        #expect(DocumentTokenizer.cacheBits(forBytes: 1_000_000) == 12)
    }

    @Test func findingsAreTheSameWithAndWithoutTheCache() throws {
        // A sentence seen twice: the second time its words come from the cache.
        let sentence = "We suspect the rollback probably failed; next update in 30 minutes. Dave's change caused it.\n"
        let once = try lint(sentence)
        let twice = try lint(sentence + sentence)
        #expect(!once.isEmpty)
        #expect(twice.count == once.count * 2)
        #expect(twice.suffix(once.count).map(\.match) == once.map(\.match))
        #expect(twice.suffix(once.count).map(\.rule) == once.map(\.rule))
    }
}
