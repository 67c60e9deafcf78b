/// One step of a compiled pattern. Operands are plain numbers: ranges of `MatchProgram.pool`
/// (lexicon ids, word-class indexes), of `alternatives`, or of `instructions`.
struct Instruction: Sendable {
    enum Operation: UInt8, Sendable {
        /// A word whose id is in `pool[a ..< b]`.
        case word
        /// One word or number whose id is none of `pool[a ..< b]`, nor a one-word member of the
        /// word classes in `pool[b ..< c]`.
        case not
        /// One token of the built-in classes `TokenClass(rawValue: UInt32(a))`.
        case tokenClass
        /// The punctuation mark with id `a`.
        case punctuation
        /// One phrase of word class `a`.
        case wordClass
        /// One of the sequences `alternatives[a ..< b]`.
        case choice
        /// The sequence `instructions[a ..< b]`, or nothing.
        case optional
        /// Up to `a` tokens of any kind, never a sentence end.
        case gap
    }

    var operation: Operation
    var a: Int32
    var b: Int32 = 0
    var c: Int32 = 0
}

/// A compiled sequence: the instructions `start ..< end` of a program.
struct Code: Sendable, Equatable {
    var start: Int32
    var end: Int32
}

/// A first set in lexicon ids: what a match can start with.
struct FirstIds: Sendable {
    /// Sorted.
    var ids: [Int32] = []
    var classes: TokenClass = []
    var anyToken = false

    @inline(__always)
    func admits(_ id: Int32, _ tokenClasses: TokenClass) -> Bool {
        anyToken || !tokenClasses.isDisjoint(with: classes) || (id >= 0 && FirstIds.sortedContains(ids, id))
    }

    static func sortedContains(_ ids: [Int32], _ id: Int32) -> Bool {
        let k = ids.partitioningIndex { $0 >= id }
        return k < ids.count && ids[k] == id
    }
}

/// A word class compiled into a program: its one-word members are bits of
/// `MatchProgram.classMembers`; its longer phrases are sequences found by their first token.
struct ProgramClass: Sendable {
    var tokenClasses: TokenClass = []
    var first = FirstIds()
    /// Sequences that can start with a token of a built-in class, with the classes.
    var byTokenClass: [(classes: TokenClass, code: Code)] = []
    /// Sequences that can start with any token.
    var unindexed: [Code] = []
}

/// Every pattern of a phrasebook compiled into flat arrays of numbers: the lexicon of the keys
/// they mention, the instructions, the word classes and the index of entries by what they can
/// start with. The matcher reads it; nothing in it is a string. (Its parts are set by the
/// builder below and by the compiled-form reader, `MatchProgram+CompiledForm.swift`.)
struct MatchProgram: Sendable {
    var lexicon = Lexicon()
    var instructions: [Instruction] = []
    var pool: [Int32] = []
    var alternatives: [Code] = []
    var classes: [ProgramClass] = []
    /// Per lexicon id, a bit per word class it is a one-word member of (`classStride` words).
    var classMembers: [UInt64] = []
    var classStride = 1
    /// Per lexicon id, the (word class, sequence) pairs whose sequence can start with it, as
    /// indexes of `classSequences`.
    var classSequenceStarts = GroupedIndex()
    var classSequences: [(wordClass: Int32, code: Code)] = []
    var index = ProgramIndex()

    // MARK: building

    /// Compiles `elements` into the program.
    mutating func code(for elements: [PatternElement]) -> Code {
        var sequence: [Instruction] = []
        sequence.reserveCapacity(elements.count)
        for element in elements { sequence.append(instruction(for: element)) }
        let start = Int32(instructions.count)
        instructions += sequence
        return Code(start: start, end: Int32(instructions.count))
    }

    private mutating func instruction(for element: PatternElement) -> Instruction {
        switch element {
        case .word(let forms):
            let (a, b) = append(lexicon.intern(forms))
            return Instruction(operation: .word, a: a, b: b)
        case .not(let forms, let wordClasses):
            let (a, b) = append(lexicon.intern(forms))
            let (_, c) = append(wordClasses.map(Int32.init))
            return Instruction(operation: .not, a: a, b: b, c: c)
        case .tokenClass(let tokenClass):
            return Instruction(operation: .tokenClass, a: Int32(bitPattern: tokenClass.rawValue))
        case .punctuation(let mark):
            return Instruction(operation: .punctuation, a: lexicon.intern(mark))
        case .wordClass(let index):
            return Instruction(operation: .wordClass, a: Int32(index))
        case .choice(let sequences):
            let codes = sequences.map { code(for: $0) }
            let start = Int32(alternatives.count)
            alternatives += codes
            return Instruction(operation: .choice, a: start, b: Int32(alternatives.count))
        case .optional(let inner):
            let inner = code(for: inner)
            return Instruction(operation: .optional, a: inner.start, b: inner.end)
        case .gap(let size):
            return Instruction(operation: .gap, a: Int32(size))
        }
    }

    private mutating func append(_ values: [Int32]) -> (Int32, Int32) {
        let start = Int32(pool.count)
        pool += values
        return (start, Int32(pool.count))
    }

    /// Compiles the word classes (once, before any pattern refers to them is matched).
    mutating func compileClasses(_ wordClasses: [WordClass]) {
        classes = []
        var starts: [(key: Int32, value: Int32)] = []
        var members: [(id: Int32, wordClass: Int)] = []
        for (c, wordClass) in wordClasses.enumerated() {
            var compiled = ProgramClass(tokenClasses: wordClass.tokenClasses, first: firstIds(wordClass.first))
            for id in lexicon.intern(wordClass.words) { members.append((id, c)) }
            for (key, sequences) in wordClass.sequencesByKey.sorted(by: { $0.key < $1.key }) {
                let id = lexicon.intern(key)
                for s in sequences {
                    starts.append((id, Int32(classSequences.count)))
                    classSequences.append((Int32(c), code(for: wordClass.sequences[s])))
                }
            }
            for (tokenClasses, s) in wordClass.sequencesByClass {
                compiled.byTokenClass.append((tokenClasses, code(for: wordClass.sequences[s])))
            }
            for s in wordClass.unindexed { compiled.unindexed.append(code(for: wordClass.sequences[s])) }
            classes.append(compiled)
        }
        classStride = max(1, (wordClasses.count + 63) / 64)
        classMembers = Array(repeating: 0, count: lexicon.count * classStride)
        for (id, c) in members { classMembers[Int(id) * classStride + c / 64] |= 1 << UInt64(c % 64) }
        classSequenceStarts = GroupedIndex(keyCount: lexicon.count, pairs: starts)
    }

    /// A first set in ids (its keys numbered).
    mutating func firstIds(_ first: FirstSet) -> FirstIds {
        FirstIds(ids: lexicon.intern(first.keys), classes: first.classes, anyToken: first.anyToken)
    }

    /// Indexes the entries (after every pattern is compiled).
    mutating func buildIndex(_ entries: [IndexedEntry]) {
        index = ProgramIndex(entries: entries, lexicon: &lexicon)
    }

    // MARK: reading

    /// Whether lexicon id `id` is a one-word member of word class `wordClass`.
    @inline(__always)
    func isMember(_ id: Int32, of wordClass: Int) -> Bool {
        guard id >= 0 else { return false }
        let slot = Int(id) * classStride + wordClass / 64
        return slot < classMembers.count && classMembers[slot] & (1 << UInt64(wordClass % 64)) != 0
    }
}

/// Where each entry may start, in lexicon ids: by the id of the first token, by a built-in
/// class of it, or anywhere; entries with required words are tried only near an occurrence of
/// one of them. (Its parts are set by the builder below and by the compiled-form reader.)
struct ProgramIndex: Sendable {
    var byId = GroupedIndex()
    /// Per built-in class bit (`TokenClass` raw value bit), the entries that may start there.
    var byClassBit: [[Int32]] = Array(repeating: [], count: 32)
    var anywhere: [Int32] = []
    /// Per id, the entries that need it (or another of their required words).
    var requiring = GroupedIndex()
    /// Per entry: its first set and the most tokens it can span.
    var firsts: [FirstIds] = []
    var spans: [Int] = []

    init() {}

    init(entries: [IndexedEntry], lexicon: inout Lexicon) {
        var starts: [(key: Int32, value: Int32)] = []
        var required: [(key: Int32, value: Int32)] = []
        for (number, entry) in entries.enumerated() {
            let id = Int32(number)
            firsts.append(FirstIds(ids: lexicon.intern(entry.first.keys), classes: entry.first.classes, anyToken: entry.first.anyToken))
            spans.append(entry.span)
            if let words = entry.required, entry.span <= 32 {
                for key in lexicon.intern(words) { required.append((key, id)) }
                continue
            }
            if entry.first.anyToken {
                anywhere.append(id)
                continue
            }
            for key in firsts[number].ids { starts.append((key, id)) }
            var bits = entry.first.classes.rawValue
            while bits != 0 {
                byClassBit[bits.trailingZeroBitCount].append(id)
                bits &= bits - 1
            }
        }
        byId = GroupedIndex(keyCount: lexicon.count, pairs: starts)
        requiring = GroupedIndex(keyCount: lexicon.count, pairs: required)
    }

    var count: Int { firsts.count }

    /// Calls `body` with each entry that may start at a token with this id and these classes;
    /// an entry admitted twice (by its id and by a class) may be passed twice.
    @inline(__always)
    func forEachCandidate(id: Int32, classes: TokenClass, _ body: (Int) -> Void) {
        for entry in byId.values(of: id) { body(Int(entry)) }
        var bits = classes.rawValue
        while bits != 0 {
            for entry in byClassBit[bits.trailingZeroBitCount] { body(Int(entry)) }
            bits &= bits - 1
        }
        for entry in anywhere { body(Int(entry)) }
    }
}
