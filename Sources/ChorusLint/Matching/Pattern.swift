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
/// 64-bit mask of token offsets from where it started, and each instruction of a pattern turns
/// one mask into the next (a gap shifts it, a choice ORs its alternatives). No match is longer
/// than 63 tokens. Tokens are read as two plain arrays, their lexicon ids and their classes. A
/// word class's ends at a token are kept in a small cache: many patterns start with the same
/// classes (`{duration}`, `{third-party}`).
final class PatternMatcher {
    private let ids: [Int32]
    private let tokenClasses: [TokenClass]
    private let program: MatchProgram
    private let instructions: [Instruction]
    private let pool: [Int32]
    /// The end of the clause of each token: the farthest a class phrase starting there may reach.
    private let clauseEnd: [Int]
    private var cacheKeys: [Int]
    private var cacheValues: [UInt64]
    /// Slots of the cache as a power of two: from 64 for a phrase to 4,096 for a long text.
    private let cacheBits: Int

    init(tokens: [Token], program: MatchProgram, clauseEnd: [Int]? = nil) {
        ids = tokens.map(\.id)
        tokenClasses = tokens.map(\.classes)
        self.program = program
        instructions = program.instructions
        pool = program.pool
        self.clauseEnd = clauseEnd ?? Array(repeating: tokens.count, count: tokens.count)
        cacheBits = min(12, max(6, Int.bitWidth - tokens.count.leadingZeroBitCount + 2))
        cacheKeys = Array(repeating: -1, count: 1 << cacheBits)
        cacheValues = Array(repeating: 0, count: 1 << cacheBits)
    }

    /// Ends of a match of `code` starting at token `k`, not past `limit`.
    func ends(_ code: Code, at k: Int, limit: Int) -> [Int] {
        var mask = reach(code, at: k, limit: limit)
        var out: [Int] = []
        while mask != 0 {
            let offset = mask.trailingZeroBitCount
            mask &= mask - 1
            out.append(k + offset)
        }
        return out
    }

    /// The longest match of `code` at `k`, if any.
    func longest(_ code: Code, at k: Int, limit: Int) -> Int? {
        let mask = reach(code, at: k, limit: limit)
        guard mask != 0 else { return nil }
        return k + 63 - mask.leadingZeroBitCount
    }

    /// The end of the shortest match of `code` at `k` that takes at least one token, if any.
    func shortest(_ code: Code, at k: Int, limit: Int) -> Int? {
        let mask = reach(code, at: k, limit: limit) & ~1
        guard mask != 0 else { return nil }
        return k + mask.trailingZeroBitCount
    }

    /// Whether any match of `code` occurs in `range` (tokens), and where the first one is.
    func firstMatch(_ code: Code, in range: Range<Int>) -> Range<Int>? {
        for k in range {
            if let end = longest(code, at: k, limit: range.upperBound), end > k { return k..<end }
        }
        return nil
    }

    /// The mask of ends (offsets from `k`) of a match of `code` starting at `k`.
    private func reach(_ code: Code, at k: Int, limit: Int) -> UInt64 {
        guard k <= limit, k >= 0 else { return 0 }
        return advance(code, 1, base: k, limit: min(limit, k + 63))
    }

    /// Where `code` can lead from the offsets in `positions`.
    private func advance(_ code: Code, _ positions: UInt64, base: Int, limit: Int) -> UInt64 {
        var current = positions
        var i = Int(code.start)
        let end = Int(code.end)
        while i < end, current != 0 {
            current = step(instructions[i], current, base: base, limit: limit)
            i += 1
        }
        return current
    }

    /// One token that passes `test`, from each offset in `positions`.
    @inline(__always)
    private func single(_ positions: UInt64, base: Int, limit: Int, _ test: (Int) -> Bool) -> UInt64 {
        var bits = positions, out: UInt64 = 0
        while bits != 0 {
            let offset = bits.trailingZeroBitCount
            bits &= bits - 1
            let k = base + offset
            if k < limit, offset < 63, test(k) { out |= 1 << UInt64(offset + 1) }
        }
        return out
    }

    @inline(__always)
    private func poolContains(_ start: Int32, _ end: Int32, _ id: Int32) -> Bool {
        var i = Int(start)
        while i < Int(end) {
            if pool[i] == id { return true }
            i += 1
        }
        return false
    }

    private func step(_ instruction: Instruction, _ positions: UInt64, base: Int, limit: Int) -> UInt64 {
        switch instruction.operation {
        case .word:
            return single(positions, base: base, limit: limit) { k in
                ids[k] >= 0 && tokenClasses[k].isDisjoint(with: [.opaque, .punctuation]) && poolContains(instruction.a, instruction.b, ids[k])
            }
        case .not:
            return single(positions, base: base, limit: limit) { k in
                let id = ids[k]
                guard !tokenClasses[k].isDisjoint(with: [.word, .number]) else { return false }
                guard id >= 0 else { return true }
                if poolContains(instruction.a, instruction.b, id) { return false }
                var c = Int(instruction.b)
                while c < Int(instruction.c) {
                    if program.isMember(id, of: Int(pool[c])) { return false }
                    c += 1
                }
                return true
            }
        case .tokenClass:
            let wanted = TokenClass(rawValue: UInt32(bitPattern: instruction.a))
            return single(positions, base: base, limit: limit) { !tokenClasses[$0].isDisjoint(with: wanted) }
        case .punctuation:
            return single(positions, base: base, limit: limit) { ids[$0] == instruction.a && tokenClasses[$0].contains(.punctuation) }
        case .wordClass:
            let index = Int(instruction.a)
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
        case .choice:
            var out: UInt64 = 0
            var a = Int(instruction.a)
            while a < Int(instruction.b) {
                out |= advance(program.alternatives[a], positions, base: base, limit: limit)
                a += 1
            }
            return out
        case .optional:
            return positions | advance(Code(start: instruction.a, end: instruction.b), positions, base: base, limit: limit)
        case .gap:
            // A gap passes up to `a` tokens, never the end of a sentence.
            var out = positions, frontier = positions
            for _ in 0..<Int(instruction.a) {
                frontier = single(frontier, base: base, limit: limit) { !tokenClasses[$0].contains(.sentenceEnd) }
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
        let wordClass = program.classes[index]
        let id = ids[k], classes = tokenClasses[k]
        guard wordClass.first.admits(id, classes) else { return 0 }
        let key = index &* ids.count &+ k
        let slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - cacheBits))
        if cacheKeys[slot] == key { return cacheValues[slot] }
        let limit = min(k < clauseEnd.count ? clauseEnd[k] : ids.count, k + 63)
        var out: UInt64 = 0
        if classes.isDisjoint(with: [.opaque, .punctuation]), program.isMember(id, of: index) { out |= 2 }
        if !wordClass.tokenClasses.isEmpty, !classes.isDisjoint(with: wordClass.tokenClasses) { out |= 2 }
        for s in program.classSequenceStarts.values(of: id) {
            let sequence = program.classSequences[Int(s)]
            if sequence.wordClass == index { out |= advance(sequence.code, 1, base: k, limit: limit) }
        }
        for (tokenClasses, code) in wordClass.byTokenClass where !classes.isDisjoint(with: tokenClasses) {
            out |= advance(code, 1, base: k, limit: limit)
        }
        for code in wordClass.unindexed { out |= advance(code, 1, base: k, limit: limit) }
        cacheKeys[slot] = key
        cacheValues[slot] = out
        return out
    }
}
