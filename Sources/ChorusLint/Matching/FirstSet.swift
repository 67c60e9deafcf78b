/// What a match of a pattern can start with: a token with one of these keys, a token of one of
/// these built-in classes, or (for `!word` and gaps) any word. The matcher tries a pattern only
/// at tokens its first set admits, so the cost of a text does not grow with the phrasebook.
struct FirstSet: Sendable, Equatable {
    var keys: Set<String> = []
    var classes: TokenClass = []
    var anyToken = false

    mutating func formUnion(_ other: FirstSet) {
        keys.formUnion(other.keys)
        classes.formUnion(other.classes)
        anyToken = anyToken || other.anyToken
    }

    /// The first set of `elements[i...]`, given the first sets of the word classes.
    static func of(_ elements: [PatternElement], from i: Int = 0, classFirsts: [FirstSet]) -> FirstSet {
        guard i < elements.count else { return FirstSet(anyToken: true) }
        switch elements[i] {
        case .word(let forms): return FirstSet(keys: forms)
        case .punctuation(let mark): return FirstSet(keys: [mark])
        case .tokenClass(let c): return FirstSet(classes: c)
        case .not, .gap: return FirstSet(anyToken: true)
        case .wordClass(let index): return index < classFirsts.count ? classFirsts[index] : FirstSet(anyToken: true)
        case .choice(let alternatives):
            var set = FirstSet()
            for alternative in alternatives { set.formUnion(of(alternative, classFirsts: classFirsts)) }
            return set
        case .optional(let inner):
            var set = of(inner, classFirsts: classFirsts)
            set.formUnion(of(elements, from: i + 1, classFirsts: classFirsts))
            return set
        }
    }
}
