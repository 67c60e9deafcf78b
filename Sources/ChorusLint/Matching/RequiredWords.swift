/// The words a match of a pattern cannot do without: a set of keys at least one of which must
/// occur in the clause (the most selective mandatory part of the pattern). A clause without
/// any of them is never searched for the pattern, the way a regular-expression engine looks for
/// a required literal before it runs. Nil when every part can be matched by some class or
/// word not listed (`{number}`, `!be`).
enum RequiredWords {
    /// The cheapest of the pattern's mandatory word sets by `cost` (by default, the fewest
    /// words); a set with a word found in every sentence is a poor filter and comes last.
    static func of(_ elements: [PatternElement], classRequired: [Set<String>?],
                   cost: (Set<String>) -> Int = { $0.count }) -> Set<String>? {
        var best: Set<String>?
        var bestCost = Int.max
        for set in mandatorySets(elements, classRequired: classRequired, cost: cost) {
            let total = cost(set) + (set.isDisjoint(with: commonWords) ? 0 : 1_000_000)
            if total < bestCost {
                best = set
                bestCost = total
            }
        }
        return best
    }

    /// The word sets of the pattern's mandatory parts (one of each set must occur in a match);
    /// inside a choice, each alternative contributes its cheapest set by `cost`.
    static func mandatorySets(_ elements: [PatternElement], classRequired: [Set<String>?],
                              cost: (Set<String>) -> Int = { $0.count }) -> [Set<String>] {
        elements.compactMap { of($0, classRequired: classRequired, cost: cost) }
    }

    /// Words so frequent in English prose that requiring them filters nothing.
    static let commonWords: Set<String> = [
        "the", "a", "an", "to", "of", "and", "or", "but", "in", "on", "at", "by", "for", "with", "from", "as", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "done",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "we", "it", "this", "that",
        "these", "those", "our", "us", "you", "your", "i", "my", "they", "their", "them", "he", "she", "his", "her", "some",
        "all", "any", "more", "most", "other", "such", "than", "then", "there", "here", "when", "where", "which", "who",
        "what", "how", "why", "if", "so", "up", "out", "down", "over", "after", "before", "also", "only", "just", "now",
        "new", "one", "two", "time", "get", "got", "make", "made", "see", "use", "used", "work", "working", "issue",
        "issues", "service", "services", "customers", "users", "update", "updates", "team", "its", "it's", "we're",
        "we'll", "we've", "'s", ",", ":", ".", "(", ")", "-", "—", "'", "\"",
    ]

    private static func of(_ element: PatternElement, classRequired: [Set<String>?],
                           cost: (Set<String>) -> Int) -> Set<String>? {
        switch element {
        case .word(let forms): return forms
        case .punctuation(let mark): return [mark]
        case .wordClass(let index): return index < classRequired.count ? classRequired[index] : nil
        case .choice(let alternatives):
            var union = Set<String>()
            for alternative in alternatives {
                // The alternative's own cheapest set ("zorvex" rather than "database" in
                // "database zorvex"), so that the choice is as selective as its parts.
                guard let set = of(alternative, classRequired: classRequired, cost: cost) else { return nil }
                union.formUnion(set)
            }
            return union
        case .optional, .gap, .not, .tokenClass: return nil
        }
    }

    /// A class's required words: the union over its alternatives, nil when one has none.
    static func of(_ wordClass: WordClass, classRequired: [Set<String>?]) -> Set<String>? {
        guard wordClass.tokenClasses.isEmpty else { return nil }
        var union = wordClass.words
        for sequence in wordClass.sequences {
            guard let set = of(sequence, classRequired: classRequired) else { return nil }
            union.formUnion(set)
        }
        return union
    }
}

/// The most tokens a match of a pattern can span: a match containing a required word starts at
/// most this many tokens before it.
enum PatternLength {
    /// More tokens than any compiled pattern spans (a read-back program claiming more is damaged).
    static let largest = 1 << 16

    static func maximum(_ elements: [PatternElement], classMaximum: [Int]) -> Int {
        elements.reduce(0) { $0 + maximum($1, classMaximum: classMaximum) }
    }

    static func maximum(_ element: PatternElement, classMaximum: [Int]) -> Int {
        switch element {
        case .word, .not, .tokenClass, .punctuation: return 1
        case .gap(let n): return n
        case .wordClass(let index): return index < classMaximum.count ? classMaximum[index] : 64
        case .choice(let alternatives): return alternatives.map { maximum($0, classMaximum: classMaximum) }.max() ?? 0
        case .optional(let inner): return maximum(inner, classMaximum: classMaximum)
        }
    }

    static func maximum(_ wordClass: WordClass, classMaximum: [Int]) -> Int {
        max(wordClass.words.isEmpty && wordClass.tokenClasses.isEmpty ? 0 : 1,
            wordClass.sequences.map { maximum($0, classMaximum: classMaximum) }.max() ?? 0)
    }
}
