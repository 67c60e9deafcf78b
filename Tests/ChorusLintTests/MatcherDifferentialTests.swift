@testable import ChorusLint
import Testing

/// The bit-parallel matcher against a plain recursive one, over generated token sequences and
/// generated patterns: the clever code must find exactly the ends the obvious code finds.
@Suite("Matcher differential")
struct MatcherDifferentialTests {
    /// The obvious matcher: every path, one token at a time.
    struct ReferenceMatcher {
        let tokens: [Token]
        let wordClasses: [WordClass]

        func ends(_ elements: [PatternElement], at k: Int, limit: Int) -> Set<Int> {
            var out = Set<Int>()
            walk(elements, 0, k, limit, &out)
            return out.filter { $0 - k <= 63 }
        }

        private func walk(_ elements: [PatternElement], _ i: Int, _ k: Int, _ limit: Int, _ out: inout Set<Int>) {
            guard i < elements.count else { out.insert(k); return }
            func next(_ ok: Bool) { if ok { walk(elements, i + 1, k + 1, limit, &out) } }
            switch elements[i] {
            case .word(let forms): next(k < limit && !tokens[k].isOpaque && !tokens[k].isPunctuation && forms.contains(tokens[k].key))
            case .not(let forms, let classes):
                next(k < limit && tokens[k].isWord && !forms.contains(tokens[k].key)
                     && !classes.contains { wordClasses[$0].words.contains(tokens[k].key) })
            case .tokenClass(let c): next(k < limit && !tokens[k].classes.isDisjoint(with: c))
            case .punctuation(let mark): next(k < limit && tokens[k].isPunctuation && tokens[k].key == mark)
            case .wordClass(let index):
                let wordClass = wordClasses[index]
                var inner = Set<Int>()
                if k < limit, !tokens[k].isOpaque, !tokens[k].isPunctuation, wordClass.words.contains(tokens[k].key) { inner.insert(k + 1) }
                if k < limit, !tokens[k].classes.isDisjoint(with: wordClass.tokenClasses) { inner.insert(k + 1) }
                for sequence in wordClass.sequences { walk(sequence, 0, k, limit, &inner) }
                for end in inner { walk(elements, i + 1, end, limit, &out) }
            case .choice(let alternatives):
                var inner = Set<Int>()
                for alternative in alternatives { walk(alternative, 0, k, limit, &inner) }
                for end in inner { walk(elements, i + 1, end, limit, &out) }
            case .optional(let part):
                walk(elements, i + 1, k, limit, &out)
                var inner = Set<Int>()
                walk(part, 0, k, limit, &inner)
                for end in inner { walk(elements, i + 1, end, limit, &out) }
            case .gap(let size):
                var j = k
                while j <= min(k + size, limit) {
                    walk(elements, i + 1, j, limit, &out)
                    if j < limit, tokens[j].isPunctuation, Clauses.sentenceEnds.contains(tokens[j].key) { break }
                    j += 1
                }
            }
        }
    }

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    static let words = ["we", "the", "fix", "is", "not", "back", "soon", "in", "20", "minutes", "Azure", "outage", ",", ".", "it", "may"]

    func pattern(_ g: inout Generator, depth: Int) -> [PatternElement] {
        (0..<(1 + g.next(3))).map { _ in element(&g, depth: depth) }
    }

    func element(_ g: inout Generator, depth: Int) -> PatternElement {
        switch depth > 2 ? g.next(4) : g.next(9) {
        case 0, 1: return .word([Self.words[g.next(Self.words.count)].lowercased(), Self.words[g.next(Self.words.count)].lowercased()])
        case 2: return .tokenClass([.number, .capitalized, .word][g.next(3)])
        case 3: return .punctuation([",", "."][g.next(2)])
        case 4: return .gap(1 + g.next(4))
        case 5: return .optional(pattern(&g, depth: depth + 1))
        case 6: return .choice([pattern(&g, depth: depth + 1), pattern(&g, depth: depth + 1)])
        case 7: return .not(["the", "we"], classes: [])
        default: return .wordClass(g.next(2))
        }
    }

    @Test(arguments: 0..<30)
    func bitParallelEndsAreTheReferenceEnds(seed: Int) {
        var g = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 7)
        let text = (0..<(20 + g.next(60))).map { _ in Self.words[g.next(Self.words.count)] }.joined(separator: " ")
        var classes = [WordClass(name: "a"), WordClass(name: "b")]
        classes[0].add([.word(["fix", "outage"])], first: FirstSet(keys: ["fix", "outage"]))
        classes[0].add([.word(["the"]), .gap(2), .word(["outage"])], first: FirstSet(keys: ["the"]))
        classes[1].add([.tokenClass(.number), .word(["minutes"])], first: FirstSet(classes: .number))
        classes[1].add([.optional([.word(["in"])]), .word(["soon"])], first: FirstSet(keys: ["in", "soon"]))
        var program = MatchProgram()
        program.compileClasses(classes)
        let patterns = (0..<40).map { _ in pattern(&g, depth: 0) }
        let codes = patterns.map { program.code(for: $0) }
        // Tokens numbered by the finished lexicon, as a document's are.
        let tokens = Tokenizer.tokenize(Array(text.utf8), skipping: [], lexicon: program.lexicon)
        let fast = PatternMatcher(tokens: tokens, program: program)
        let reference = ReferenceMatcher(tokens: tokens, wordClasses: classes)
        for (elements, code) in zip(patterns, codes) {
            for k in 0..<tokens.count {
                let limit = min(tokens.count, k + g.next(tokens.count - k + 1))
                #expect(Set(fast.ends(code, at: k, limit: limit)) == reference.ends(elements, at: k, limit: limit),
                        "\(elements) at \(k) of \(text)")
            }
        }
    }
}
