/// A condition on a match, written under a section header as `when: …` (must hold) or
/// `unless: …` (must not hold):
///
/// - `negated`: a negation cue of the section's category (its `[negation CATEGORY]` entries)
///   stands at most six words before the match, in its clause;
/// - `past`: the clause reads as past narrative (`was`, `had`, `did`, a past verb after its
///   subject…) and has no future or modal marker (`will`, `should`, `expect`, `may`…);
/// - `future`: the clause has a future or modal marker;
/// - `in name`: the match is part of a capitalized name (`Azure Container Instances`);
/// - `subject has PHRASE`, `clause has PHRASE`, `before has PHRASE`, `after has PHRASE`,
///   `sentence has PHRASE`: the phrase occurs in the clause's subject (the words before its first
///   verb), the clause, the clause before or after the match, or the sentence;
/// - `preceded by PHRASE`, `followed by PHRASE`: the phrase ends right before the match (its
///   earliest start: the resolver does not judge the tail of a longer match of the same entry), or
///   starts right after it, in its clause;
/// - `is PHRASE`: the match itself is the phrase (`unless: is {plain-acronym}`);
/// - several tests joined by ` and `: all of them (`unless: future and clause has {timing}`).
struct Condition: Sendable {
    enum Scope: String, Sendable, CaseIterable {
        case subject, clause, before, after, sentence
    }

    enum Test: Sendable {
        case negated, past, future, inName
        case has(Scope, Code)
        /// The phrase ends right where the match starts.
        case precededBy(Code)
        /// The phrase starts right where the match ends.
        case followedBy(Code)
        /// The match itself is exactly this phrase.
        case isPhrase(Code)
    }

    /// Tests joined by `and`: the condition is true when all of them are.
    var tests: [Test]
    /// True for `when:`, false for `unless:`.
    var expected: Bool
    /// As written, for documentation: `unless past`.
    var text: String

    static let keywords = ["negated", "past", "future", "in name", "preceded by", "followed by", "is"]
        + Scope.allCases.map { "\($0.rawValue) has" }
}

/// The facts conditions are evaluated against.
///
/// Facts that depend only on a match's clause or sentence (tense, the subject's end, whether a
/// phrase occurs in it, where its first match ends and its last starts) are worked out once per
/// clause or sentence and kept: a clause with thousands of matches is read once, not once per
/// match. A context lives for one lint run and is never shared between threads.
final class ConditionContext {
    let tokens: [Token]
    let clauses: Clauses
    let matcher: PatternMatcher
    /// Per category (by ordinal): token indexes where a negation cue ends, sorted.
    let negationEnds: [[Int]]

    /// How far back (in tokens) a negation reaches: "we do *not* yet have any reason to believe".
    static let negationReach = 6

    /// Per clause: 0 not yet known, 1 false, 2 true.
    private var past: [UInt8]
    private var future: [UInt8]
    /// Per clause: the end of its subject, -1 while not yet known.
    private var subjectEnds: [Int]
    /// Per token: 0 not yet known, 1 not in a capitalized name, 2 in one.
    private var inName: [UInt8]
    /// Per (clause, phrase): where the clause's matches of the phrase lie.
    private var spans: [Key: PhraseSpan] = [:]
    /// Per (sentence, phrase): whether the sentence holds a match.
    private var sentenceHas: [Key: Bool] = [:]

    private struct Key: Hashable {
        var unit: Int
        var start: Int32
        var end: Int32
        init(_ unit: Int, _ code: Code) { (self.unit, start, end) = (unit, code.start, code.end) }
    }

    /// The smallest end of any match of a phrase in a clause, and the largest start: the phrase
    /// occurs before token `s` when `firstEnd <= s`, and after token `e` when `lastStart >= e`.
    private struct PhraseSpan {
        var firstEnd: Int
        var lastStart: Int
    }

    init(tokens: [Token], clauses: Clauses, matcher: PatternMatcher, negationEnds: [[Int]]) {
        self.tokens = tokens
        self.clauses = clauses
        self.matcher = matcher
        self.negationEnds = negationEnds
        past = Array(repeating: 0, count: clauses.clauses.count)
        future = past
        subjectEnds = Array(repeating: -1, count: clauses.clauses.count)
        inName = Array(repeating: 0, count: tokens.count)
    }

    func holds(_ condition: Condition, category: FindingCategory?, start: Int, end: Int) -> Bool {
        condition.tests.allSatisfy { evaluate($0, category: category, start: start, end: end) } == condition.expected
    }

    private func evaluate(_ test: Condition.Test, category: FindingCategory?, start: Int, end: Int) -> Bool {
        let clauseIndex = clauses.clauseOfToken[start]
        let clause = clauses.clauses[clauseIndex].tokens
        switch test {
        case .negated:
            guard let category else { return false }
            // A cue at most `negationReach` tokens before the match, in its clause, with no
            // punctuation between them ("azure doesn't acknowledge, probably related…").
            let ends = negationEnds[category.ordinal]
            // The cues ending in start - reach ... start, found by binary search (ends are sorted).
            let lowest = max(clause.lowerBound + 1, start - ConditionContext.negationReach)
            var k = ends.partitioningIndex { $0 >= lowest }
            while k < ends.count, ends[k] <= start {
                let end = ends[k]
                if !(end..<start).contains(where: { tokens[$0].isPunctuation || tokens[$0].isOpaque }) { return true }
                k += 1
            }
            return false
        case .past:
            return remembered(&past[clauseIndex]) { Grammar.isPast(tokens, clause: clause) }
        case .future:
            return remembered(&future[clauseIndex]) { Grammar.hasFutureMarker(tokens, in: clause) }
        case .inName:
            return isInName(start, clause: clause)
        case .precededBy(let phrase):
            let from = max(clause.lowerBound, start - 8)
            return (from..<start).contains { k in matcher.ends(phrase, at: k, limit: start).contains(start) }
        case .isPhrase(let phrase):
            return matcher.ends(phrase, at: start, limit: end).contains(end)
        case .followedBy(let phrase):
            return end < clause.upperBound && (matcher.longest(phrase, at: end, limit: clause.upperBound) ?? end) > end
        case .has(.sentence, let phrase):
            let sentence = clauses.clauses[clauseIndex].sentence
            let key = Key(sentence, phrase)
            if let known = sentenceHas[key] { return known }
            let found = matcher.firstMatch(phrase, in: clauses.sentences[sentence]) != nil
            sentenceHas[key] = found
            return found
        case .has(let scope, let phrase):
            // A match inside a part of the clause is a match in the clause that ends (or
            // starts) within that part: a nearer limit only removes ends past it.
            guard let span = span(of: phrase, inClause: clauseIndex) else { return false }
            switch scope {
            case .clause, .sentence: return true
            case .before: return span.firstEnd <= start
            case .after: return span.lastStart >= min(end, clause.upperBound)
            case .subject: return span.firstEnd <= subjectEnd(clauseIndex)
            }
        }
    }

    private func remembered(_ slot: inout UInt8, _ compute: () -> Bool) -> Bool {
        if slot == 0 { slot = compute() ? 2 : 1 }
        return slot == 2
    }

    private func subjectEnd(_ clauseIndex: Int) -> Int {
        if subjectEnds[clauseIndex] < 0 {
            subjectEnds[clauseIndex] = Grammar.subjectEnd(tokens, clause: clauses.clauses[clauseIndex].tokens)
        }
        return subjectEnds[clauseIndex]
    }

    private func span(of phrase: Code, inClause clauseIndex: Int) -> PhraseSpan? {
        let key = Key(clauseIndex, phrase)
        if let known = spans[key] { return known.firstEnd < 0 ? nil : known }
        let clause = clauses.clauses[clauseIndex].tokens
        var span = PhraseSpan(firstEnd: Int.max, lastStart: -1)
        for k in clause {
            guard let shortest = matcher.shortest(phrase, at: k, limit: clause.upperBound) else { continue }
            span.firstEnd = min(span.firstEnd, shortest)
            span.lastStart = k
        }
        if span.lastStart < 0 { span.firstEnd = -1 }
        spans[key] = span
        return span.firstEnd < 0 ? nil : span
    }

    /// Whether token `k` belongs to a run of two or more capitalized words (`Azure Container
    /// Instances`), at least one of them not an acronym; kept for the whole run of capitalized words it reads.
    private func isInName(_ k: Int, clause: Range<Int>) -> Bool {
        if inName[k] != 0 { return inName[k] == 2 }
        guard let run = Grammar.capitalizedRun(tokens, k, clause: clause) else {
            inName[k] = 1
            return false
        }
        let answer = Grammar.isName(tokens, run)
        for i in run { inName[i] = answer ? 2 : 1 }
        return answer
    }
}

/// Rough English grammar over tokens: enough to tell a clause's subject, tense and names apart.
/// These are language facts, not policy: what counts as speculation or an ETA lives in the
/// phrasebook.
enum Grammar {
    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "will", "would", "shall", "should", "can",
        "could", "may", "might", "must", "do", "does", "did", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
        "hadn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "doesn't", "don't", "didn't",
    ]
    static let pastWords: Set<String> = [
        "was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "been", "took", "went", "came", "began",
        "saw", "ran", "broke", "fell", "found", "made", "got", "gave", "kept", "left", "rose", "sent", "spent", "brought",
        "caught", "held", "lost", "told", "said", "thought", "knew", "became", "grew", "led", "ago", "yesterday",
        "done",
    ]
    static let futureWords: Set<String> = [
        "will", "shall", "would", "should", "going", "may", "might", "can", "could", "must", "won't", "shouldn't",
        "expect", "expects", "expected", "expecting", "anticipate", "anticipates", "anticipated", "estimate",
        "estimates", "estimated", "plan", "plans", "planned", "planning", "hope", "hopes", "hoping", "aim", "aims",
        "intend", "intends",
    ]
    /// Words after which an `-ed` word is not a finite past verb: `the expected time`, `is
    /// expected`, `to be restored`.
    static let notBeforeFiniteVerb: Set<String> = [
        "the", "a", "an", "these", "those", "our", "your", "their", "its", "his", "her", "my", "is", "are",
        "be", "been", "being", "am", "was", "were", "get", "gets", "got", "getting", "to", "of", "in", "on", "at", "by",
        "for", "with", "from", "as", "all", "some", "any", "no", "not", "more", "most", "less", "fully", "partially",
        "newly", "recently", "already", "now", "become", "becomes", "remain", "remains", "stay", "stays", "seem", "seems",
        "has", "have", "had", "will", "would", "should", "can", "could", "may", "might", "must", "and", "or", "still",
    ]

    /// Whether `tokens[k]` reads as a finite verb in the past: `-ed` after a subject word.
    static func isFinitePast(_ tokens: [Token], _ k: Int, clauseStart: Int) -> Bool {
        let key = tokens[k].key
        if pastWords.contains(key) { return true }
        guard key.hasSuffix("ed"), key.count >= 5, tokens[k].classes.contains(.word), k > clauseStart else { return false }
        let previous = tokens[k - 1]
        return previous.isWord && !notBeforeFiniteVerb.contains(previous.key) && !previous.key.hasSuffix("ly")
    }

    static func isFutureMarker(_ key: String) -> Bool {
        futureWords.contains(key) || key.hasSuffix("'ll") || key.hasSuffix("'d")
    }

    /// Participles that mark the future as verbs ("we expected", "is planned to end") but not as
    /// adjectives after a determiner ("the planned maintenance", "the expected time"), nor in a
    /// passive in the past ("the outage was estimated at 30 minutes").
    static let adjectivalParticiples: Set<String> = ["expected", "anticipated", "estimated", "planned"]
    /// Words after which those participles are not the future: determiners, and the past forms
    /// of "be" that make a participle a past passive.
    static let beforeNonFutureParticiple: Set<String> = [
        "the", "a", "an", "our", "your", "their", "its", "this", "that", "these", "those", "his", "her", "my", "was", "were",
    ]

    /// Words before "May" that make it the month: "on 3 May", "in May", "since May".
    static let beforeMonth: Set<String> = ["on", "in", "since", "from", "until", "till", "by", "of", "early", "late", "mid", "during", "through"]

    /// Whether `tokens[k]` is "May" the month rather than the modal: next to a day number ("3 May",
    /// "May 12", "12th of May") or after a date preposition ("in May", "since May").
    static func isMonthMay(_ tokens: [Token], _ k: Int) -> Bool {
        guard tokens[k].key == "may" else { return false }
        let dayNumber: TokenClass = [.number, .ordinal]
        if k + 1 < tokens.count, !tokens[k + 1].classes.isDisjoint(with: dayNumber) { return true }
        guard k > 0 else { return false }
        let previous = tokens[k - 1]
        return !previous.classes.isDisjoint(with: dayNumber) || beforeMonth.contains(previous.key)
    }

    static func hasFutureMarker(_ tokens: [Token], in range: Range<Int>) -> Bool {
        range.contains { k in
            let key = tokens[k].key
            guard isFutureMarker(key), !isMonthMay(tokens, k) else { return false }
            return !(adjectivalParticiples.contains(key) && k > range.lowerBound && beforeNonFutureParticiple.contains(tokens[k - 1].key))
        }
    }

    /// Past narrative: a past marker in the clause, and no future or modal marker.
    static func isPast(_ tokens: [Token], clause: Range<Int>) -> Bool {
        guard !hasFutureMarker(tokens, in: clause) else { return false }
        if clause.contains(where: { isFinitePast(tokens, $0, clauseStart: clause.lowerBound) }) { return true }
        // "has been resolved", "have restored"
        return clause.contains { k in
            ["has", "have", "hasn't", "haven't"].contains(tokens[k].key) && k + 1 < clause.upperBound
                && (tokens[k + 1].key == "been" || (tokens[k + 1].key.hasSuffix("ed") && tokens[k + 1].key.count >= 5))
        }
    }

    /// The end of the clause's subject: its first auxiliary or finite verb (or the clause's end).
    static func subjectEnd(_ tokens: [Token], clause: Range<Int>) -> Int {
        for k in clause {
            let key = tokens[k].key
            if auxiliaries.contains(key) || key.hasSuffix("'ll") || key.hasSuffix("'re") || key.hasSuffix("'ve") { return k }
            if k > clause.lowerBound, isFinitePast(tokens, k, clauseStart: clause.lowerBound) { return k }
        }
        return clause.upperBound
    }

    /// The run of capitalized words, joined by at most a space, that holds token `k` (nil when
    /// `k` is not capitalized).
    static func capitalizedRun(_ tokens: [Token], _ k: Int, clause: Range<Int>) -> ClosedRange<Int>? {
        // Title case or an acronym: "Azure Container Instances", "Amazon ECR" (not shouting: "DATABASE REPLICA").
        func capitalized(_ i: Int) -> Bool {
            // A function word ("The", "Our") opening a sentence is not part of a name.
            guard i >= clause.lowerBound, i < clause.upperBound else { return false }
            let classes = tokens[i].classes
            return classes.contains(.acronym) || (classes.contains(.titleCase) && classes.contains(.name))
        }
        guard capitalized(k) else { return nil }
        var first = k, last = k
        while capitalized(first - 1), tokens[first].spacing <= .space { first -= 1 }
        while capitalized(last + 1), tokens[last + 1].spacing <= .space { last += 1 }
        return first...last
    }

    /// A run of two or more capitalized words, at least one of them not an acronym.
    static func isName(_ tokens: [Token], _ run: ClosedRange<Int>) -> Bool {
        run.count > 1 && run.contains { !tokens[$0].classes.contains(.acronym) }
    }
}
