/// What the phrasebook-driven rules share: turning kept phrase matches of a category into
/// findings with the entry's message, suggestion and, when it fits the sentence, a fix.
enum PhraseRuleSupport {
    static func findings(of category: FindingCategory, rule: String, _ context: RuleContext,
                         into findings: inout RawFindings, labelled: ((Int) -> Bool)? = nil,
                         keep: ((PhraseMatch) -> Bool)? = nil) {
        guard let matches = context.document.matches[category] else { return }
        let phrasebook = context.phrasebook
        let document = context.document
        let main = Linter.mainRule[category] ?? rule
        // One wording per entry (and label and fix), shared by all its findings.
        var wordings: [WordingKey: FindingWording] = [:]
        for match in matches where keep?(match) ?? true {
            // A section may name the rule that reports it; the others go to the category's main rule.
            guard (phrasebook.entries[match.entry].rule ?? main) == rule else { continue }
            let text = document.text(match.start, match.end)
            var fix: String?
            if let form = phrasebook.fixForms[match.entry], let substitute = phrasebook.fixSubstitutes[match.entry],
               normalized(text) == form, SubstitutionFit.fits(substitute, replacing: match.tokens, in: document.tokens) {
                fix = cased(substitute, like: text, atSentenceStart: isSentenceStart(match.tokens.lowerBound, document))
            }
            let isLabelled = labelled?(match.start) ?? false
            let key = WordingKey(entry: match.entry, labelled: isLabelled, fix: fix)
            let wording = wordings[key] ?? {
                var template = phrasebook.messages[match.entry]
                if isLabelled { template = template.appending(" (in a section labelled as a hypothesis)") }
                let made = FindingWording(rule: rule, template: template, suggestion: phrasebook.suggestionTexts[match.entry], fix: fix)
                wordings[key] = made
                return made
            }()
            findings.append(wording, category: isLabelled ? .labelledSpeculation : category, start: match.start, end: match.end,
                            match: text, term: phrasebook.entries[match.entry].phrase)
        }
    }

    /// What findings of one phrasebook entry may differ in: the hypothesis label, and the fix
    /// (capitalized at a sentence start).
    private struct WordingKey: Hashable {
        let entry: Int
        let labelled: Bool
        let fix: String?
    }

    /// Lowercase, `’` as `'`, runs of whitespace as one space: how a term is compared with its
    /// listing for `--fix`.
    static func normalized(_ text: String) -> [UInt8] {
        Array(String(text.lowercased().map { $0 == "\u{2019}" ? "'" : $0 })
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").utf8)
    }

    /// `replacement` capitalized when the match starts a sentence with a capital
    /// (`Rollback failed` → `Reversal of the recent change failed`), as written otherwise.
    static func cased(_ replacement: String, like match: String, atSentenceStart: Bool) -> String {
        guard atSentenceStart, let first = match.first, first.isUppercase else { return replacement }
        return replacement.prefix(1).uppercased() + replacement.dropFirst()
    }

    private static func isSentenceStart(_ k: Int, _ document: Document) -> Bool {
        document.clauses.sentence(of: k).lowerBound == k
            || (k > 0 && [":", "-", "*", "#", ">", "(", "\""].contains(document.tokens[k - 1].key))
    }
}

/// Whether a substitute can stand where a term stood without breaking the sentence: its number
/// agrees with the determiner before the term (`a bad config` must not become `a bad settings`)
/// and with the verb after it (`the config was` must not become `the settings was`),
/// and a substitute of several words does not replace a term used as a modifier (`the on-call
/// engineer` must not become `the on duty engineer`). When it does not fit, the substitute is
/// still suggested; `--fix` leaves the term alone.
enum SubstitutionFit {
    static let singularDeterminers: Set<String> = ["a", "an", "one", "this", "that", "each", "every", "another", "single", "any"]
    static let pluralDeterminers: Set<String> = [
        "these", "those", "many", "several", "multiple", "both", "few", "various", "numerous", "two", "three", "four", "five",
    ]
    /// Words after a term that show it is not modifying a noun: verbs' helpers, prepositions,
    /// conjunctions, pronouns and determiners.
    static let notNouns: Set<String> = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "should", "can", "could", "may",
        "might", "must", "do", "does", "did", "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "as", "and",
        "or", "but", "so", "that", "which", "who", "when", "while", "because", "if", "then", "than", "we", "they", "it",
        "the", "a", "an", "this", "these", "those", "our", "your", "their", "its", "not", "no", "again", "now", "today",
        "after", "before", "during", "until", "since", "about", "over", "under", "through", "across", "also", "still",
        "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "didn't", "doesn't", "don't", "hasn't", "haven't",
    ]

    static func fits(_ substitute: String, replacing range: Range<Int>, in tokens: [Token]) -> Bool {
        let substituteWords = substitute.split(separator: " ").map { $0.lowercased() }
        guard let head = substituteWords.last, let termHead = range.isEmpty ? nil : tokens[range.upperBound - 1].key else {
            return false
        }
        // Number agreement with the determiner (skipping adjectives: "a bad config").
        var k = range.lowerBound - 1
        var adjectives = 0
        while k >= 0, adjectives < 3, tokens[k].classes.contains(.word),
              !singularDeterminers.contains(tokens[k].key), !pluralDeterminers.contains(tokens[k].key),
              !notNouns.contains(tokens[k].key) {
            k -= 1
            adjectives += 1
        }
        if k >= 0 {
            let determiner = tokens[k].key
            if singularDeterminers.contains(determiner), isPlural(head), !isPlural(termHead) { return false }
            if pluralDeterminers.contains(determiner), !isPlural(head), isPlural(termHead) { return false }
        }
        // Number agreement with the verb after the term: "our config was rolled back" must not
        // become "our settings was rolled back".
        if range.upperBound < tokens.count, isPlural(head) != isPlural(termHead) {
            let verb = tokens[range.upperBound].key
            if isPlural(head), singularVerbs.contains(verb) { return false }
            if !isPlural(head), pluralVerbs.contains(verb) { return false }
        }
        // A term modifying the next word takes only a substitute that can modify it too: a noun
        // compound ("API error" → "programming interface error"), not a phrase with a preposition
        // or an article ("on-call engineer" must not become "on duty engineer").
        if substituteWords.count > 1, substituteWords.contains(where: { notNouns.contains($0) || prepositions.contains($0) }),
           range.upperBound < tokens.count {
            let next = tokens[range.upperBound]
            if next.classes.contains(.word), next.spacing <= .space, !next.isPunctuation, !notNouns.contains(next.key),
               !next.key.hasSuffix("ed"), !next.key.hasSuffix("ly") {
                return false
            }
        }
        return true
    }

    static let prepositions: Set<String> = ["on", "off", "in", "out", "up", "down", "of", "with", "without", "by", "for", "to"]
    /// Verb forms that agree with one thing, and with several.
    static let singularVerbs: Set<String> = ["is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't"]
    static let pluralVerbs: Set<String> = ["are", "were", "have", "do", "aren't", "weren't", "haven't", "don't"]

    static func isPlural(_ word: String) -> Bool {
        if ["data", "people", "settings", "details", "news", "media"].contains(word) { return true }
        return word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
    }
}
