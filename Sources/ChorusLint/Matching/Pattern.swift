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

/// Runs compiled patterns over tokens. Every function returns all the places a match can end,
/// so the caller takes the longest. A class's ends at a token are computed once per text and
/// kept: many patterns start with the same classes (`{duration}`, `{third-party}`).
final class PatternMatcher {
    let tokens: [Token]
    let wordClasses: [WordClass]
    private var classMemo: [ClassPosition: [Int]] = [:]

    private struct ClassPosition: Hashable {
        var wordClass: Int
        var token: Int
        var limit: Int
    }

    init(tokens: [Token], wordClasses: [WordClass]) {
        self.tokens = tokens
        self.wordClasses = wordClasses
    }

    /// Ends of a match of `elements` starting at token `k`, not past `limit`.
    func ends(_ elements: [PatternElement], at k: Int, limit: Int) -> [Int] {
        var out: [Int] = []
        ends(elements, 0, at: k, limit: limit, into: &out)
        return out
    }

    /// The longest match of `elements` at `k`, if any.
    func longest(_ elements: [PatternElement], at k: Int, limit: Int) -> Int? {
        ends(elements, at: k, limit: limit).max()
    }

    private func ends(_ elements: [PatternElement], _ i: Int, at k: Int, limit: Int, into out: inout [Int]) {
        guard i < elements.count else {
            if !out.contains(k) { out.append(k) }
            return
        }
        switch elements[i] {
        case .word(let forms):
            guard k < limit, !tokens[k].isOpaque, forms.contains(tokens[k].key), !tokens[k].isPunctuation else { return }
            ends(elements, i + 1, at: k + 1, limit: limit, into: &out)
        case .not(let forms, let classes):
            guard k < limit, tokens[k].isWord, !forms.contains(tokens[k].key),
                  !classes.contains(where: { wordClasses[$0].words.contains(tokens[k].key) }) else { return }
            ends(elements, i + 1, at: k + 1, limit: limit, into: &out)
        case .tokenClass(let tokenClass):
            guard k < limit, !tokens[k].classes.isDisjoint(with: tokenClass) else { return }
            ends(elements, i + 1, at: k + 1, limit: limit, into: &out)
        case .punctuation(let mark):
            guard k < limit, tokens[k].isPunctuation, tokens[k].key == mark else { return }
            ends(elements, i + 1, at: k + 1, limit: limit, into: &out)
        case .wordClass(let index):
            for end in classEnds(index, at: k, limit: limit) {
                ends(elements, i + 1, at: end, limit: limit, into: &out)
            }
        case .choice(let alternatives):
            var inner: [Int] = []
            for alternative in alternatives { ends(alternative, 0, at: k, limit: limit, into: &inner) }
            for end in inner { ends(elements, i + 1, at: end, limit: limit, into: &out) }
        case .optional(let part):
            ends(elements, i + 1, at: k, limit: limit, into: &out)
            var inner: [Int] = []
            ends(part, 0, at: k, limit: limit, into: &inner)
            for end in inner where end != k { ends(elements, i + 1, at: end, limit: limit, into: &out) }
        case .gap(let size):
            var j = k
            while j <= min(k + size, limit) {
                ends(elements, i + 1, at: j, limit: limit, into: &out)
                // A gap never passes the end of a sentence.
                if j < limit, tokens[j].isPunctuation, Clauses.sentenceEnds.contains(tokens[j].key) { break }
                j += 1
            }
        }
    }

    /// Ends of one phrase of word class `index` starting at `k`.
    func classEnds(_ index: Int, at k: Int, limit: Int) -> [Int] {
        guard k < limit else { return [] }
        let wordClass = wordClasses[index]
        let token = tokens[k]
        guard wordClass.first.admits(token) else { return [] }
        let position = ClassPosition(wordClass: index, token: k, limit: limit)
        if let known = classMemo[position] { return known }
        var out: [Int] = []
        if !token.isOpaque, !token.isPunctuation, wordClass.words.contains(token.key) { out.append(k + 1) }
        if !wordClass.tokenClasses.isEmpty, !token.classes.isDisjoint(with: wordClass.tokenClasses), !out.contains(k + 1) {
            out.append(k + 1)
        }
        for s in wordClass.sequencesByKey[token.key] ?? [] { ends(wordClass.sequences[s], 0, at: k, limit: limit, into: &out) }
        for (classes, s) in wordClass.sequencesByClass where !token.classes.isDisjoint(with: classes) {
            ends(wordClass.sequences[s], 0, at: k, limit: limit, into: &out)
        }
        for s in wordClass.unindexed { ends(wordClass.sequences[s], 0, at: k, limit: limit, into: &out) }
        classMemo[position] = out
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
