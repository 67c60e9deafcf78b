/// Sentences and clauses of a tokenized text, the units rules match in: a pattern never spans a
/// clause boundary, and conditions (negated, past, subject…) are read off the clause.
///
/// A sentence ends at `.`, `!`, `?` or `…` (not after an abbreviation such as `e.g.` or
/// `approx.`), at a blank line, and at a line break before a list item, a heading, a capitalized
/// word, or after a colon; a single line break before a lower-case word is a soft wrap. A clause also ends at `;` and at
/// a spaced dash, and a new one starts at a conjunction that opens a clause (`but`, `however`,
/// `although`, `because`, `which`…), at `and`/`or`/`so` after a comma, before a subject
/// pronoun or before a modal (`…and will be fixed`), and at a subject pronoun after a comma (`If it recurs, we will…`).
struct Clauses: Sendable {
    struct Clause: Sendable, Equatable {
        var tokens: Range<Int>
        var sentence: Int
    }

    private(set) var clauses: [Clause] = []
    private(set) var sentences: [Range<Int>] = []
    /// The clause of each token.
    private(set) var clauseOfToken: [Int] = []

    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "approx", "vs", "incl", "mr", "mrs", "ms", "dr", "st", "no", "inc", "ltd", "co", "a.m", "p.m",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "min", "mins", "hr", "hrs",
        "ca", "cf", "est", "fig", "u.s", "u.k", "dept", "corp",
    ]
    static let clauseOpeners: Set<String> = [
        "but", "however", "although", "though", "whereas", "while", "because", "which", "whereby", "unfortunately",
    ]
    static let subjectPronouns: Set<String> = ["we", "they", "i", "you", "he", "she", "it", "there", "this", "our"]
    static let sentenceEnds: Set<String> = [".", "!", "?", "..."]
    static let listMarkers: Set<String> = ["-", "*", "•", "+", "#", "—"]

    init(_ tokens: [Token]) {
        clauseOfToken = Array(repeating: 0, count: tokens.count)
        guard !tokens.isEmpty else { return }
        var clauseStart = 0, sentenceStart = 0
        for k in 1..<tokens.count {
            if Clauses.sentenceBreak(before: k, in: tokens) {
                close(clauseStart, k)
                sentences.append(sentenceStart..<k)
                clauseStart = k
                sentenceStart = k
            } else if Clauses.clauseBreak(before: k, in: tokens) {
                close(clauseStart, k)
                clauseStart = k
            }
        }
        close(clauseStart, tokens.count)
        sentences.append(sentenceStart..<tokens.count)
    }

    private mutating func close(_ start: Int, _ end: Int) {
        guard end > start else { return }
        let index = clauses.count
        clauses.append(Clause(tokens: start..<end, sentence: sentences.count))
        for k in start..<end { clauseOfToken[k] = index }
    }

    /// The clause holding token `k`.
    func clause(of k: Int) -> Clause { clauses[clauseOfToken[k]] }

    /// The sentence holding token `k`.
    func sentence(of k: Int) -> Range<Int> { sentences[clauses[clauseOfToken[k]].sentence] }

    static func sentenceBreak(before k: Int, in tokens: [Token]) -> Bool {
        let token = tokens[k], previous = tokens[k - 1]
        if token.spacing == .paragraph { return true }
        if previous.classes.contains(.sentenceEnd) {
            // A closing quote or bracket right after the stop stays in the sentence, and a word
            // glued to a dot is a file type or a name (".whl", ".NET").
            if token.spacing == .none { return false }
            if k >= 2, previous.key == ".", tokens[k - 2].end == previous.start, abbreviations.contains(tokens[k - 2].key) {
                return token.spacing >= .line
            }
            return true
        }
        if token.spacing == .line {
            if token.isPunctuation, listMarkers.contains(token.key) { return true }
            if token.classes.contains(.number), k + 1 < tokens.count, [".", ")"].contains(tokens[k + 1].key),
               tokens[k + 1].start == token.end { return true }
            if previous.key == ":" || previous.key == ";" { return true }
            // A line that opens with a capitalized word starts a new sentence (a heading, a field of
            // a draft, a list without markers); a soft wrap goes on in lower case.
            if token.classes.contains(.titleCase) { return true }
            if previous.isOpaque, token.classes.contains(.capitalized) { return true }
        }
        return false
    }

    static func clauseBreak(before k: Int, in tokens: [Token]) -> Bool {
        let token = tokens[k], previous = tokens[k - 1]
        if previous.isPunctuation, previous.key == ";" { return true }
        if previous.isPunctuation, previous.key == "—", previous.spacing != .none || token.spacing != .none { return true }
        // The word lists are token classes, found once per distinct word by the tokenizer.
        guard token.classes.contains(.word), !token.classes.isDisjoint(with: [.clauseOpener, .coordinator, .subjectPronoun]) else {
            return false
        }
        let next: Token? = k + 1 < tokens.count ? tokens[k + 1] : nil
        let nextIsSubject = next?.classes.contains(.subjectPronoun) ?? false
        let afterComma = previous.isPunctuation && previous.key == ","
        if token.classes.contains(.clauseOpener) {
            // "in a little while", "for a while": a noun, not a conjunction; "it looks as though
            // …" is one clause, as "it looks as if …" is.
            return !nounContext.contains(previous.key) && !(token.key == "though" && previous.key == "as")
        }
        if token.classes.contains(.coordinator) {
            if token.key == "so" { return afterComma || next?.key == "that" || nextIsSubject }
            // A second verb phrase with its own modal says something else about the same subject:
            // "it was probably our vendor | and will be fixed within the hour".
            if let next, Clauses.modals.contains(next.key) { return true }
            return afterComma || (nextIsSubject && next?.key != "this" && next?.key != "our")
        }
        return afterComma && token.key != "it" && token.key != "this"
    }

    /// Modals that open a coordinated verb phrase of its own after `and` / `or`.
    static let modals: Set<String> = ["will", "would", "should", "shall", "can", "could", "may", "might", "must", "won't"]

    /// Words before `while` (and the other openers) that make it a noun.
    private static let nounContext: Set<String> = ["a", "the", "little", "short", "long", "good", "brief", "this", "that", "for", "in", "of"]
}
