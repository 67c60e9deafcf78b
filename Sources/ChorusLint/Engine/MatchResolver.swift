/// Finds every phrase of the phrasebook in a tokenized text, clause by clause, then applies
/// conditions, exceptions, stock phrases, cadence and the organization's vocabulary, and keeps
/// the leftmost-longest match per category.
struct MatchResolver {
    let tokens: [Token]
    let clauses: Clauses
    let phrasebook: Phrasebook

    private(set) var matches: [FindingCategory: [PhraseMatch]] = [:]
    private(set) var cadence: [PhraseMatch] = []
    private(set) var cadenceStated = false
    private(set) var internalNameExceptions: [Range<Int>] = []

    init(tokens: [Token], clauses: Clauses, phrasebook: Phrasebook) {
        self.tokens = tokens
        self.clauses = clauses
        self.phrasebook = phrasebook
    }

    private struct Hit {
        var entry: Int
        var tokens: Range<Int>
    }

    private struct HitEnd: Hashable {
        var entry: Int
        var end: Int
    }

    mutating func run(accepted: [VocabularyPhrase]) {
        var clauseEnd = Array(repeating: tokens.count, count: tokens.count)
        for clause in clauses.clauses { for k in clause.tokens { clauseEnd[k] = clause.tokens.upperBound } }
        let program = phrasebook.program
        let matcher = PatternMatcher(tokens: tokens, program: program, clauseEnd: clauseEnd)
        var hits: [Hit] = []
        var acceptedRanges: [Range<Int>] = []
        let index = program.index
        // The token an entry was last tried at, so an entry admitted twice is tried once.
        var triedAt = Array(repeating: -1, count: index.count)
        func attempt(_ entry: Int, at k: Int, limit: Int) {
            guard triedAt[entry] != k else { return }
            triedAt[entry] = k
            if var end = matcher.longest(phrasebook.compiled[entry].code, at: k, limit: limit), end > k {
                // A match ends on a word: punctuation and opaque stretches a gap took are not part of it.
                while end > k + 1, tokens[end - 1].isPunctuation || tokens[end - 1].isOpaque { end -= 1 }
                hits.append(Hit(entry: entry, tokens: k..<end))
            }
        }
        // Starts already tried per entry with required words: the windows before two occurrences overlap.
        var windowTried: [Int: Int] = [:]
        for clause in clauses.clauses {
            let limit = clause.tokens.upperBound
            windowTried.removeAll(keepingCapacity: true)
            // Entries with required words: only where a match could contain one.
            for p in clause.tokens where !tokens[p].isOpaque {
                for required in index.requiring.values(of: tokens[p].id) {
                    let entry = Int(required)
                    let first = max(clause.tokens.lowerBound, p - index.spans[entry] + 1, (windowTried[entry] ?? -1) + 1)
                    guard first <= p else { continue }
                    for k in first...p where !tokens[k].isOpaque && index.firsts[entry].admits(tokens[k].id, tokens[k].classes) {
                        attempt(entry, at: k, limit: limit)
                    }
                    windowTried[entry] = p
                }
            }
            for k in clause.tokens where !tokens[k].isOpaque {
                index.forEachCandidate(id: tokens[k].id, classes: tokens[k].classes) { entry in attempt(entry, at: k, limit: limit) }
                for phrase in accepted {
                    if let end = phrase.longestMatch(in: tokens, at: k, limit: limit) { acceptedRanges.append(k..<end) }
                }
            }
        }
        let categories = FindingCategory.allCases
        var negationEnds = Array(repeating: [Int](), count: categories.count)
        for hit in hits where phrasebook.entries[hit.entry].kind == .negation {
            if let category = phrasebook.entries[hit.entry].category { negationEnds[category.ordinal].append(hit.tokens.upperBound) }
        }
        for k in negationEnds.indices { negationEnds[k].sort() }
        let context = ConditionContext(tokens: tokens, clauses: clauses, matcher: matcher, negationEnds: negationEnds)

        // A hit that is the tail of a longer hit of the same entry (the same end, a later start:
        // "partner …" inside "our partner …") is not judged on its own: `preceded by` is checked
        // where the match can start earliest, so an optional word cannot dodge it ("with our
        // partner").
        var earliestStart: [HitEnd: Int] = [:]
        for hit in hits where phrasebook.compiled[hit.entry].checksWhatPrecedes {
            let key = HitEnd(entry: hit.entry, end: hit.tokens.upperBound)
            earliestStart[key] = min(earliestStart[key] ?? hit.tokens.lowerBound, hit.tokens.lowerBound)
        }

        var candidates = Array(repeating: [Hit](), count: categories.count)
        var exceptions = Array(repeating: [Range<Int>](), count: categories.count)
        var everywhere: [Range<Int>] = []
        var cadenceRanges: [Range<Int>] = []
        for hit in hits {
            if let earliest = earliestStart[HitEnd(entry: hit.entry, end: hit.tokens.upperBound)], earliest < hit.tokens.lowerBound {
                continue
            }
            let entry = phrasebook.entries[hit.entry]
            let conditions = phrasebook.compiled[hit.entry].conditions
            guard conditions.allSatisfy({ context.holds($0, category: entry.category, start: hit.tokens.lowerBound, end: hit.tokens.upperBound) })
            else { continue }
            switch entry.kind {
            case .existence, .substitution, .pattern:
                if let category = entry.category { candidates[category.ordinal].append(hit) }
            case .exception:
                if let category = entry.category {
                    exceptions[category.ordinal].append(hit.tokens)
                    if category == .internalName { internalNameExceptions.append(byteRange(hit.tokens)) }
                } else {
                    everywhere.append(hit.tokens)
                    internalNameExceptions.append(byteRange(hit.tokens))
                }
            case .stock:
                everywhere.append(hit.tokens)
                internalNameExceptions.append(byteRange(hit.tokens))
            case .cadence:
                cadenceRanges.append(hit.tokens)
                cadence.append(PhraseMatch(entry: hit.entry, start: tokens[hit.tokens.lowerBound].start,
                                           end: tokens[hit.tokens.upperBound - 1].end, tokens: hit.tokens))
                if namesATime(hit.tokens) { cadenceStated = true }
            case .accept:
                acceptedRanges.append(hit.tokens)
            case .negation:
                break
            }
        }
        for range in acceptedRanges { internalNameExceptions.append(byteRange(range)) }
        let everywhereSet = IntervalSet(everywhere)
        let cadenceSet = IntervalSet(cadenceRanges)
        let acceptedSet = IntervalSet(acceptedRanges)
        for category in categories where !candidates[category.ordinal].isEmpty {
            let own = IntervalSet(exceptions[category.ordinal])
            var kept = candidates[category.ordinal].filter { hit in
                let (s, e) = (hit.tokens.lowerBound, hit.tokens.upperBound)
                if everywhereSet.overlaps(s, e) || own.overlaps(s, e) { return false }
                if category == .eta, cadenceSet.overlaps(s, e) { return false }
                // The organization's own names are never jargon or internal names, nor the party
                // blamed (which a blame phrase names at its start or its end).
                if category == .jargon || category == .internalName, acceptedSet.overlaps(s, e) { return false }
                if category == .blame, acceptedSet.overlaps(s, s + 1) || acceptedSet.overlaps(e - 1, e) { return false }
                return true
            }
            kept.sort { a, b in
                a.tokens.lowerBound != b.tokens.lowerBound ? a.tokens.lowerBound < b.tokens.lowerBound
                    : a.tokens.upperBound != b.tokens.upperBound ? a.tokens.upperBound > b.tokens.upperBound : a.entry < b.entry
            }
            var selected: [PhraseMatch] = []
            var lastEnd = -1
            for hit in kept where hit.tokens.lowerBound >= lastEnd {
                selected.append(PhraseMatch(entry: hit.entry, start: tokens[hit.tokens.lowerBound].start,
                                            end: tokens[hit.tokens.upperBound - 1].end, tokens: hit.tokens))
                lastEnd = hit.tokens.upperBound
            }
            matches[category] = selected
        }
    }

    private func byteRange(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end
    }

    /// Words that name a time for the next update; "soon" and "shortly" do not.
    static let timeWords: Set<String> = [
        "hour", "hours", "minute", "minutes", "tomorrow", "tonight", "noon", "midnight", "morning", "afternoon", "evening",
        "today", "week", "day", "days",
    ]

    /// Whether a cadence phrase names a time: a number, clock time, date, weekday, month,
    /// duration, or one of `timeWords`.
    private func namesATime(_ range: Range<Int>) -> Bool {
        range.contains { k in
            let token = tokens[k]
            return !token.classes.isDisjoint(with: [.number, .time, .date, .weekday, .month, .duration, .ordinal])
                || MatchResolver.timeWords.contains(token.key)
        }
    }
}
