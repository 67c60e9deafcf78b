import ChorusSupport

/// One phrasebook entry compiled for matching.
struct CompiledEntry: Sendable {
    /// The pattern in the phrasebook's program.
    var code: Code
    /// The conditions of the entry's section.
    var conditions: [Condition]

    /// Whether a condition looks at what comes right before the match (`preceded by`).
    var checksWhatPrecedes: Bool {
        conditions.contains { $0.tests.contains { if case .precededBy = $0 { true } else { false } } }
    }
}

/// What the index needs to know of an entry: what it can start with, the words it cannot do
/// without (if any), and the most tokens it can span.
struct IndexedEntry {
    var first: FirstSet
    var required: Set<String>?
    var span: Int
}

/// Compiles parsed sections: word classes first (in dependency order, cycles refused), then
/// every entry, with its section's conditions, into patterns and one index. Collects every
/// problem with its position.
struct PhrasebookCompiler {
    private(set) var entries: [PhrasebookEntry] = []
    private(set) var compiled: [CompiledEntry] = []
    /// Per entry: its pattern, for the index and the checks (not kept after compiling).
    private var patterns: [[PatternElement]] = []
    private(set) var wordClasses: [WordClass] = []
    /// Every pattern, word class and condition phrase compiled, and the index of entries.
    private(set) var program = MatchProgram()
    private(set) var identifierParts: Set<String> = []
    private(set) var hostLabels: Set<String> = []
    /// Per entry: whether `--fix` may apply its single substitute (a plain term).
    private(set) var fixable: [Bool] = []
    private(set) var problems: [PhrasebookError.Problem] = []

    private var classIndex: [String: Int] = [:]
    /// The first sets of the word classes, once they are built.
    private var classFirsts: [FirstSet] = []
    /// The required words of the word classes, once they are built.
    private var classRequired: [Set<String>?] = []
    /// The longest phrase of each word class, in tokens.
    private var classMaximum: [Int] = []
    private var classLocations: [PhrasebookLocation] = []

    mutating func compile(_ sections: [ParsedSection]) {
        collectClasses(sections)
        compileClasses(sections)
        program.compileClasses(wordClasses)
        var negationCategories = Set<FindingCategory>()
        for section in sections where section.kind == .negation { if let c = section.category { negationCategories.insert(c) } }
        var seen: [String: PhrasebookLocation] = [:]
        for section in sections {
            switch section.kind {
            case .define:
                continue
            case .identifierParts, .hostLabels:
                for line in section.entries {
                    let word = String(String.UnicodeScalarView(line.phrase)).lowercased()
                    guard word.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) else {
                        problem(line.location, "expected one lowercase word of letters and digits, as in 'api' or 'prod'")
                        continue
                    }
                    if section.kind == .identifierParts { identifierParts.insert(word) } else { hostLabels.insert(word) }
                }
                continue
            default:
                break
            }
            guard let kind = section.kind.entryKind else { continue }
            let conditions = compileConditions(section, negationCategories: negationCategories)
            let rule = checkRule(section)
            for line in section.entries {
                let phrase = String(String.UnicodeScalarView(line.phrase))
                let nodes: [PatternNode]
                do {
                    nodes = try PhrasePattern.parse(PhrasebookCompiler.droppingFinalStop(line.phrase), column: line.location.column)
                } catch {
                    problem(line.location, column: error.column, error.message)
                    continue
                }
                if !section.kind.allowsPlaceholders, let column = PhrasebookCompiler.firstPlaceholderColumn(nodes) {
                    problem(line.location, column: column,
                            "placeholders such as {number} belong in a [pattern …] section, not [\(section.kind.rawValue) …]")
                    continue
                }
                let pattern: [PatternElement]
                do {
                    pattern = try PatternCompiler(classIndex: classIndex).compile(nodes)
                } catch {
                    problem(line.location, column: error.column, error.message)
                    continue
                }
                guard pattern.contains(where: PhrasebookCompiler.isWordLike) else {
                    problem(line.location, "empty phrase: there is no word to match")
                    continue
                }
                if pattern.allSatisfy(PhrasebookCompiler.isBroad) {
                    problem(line.location, "a phrase of placeholders only would match almost anything; add at least one word")
                    continue
                }
                guard !pattern.isEmpty, !PatternCompiler.canBeEmpty(pattern) else {
                    problem(line.location, "can never match: every part of '\(phrase)' is optional")
                    continue
                }
                if PhrasebookCompiler.isGap(pattern.first) {
                    problem(line.location, "a phrase cannot start with a gap; start it with a word")
                    continue
                }
                if PhrasebookCompiler.isGap(pattern.last) {
                    problem(line.location, "a phrase cannot end with a gap; end it with a word")
                    continue
                }
                let duplicateKey = "\(kind.rawValue)|\(section.category?.rawValue ?? "*")|" + pattern.map(\.canonical).joined(separator: " ")
                if let first = seen[duplicateKey] {
                    problem(line.location, "duplicate: '\(phrase)' matches what the entry at \(first) already matches")
                    continue
                }
                seen[duplicateKey] = line.location
                let entry = PhrasebookEntry(kind: kind, category: section.category, phrase: phrase,
                                            suggestions: line.suggestions.isEmpty ? section.suggestion.map { [$0] } ?? [] : line.suggestions,
                                            message: section.message, conditions: conditions.map(\.text), rule: rule,
                                            location: line.location)
                entries.append(entry)
                patterns.append(pattern)
                compiled.append(CompiledEntry(code: program.code(for: pattern), conditions: conditions))
                fixable.append(kind == .substitution && line.suggestions.count == 1 && PhrasePattern.isPlain(line.phrase))
            }
        }
        buildIndex()
        checkShadowedEntries()
    }

    /// The column of the first `{placeholder}` or gap in a phrase, if any.
    static func firstPlaceholderColumn(_ nodes: [PatternNode]) -> Int? {
        for node in nodes {
            switch node {
            case .placeholder(_, let column), .gap(_, let column): return column
            case .choice(let alternatives, _), .not(let alternatives, _):
                for alternative in alternatives { if let column = firstPlaceholderColumn(alternative) { return column } }
            case .optional(let inner, _):
                if let column = firstPlaceholderColumn(inner) { return column }
            case .text, .exact: break
            }
        }
        return nil
    }

    /// Whether an element matches a word (not only punctuation).
    static func isWordLike(_ element: PatternElement) -> Bool {
        switch element {
        case .punctuation, .gap: return false
        case .optional(let inner): return inner.contains(where: isWordLike)
        case .choice(let alternatives): return alternatives.contains { $0.contains(where: isWordLike) }
        default: return true
        }
    }

    /// An element that matches almost any word: `{word}`, `{number}`, `{name}`, `{capitalized}`,
    /// a gap, or an optional part.
    static func isBroad(_ element: PatternElement) -> Bool {
        switch element {
        case .tokenClass(let c): return !c.isDisjoint(with: [.word, .number, .name, .capitalized, .unit])
            && c.isSubset(of: [.word, .number, .name, .capitalized, .unit])
        case .gap, .optional, .punctuation: return true
        default: return false
        }
    }

    /// `text` cut at every `separator`.
    static func split(_ text: String, on separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// A gap, or an optional part that is only a gap.
    static func isGap(_ element: PatternElement?) -> Bool {
        switch element {
        case .gap?: return true
        case .optional(let inner)?: return inner.count == 1 && isGap(inner.first)
        default: return false
        }
    }

    /// A phrase may end with the stop that ends its sentence (`This incident has been resolved.`).
    static func droppingFinalStop(_ phrase: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars = phrase
        while let last = scalars.last, [".", "!", "?"].contains(last), scalars.count > 1, scalars[scalars.count - 2] != "\\" {
            scalars.removeLast()
        }
        return scalars
    }

    private mutating func problem(_ location: PhrasebookLocation, column: Int? = nil, _ message: String) {
        problems.append(.init(file: location.file, line: location.line, column: column ?? location.column, message: message))
    }

    // MARK: word classes

    private mutating func collectClasses(_ sections: [ParsedSection]) {
        for section in sections where section.kind == .define {
            guard let name = section.name else { continue }
            if let existing = classIndex[name] {
                problem(section.location, "'{\(name)}' is already defined at \(classLocations[existing])")
                continue
            }
            classIndex[name] = wordClasses.count
            classLocations.append(section.location)
            wordClasses.append(WordClass(name: name))
        }
    }

    private mutating func compileClasses(_ sections: [ParsedSection]) {
        var alternatives = Array(repeating: [[PatternElement]](), count: wordClasses.count)
        var defined = Array(repeating: false, count: wordClasses.count)
        for section in sections where section.kind == .define {
            guard let name = section.name, let index = classIndex[name], !defined[index] else { continue }
            defined[index] = true
            for line in section.entries {
                do {
                    let nodes = try PhrasePattern.parse(line.phrase, column: line.location.column)
                    let pattern = try PatternCompiler(classIndex: classIndex).compile(nodes)
                    if pattern.isEmpty || PatternCompiler.canBeEmpty(pattern) {
                        problem(line.location, "an alternative of '{\(name)}' must match at least one word")
                    } else {
                        alternatives[index].append(pattern)
                    }
                } catch let error as PatternSyntaxError {
                    problem(line.location, column: error.column, error.message)
                } catch let error as PatternCompiler.Failure {
                    problem(line.location, column: error.column, error.message)
                } catch {
                    problem(line.location, "\(error)")
                }
            }
        }
        // Build in dependency order so a class's first keys can see the classes it starts with.
        var state = Array(repeating: 0, count: wordClasses.count) // 0 new, 1 building, 2 done
        var required = Array(repeating: Set<String>?.none, count: wordClasses.count)
        var maximum = Array(repeating: 64, count: wordClasses.count)
        func build(_ index: Int, path: [Int]) {
            if state[index] == 2 { return }
            if state[index] == 1 {
                let cycle = (path.drop { $0 != index } + [index]).map { "{\(wordClasses[$0].name)}" }.joined(separator: " → ")
                problem(classLocations[index], "'{\(wordClasses[index].name)}' refers to itself: \(cycle)")
                return
            }
            state[index] = 1
            for alternative in alternatives[index] {
                for reference in PatternCompiler.references(alternative) { build(reference, path: path + [index]) }
            }
            let firsts = wordClasses.map(\.first)
            for alternative in alternatives[index] {
                wordClasses[index].add(alternative, first: FirstSet.of(alternative, classFirsts: firsts))
            }
            required[index] = RequiredWords.of(wordClasses[index], classRequired: required)
            maximum[index] = PatternLength.maximum(wordClasses[index], classMaximum: maximum)
            state[index] = 2
        }
        for index in wordClasses.indices { build(index, path: []) }
        classFirsts = wordClasses.map(\.first)
        classRequired = required
        classMaximum = maximum
    }

    /// The section's `rule:` if it names a rule that reports its category.
    private mutating func checkRule(_ section: ParsedSection) -> String? {
        guard let name = section.rule, let location = section.ruleLocation else { return nil }
        guard section.kind.entryKind?.reports == true, let category = section.category else {
            problem(location, "only sections that report a category can name the rule that reports them")
            return nil
        }
        let candidates = Linter.phraseRules.filter { $0.categories.contains(category) }.map(\.id)
        guard candidates.contains(name) else {
            var message = "'\(name)' is not a rule that reports \(category.rawValue); expected "
                + candidates.map { "'\($0)'" }.joined(separator: " or ")
            if let near = NameSuggestion.closest(to: name, among: candidates) { message += "; did you mean '\(near)'?" }
            problem(location, message)
            return nil
        }
        return name
    }

    // MARK: conditions

    private mutating func compileConditions(_ section: ParsedSection, negationCategories: Set<FindingCategory>) -> [Condition] {
        var conditions: [Condition] = []
        for written in section.conditions {
            let text = String(String.UnicodeScalarView(written.text))
            var tests: [Condition.Test] = []
            var column = written.location.column
            var valid = true
            for part in PhrasebookCompiler.split(text, on: " and ") {
                let location = PhrasebookLocation(file: written.location.file, line: written.location.line, column: column)
                column += part.unicodeScalars.count + 5
                if let test = compileTest(part, at: location, category: section.category, negationCategories: negationCategories) {
                    tests.append(test)
                } else {
                    valid = false
                }
            }
            if valid { conditions.append(Condition(tests: tests, expected: written.expected, text: "\(written.expected ? "when" : "unless") \(text)")) }
        }
        return conditions
    }

    private mutating func compileTest(_ text: String, at location: PhrasebookLocation, category: FindingCategory?,
                                      negationCategories: Set<FindingCategory>) -> Condition.Test? {
        switch text {
        case "negated":
            guard let category else {
                problem(location, "'negated' needs a category: sections without one have no negation cues")
                return nil
            }
            guard negationCategories.contains(category) else {
                problem(location, "'negated' needs negation cues: add a [negation \(category.rawValue)] section")
                return nil
            }
            return .negated
        case "past": return .past
        case "future": return .future
        case "in name": return .inName
        case _ where text.hasPrefix("is "):
            let phrase = String(text.dropFirst(3))
            guard let pattern = compileConditionPhrase(phrase, column: location.column + 3, at: location) else { return nil }
            return .isPhrase(program.code(for: pattern))
        default:
            let parts = text.split(separator: " ", maxSplits: 2).map(String.init)
            let adjacent = parts.count == 3 && (parts[0] == "preceded" || parts[0] == "followed") && parts[1] == "by"
            guard parts.count == 3, parts[1] == "has" || adjacent, adjacent || Condition.Scope(rawValue: parts[0]) != nil else {
                var message = "unknown condition '\(text)'; expected one of " + Condition.keywords.map { "'\($0)'" }.joined(separator: ", ")
                    + ", or several joined by ' and '"
                if let near = NameSuggestion.closest(to: text, among: Condition.keywords) { message += "; did you mean '\(near)'?" }
                problem(location, message)
                return nil
            }
            let phraseColumn = location.column + parts[0].count + 5
            do {
                let nodes = try PhrasePattern.parse(Array(parts[2].unicodeScalars), column: phraseColumn)
                let pattern = try PatternCompiler(classIndex: classIndex).compile(nodes)
                guard !pattern.isEmpty, !PatternCompiler.canBeEmpty(pattern) else {
                    problem(location, "the phrase after '\(parts[1])' must match at least one word")
                    return nil
                }
                let code = program.code(for: pattern)
                if adjacent { return parts[0] == "preceded" ? .precededBy(code) : .followedBy(code) }
                return .has(Condition.Scope(rawValue: parts[0]) ?? .clause, code)
            } catch let error as PatternSyntaxError {
                problem(location, column: error.column, error.message)
            } catch let error as PatternCompiler.Failure {
                problem(location, column: error.column, error.message)
            } catch {
                problem(location, "\(error)")
            }
            return nil
        }
    }

    private mutating func compileConditionPhrase(_ phrase: String, column: Int, at location: PhrasebookLocation) -> [PatternElement]? {
        do {
            let nodes = try PhrasePattern.parse(Array(phrase.unicodeScalars), column: column)
            let pattern = try PatternCompiler(classIndex: classIndex).compile(nodes)
            guard !pattern.isEmpty, !PatternCompiler.canBeEmpty(pattern) else {
                problem(location, "the phrase of a condition must match at least one word")
                return nil
            }
            return pattern
        } catch let error as PatternSyntaxError {
            problem(location, column: error.column, error.message)
        } catch let error as PatternCompiler.Failure {
            problem(location, column: error.column, error.message)
        } catch {
            problem(location, "\(error)")
        }
        return nil
    }

    // MARK: entries no text can reach

    /// Indexes every entry by its first set, and by its required words chosen by how many other
    /// entries share them (a word many entries need, such as "database", filters little).
    private mutating func buildIndex() {
        var popularity: [String: Int] = [:]
        for pattern in patterns {
            for set in RequiredWords.mandatorySets(pattern, classRequired: classRequired) {
                for key in set { popularity[key, default: 0] += 1 }
            }
        }
        let indexed = patterns.map { pattern in
            let required = RequiredWords.of(pattern, classRequired: classRequired) { set in
                set.reduce(0) { $0 + (popularity[$1] ?? 0) }
            }
            return IndexedEntry(first: FirstSet.of(pattern, classFirsts: classFirsts), required: required,
                                span: PatternLength.maximum(pattern, classMaximum: classMaximum))
        }
        program.buildIndex(indexed)
    }

    /// A plain reported entry that an unconditional exception of its category (or of all), or a
    /// cadence phrase for an ETA, always overlaps can never be reported; one whose text an earlier
    /// one-word plain entry of its kind and category already matches is a duplicate.
    private mutating func checkShadowedEntries() {
        // The covering entries, by the keys they can start with.
        var covers: [String: [Int]] = [:]
        var coversAnywhere: [Int] = []
        for (id, entry) in entries.enumerated()
        where (entry.kind == .exception || entry.kind == .cadence) && compiled[id].conditions.isEmpty {
            let first = FirstSet.of(patterns[id], classFirsts: classFirsts)
            if first.anyToken || !first.classes.isEmpty { coversAnywhere.append(id) }
            for key in first.keys { covers[key, default: []].append(id) }
        }
        // One-word plain entries by every form they match, per kind and category.
        var owners: [String: Int] = [:]
        for (id, entry) in entries.enumerated() where entry.kind.reports && PhrasePattern.isPlain(Array(entry.phrase.unicodeScalars)) {
            let tokens = Tokenizer.tokenize(Array(entry.phrase.utf8), skipping: [], lexicon: program.lexicon)
            guard !tokens.isEmpty else { continue }
            let scope = "\(entry.kind.rawValue)|\(entry.category?.rawValue ?? "*")|"
            if tokens.count == 1, compiled[id].conditions.isEmpty {
                if let owner = owners[scope + tokens[0].key] {
                    problem(entry.location, "duplicate: '\(entry.phrase)' matches what '\(entries[owner].phrase)' at \(entries[owner].location) already matches")
                    continue
                }
                if case .word(let forms)? = patterns[id].first {
                    for form in forms where owners[scope + form] == nil { owners[scope + form] = id }
                }
            }
            let matcher = PatternMatcher(tokens: tokens, program: program)
            search: for k in tokens.indices {
                for other in (covers[tokens[k].key] ?? []) + coversAnywhere {
                    let cover = entries[other]
                    guard cover.kind == .cadence ? entry.category == .eta : (cover.category == nil || cover.category == entry.category),
                          let end = matcher.longest(compiled[other].code, at: k, limit: tokens.count), end > k else { continue }
                    let what = cover.kind == .cadence ? "cadence" : "exception"
                    problem(entry.location, "can never match: the \(what) '\(cover.phrase)' at \(cover.location) covers every form of '\(entry.phrase)'")
                    break search
                }
            }
        }
    }
}
