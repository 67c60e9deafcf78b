/// A compiled phrase: token tests in sequence, with choices, optional parts, gaps and references
/// to word classes (`[define NAME]` sections).
indirect enum PatternElement: Sendable, Equatable {
    /// A word whose key is one of these forms.
    case word(Set<String>)
    /// One word (or number) whose key is none of these, nor a one-word member of these classes.
    case not(Set<String>, classes: [Int])
    /// One token of a built-in class.
    case tokenClass(TokenClass)
    /// A punctuation mark (its key).
    case punctuation(String)
    /// One phrase of a word class, by index.
    case wordClass(Int)
    case choice([[PatternElement]])
    case optional([PatternElement])
    /// Up to this many tokens of any kind, inside the clause.
    case gap(Int)
}

extension PatternElement {
    /// A description that is the same for equal elements whatever the order of their sets, for
    /// telling duplicate entries apart.
    var canonical: String {
        switch self {
        case .word(let forms): "w(" + forms.sorted().joined(separator: "|") + ")"
        case .not(let forms, let classes): "n(" + forms.sorted().joined(separator: "|") + ";" + classes.map(String.init).joined(separator: ",") + ")"
        case .tokenClass(let c): "c(\(c.rawValue))"
        case .punctuation(let mark): "p(\(mark))"
        case .wordClass(let index): "k(\(index))"
        case .choice(let alternatives): "(" + alternatives.map { $0.map(\.canonical).joined(separator: " ") }.joined(separator: "/") + ")"
        case .optional(let inner): "[" + inner.map(\.canonical).joined(separator: " ") + "]"
        case .gap(let n): "g(\(n))"
        }
    }
}

/// A `[define NAME]` section compiled for lookup: one-word alternatives in a set, the rest as
/// patterns indexed by their first word.
struct WordClass: Sendable {
    var name: String
    /// Keys of one-word alternatives (with their inflections).
    var words: Set<String> = []
    /// Built-in classes of one-token alternatives (`{number}`).
    var tokenClasses: TokenClass = []
    /// Every other alternative.
    var sequences: [[PatternElement]] = []
    /// Sequences by the keys they can start with.
    var sequencesByKey: [String: [Int]] = [:]
    /// Sequences that can start with a token of a built-in class, with the classes.
    var sequencesByClass: [(classes: TokenClass, sequence: Int)] = []
    /// Sequences that can start with any token.
    var unindexed: [Int] = []
    /// What a phrase of the class can start with.
    var first = FirstSet()

    init(name: String) { self.name = name }

    mutating func add(_ sequence: [PatternElement], first sequenceFirst: FirstSet) {
        first.formUnion(sequenceFirst)
        if sequence.count == 1, case .word(let forms) = sequence[0] { words.formUnion(forms); return }
        if sequence.count == 1, case .tokenClass(let c) = sequence[0] { tokenClasses.formUnion(c); return }
        let index = sequences.count
        sequences.append(sequence)
        if sequenceFirst.anyToken {
            unindexed.append(index)
            return
        }
        for key in sequenceFirst.keys { sequencesByKey[key, default: []].append(index) }
        if !sequenceFirst.classes.isEmpty { sequencesByClass.append((sequenceFirst.classes, index)) }
    }
}

/// Runs compiled patterns over tokens, bit-parallel: the places a match can have reached are a
/// 64-bit mask of token offsets from where it started, and each element of a pattern turns one
/// mask into the next (a gap shifts it, a choice ORs its alternatives). No match is longer than
/// 63 tokens. A word class's ends at a token are computed once per text and kept: many patterns
/// start with the same classes (`{duration}`, `{third-party}`).
final class PatternMatcher {
    let tokens: [Token]
    let wordClasses: [WordClass]
    /// The end of the clause of each token: the farthest any match starting there may reach.
    private let clauseEnd: [Int]
    private var classMemo: [Int: UInt64] = [:]

    init(tokens: [Token], wordClasses: [WordClass], clauseEnd: [Int]? = nil) {
        self.tokens = tokens
        self.wordClasses = wordClasses
        self.clauseEnd = clauseEnd ?? Array(repeating: tokens.count, count: tokens.count)
    }

    /// Ends of a match of `elements` starting at token `k`, not past `limit`.
    func ends(_ elements: [PatternElement], at k: Int, limit: Int) -> [Int] {
        var mask = reach(elements, at: k, limit: limit)
        var out: [Int] = []
        while mask != 0 {
            let offset = mask.trailingZeroBitCount
            mask &= mask - 1
            out.append(k + offset)
        }
        return out
    }

    /// The longest match of `elements` at `k`, if any.
    func longest(_ elements: [PatternElement], at k: Int, limit: Int) -> Int? {
        let mask = reach(elements, at: k, limit: limit)
        guard mask != 0 else { return nil }
        return k + 63 - mask.leadingZeroBitCount
    }

    /// The mask of ends (offsets from `k`) of a match of `elements` starting at `k`.
    private func reach(_ elements: [PatternElement], at k: Int, limit: Int) -> UInt64 {
        guard k <= limit else { return 0 }
        return advance(elements, 1, base: k, limit: min(limit, k + 63))
    }

    /// Where `elements` can lead from the offsets in `positions`.
    private func advance(_ elements: [PatternElement], _ positions: UInt64, base: Int, limit: Int) -> UInt64 {
        var current = positions
        for element in elements {
            guard current != 0 else { return 0 }
            current = step(element, current, base: base, limit: limit)
        }
        return current
    }

    /// One token that passes `test`, from each offset in `positions`.
    @inline(__always)
    private func single(_ positions: UInt64, base: Int, limit: Int, _ test: (Token) -> Bool) -> UInt64 {
        var bits = positions, out: UInt64 = 0
        while bits != 0 {
            let offset = bits.trailingZeroBitCount
            bits &= bits - 1
            let k = base + offset
            if k < limit, offset < 63, test(tokens[k]) { out |= 1 << UInt64(offset + 1) }
        }
        return out
    }

    private func step(_ element: PatternElement, _ positions: UInt64, base: Int, limit: Int) -> UInt64 {
        switch element {
        case .word(let forms):
            return single(positions, base: base, limit: limit) { !$0.isOpaque && !$0.isPunctuation && forms.contains($0.key) }
        case .not(let forms, let classes):
            return single(positions, base: base, limit: limit) { token in
                token.isWord && !forms.contains(token.key) && !classes.contains { wordClasses[$0].words.contains(token.key) }
            }
        case .tokenClass(let tokenClass):
            return single(positions, base: base, limit: limit) { !$0.classes.isDisjoint(with: tokenClass) }
        case .punctuation(let mark):
            return single(positions, base: base, limit: limit) { $0.isPunctuation && $0.key == mark }
        case .wordClass(let index):
            var bits = positions, out: UInt64 = 0
            while bits != 0 {
                let offset = bits.trailingZeroBitCount
                bits &= bits - 1
                let k = base + offset
                guard k < limit else { continue }
                let ends = classMask(index, at: k) & mask(upTo: limit - k)
                out |= ends << UInt64(offset)
            }
            return out
        case .choice(let alternatives):
            var out: UInt64 = 0
            for alternative in alternatives { out |= advance(alternative, positions, base: base, limit: limit) }
            return out
        case .optional(let inner):
            return positions | advance(inner, positions, base: base, limit: limit)
        case .gap(let size):
            // A gap passes up to `size` tokens, never the end of a sentence.
            var out = positions, frontier = positions
            for _ in 0..<size {
                frontier = single(frontier, base: base, limit: limit) { !($0.isPunctuation && Clauses.sentenceEnds.contains($0.key)) }
                if frontier == 0 { break }
                out |= frontier
            }
            return out
        }
    }

    /// Offsets 0 through `n`.
    @inline(__always)
    private func mask(upTo n: Int) -> UInt64 {
        n >= 63 ? .max : (1 << UInt64(n + 1)) - 1
    }

    /// Ends (offsets from `k`) of one phrase of word class `index` starting at `k`, up to the
    /// end of `k`'s clause (callers mask a nearer limit).
    private func classMask(_ index: Int, at k: Int) -> UInt64 {
        let wordClass = wordClasses[index]
        let token = tokens[k]
        guard wordClass.first.admits(token) else { return 0 }
        let key = index &* tokens.count &+ k
        if let known = classMemo[key] { return known }
        let limit = min(k < clauseEnd.count ? clauseEnd[k] : tokens.count, k + 63)
        var out: UInt64 = 0
        if !token.isOpaque, !token.isPunctuation, wordClass.words.contains(token.key) { out |= 2 }
        if !wordClass.tokenClasses.isEmpty, !token.classes.isDisjoint(with: wordClass.tokenClasses) { out |= 2 }
        for s in wordClass.sequencesByKey[token.key] ?? [] { out |= advance(wordClass.sequences[s], 1, base: k, limit: limit) }
        for (classes, s) in wordClass.sequencesByClass where !token.classes.isDisjoint(with: classes) {
            out |= advance(wordClass.sequences[s], 1, base: k, limit: limit)
        }
        for s in wordClass.unindexed { out |= advance(wordClass.sequences[s], 1, base: k, limit: limit) }
        classMemo[key] = out
        return out
    }

    /// Ends of one phrase of word class `index` starting at `k`, not past `limit`.
    func classEnds(_ index: Int, at k: Int, limit: Int) -> [Int] {
        guard k < limit else { return [] }
        var mask = classMask(index, at: k) & mask(upTo: limit - k)
        var out: [Int] = []
        while mask != 0 {
            let offset = mask.trailingZeroBitCount
            mask &= mask - 1
            out.append(k + offset)
        }
        return out
    }

    /// Whether any phrase of `elements` occurs in `range` (tokens), and where the first one starts.
    func firstMatch(_ elements: [PatternElement], in range: Range<Int>) -> Range<Int>? {
        for k in range {
            if let end = longest(elements, at: k, limit: range.upperBound), end > k { return k..<end }
        }
        return nil
    }
}
