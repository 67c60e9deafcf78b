/// Turns parsed sections into entries, a vocabulary and one phrase trie, and checks what only
/// the whole phrasebook can tell: unknown placeholders, cycles between macros, duplicates, and
/// entries that can never match because an exception always covers them.
struct PhrasebookCompiler {
    private(set) var problems: [PhrasebookError.Problem] = []
    private(set) var entries: [PhrasebookEntry] = []
    /// Per entry: `--fix` may apply its single substitute to a match written exactly like it.
    private(set) var fixable: [Bool] = []
    private(set) var identifierParts: Set<String> = []
    private(set) var hostLabels: Set<String> = []
    private(set) var vocabulary = Vocabulary()
    /// Per entry: its compiled forms.
    private var expansions: [[[CompiledStep]]] = []
    /// Per macro: its name, where it was defined, and its compiled forms.
    private var macros: [(name: String, location: PhrasebookLocation, forms: [[CompiledStep]])] = []
    private var cyclicMacros = false

    /// One step of a compiled phrase and the token it stands for when a phrase is read as text.
    struct CompiledStep: Hashable {
        var step: PhraseStep
        var stem: Int32
        var exact: Int32
        var shape: UInt32
    }

    struct Failure: Error {
        var column: Int
        var message: String
    }

    mutating func compile(_ sections: [ParsedSection]) -> PhraseTrie {
        addBuiltinWords()
        var expander = PatternExpander(macros: [:])
        var macroIDs: [String: Int32] = [:]
        for section in sections where section.kind == .define {
            guard let name = section.name else { continue }
            if let existing = expander.macros[name] {
                report(section.location, "'{\(name)}' is already defined at \(existing)")
                continue
            }
            expander.macros[name] = section.location
            macroIDs[name] = Int32(macros.count)
            macros.append((name, section.location, []))
        }
        for section in sections {
            switch section.kind {
            case .define:
                guard let name = section.name, let id = macroIDs[name], macros[Int(id)].location == section.location else { continue }
                var forms: [[CompiledStep]] = []
                for line in section.entries {
                    forms += compileForms(line, expander: expander, macroIDs: macroIDs, requireWord: false) ?? []
                }
                macros[Int(id)].forms = forms
            case .identifierParts, .hostLabels:
                for line in section.entries {
                    let word = String(String.UnicodeScalarView(line.phrase)).lowercased()
                    guard !word.isEmpty, word.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) else {
                        report(line.location, "expected one word of letters and digits, such as 'api' or 'internal'")
                        continue
                    }
                    let (inserted, _) = section.kind == .identifierParts ? identifierParts.insert(word) : hostLabels.insert(word)
                    if !inserted { report(line.location, "'\(word)' is listed twice") }
                }
            default:
                for line in section.entries { add(line, of: section, expander: expander, macroIDs: macroIDs) }
            }
        }
        checkMacroCycles()
        var phrases: [(steps: [PhraseStep], id: Int32, root: Int32)] = []
        for (index, macro) in macros.enumerated() {
            for form in macro.forms { phrases.append((form.map(\.step), -1, Int32(index))) }
        }
        for (index, forms) in expansions.enumerated() {
            for form in forms { phrases.append((form.map(\.step), Int32(index), -1)) }
        }
        let trie = PhraseTrie(phrases: phrases, macroCount: macros.count, vocabularySize: vocabulary.count)
        checkDuplicates()
        if !cyclicMacros { checkShadowing(trie) }
        return trie
    }

    private mutating func report(_ location: PhrasebookLocation, _ message: String, column: Int? = nil) {
        problems.append(.init(file: location.file, line: location.line, column: column ?? location.column, message: message))
    }

    private mutating func addBuiltinWords() {
        let lists: [([String], TokenClass)] = [
            (BuiltinWords.numbers, .number), (BuiltinWords.ordinals, .ordinal), (BuiltinWords.units, .unit),
            (BuiltinWords.zones, .zone), (BuiltinWords.weekdays, .weekday), (BuiltinWords.months, .month),
            (BuiltinWords.times, .time), (BuiltinWords.notNames, .notName),
            (BuiltinWords.clauseBoundaries, .clauseBoundary),
        ]
        for (words, tokenClass) in lists {
            for word in words {
                for token in PhrasebookCompiler.tokens(of: word) {
                    let id = vocabulary.insert(token.stem)
                    vocabulary.addClasses(tokenClass, to: id)
                }
            }
        }
    }

    /// The scanned tokens of a literal, with their keys.
    static func tokens(of text: String) -> [(scanned: ScannedToken, normalized: [UInt8], stem: [UInt8])] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = TokenScanner(buffer)
            var result: [(ScannedToken, [UInt8], [UInt8])] = []
            while let token = scanner.next() {
                guard let keys = TokenNormalizer.keys(buffer, token) else { continue }
                result.append((token, keys.normalized, keys.stem))
            }
            return result
        }
    }

    private mutating func add(_ line: ParsedLine, of section: ParsedSection, expander: PatternExpander,
                              macroIDs: [String: Int32]) {
        guard let kind = section.kind.entryKind else { return }
        if !section.kind.allowsPlaceholders, let nodes = try? PhrasePattern.parse(line.phrase, column: line.location.column),
           let column = PhrasebookCompiler.firstPlaceholder(in: nodes) {
            report(line.location, "placeholders such as {number} belong in a [pattern …] section, not [\(section.kind.rawValue) …]", column: column)
            return
        }
        guard let forms = compileForms(line, expander: expander, macroIDs: macroIDs, requireWord: true) else { return }
        let phrase = String(String.UnicodeScalarView(line.phrase))
        var suggestions = line.suggestions
        if suggestions.isEmpty, let fallback = section.suggestion, kind.reports { suggestions = [fallback] }
        entries.append(PhrasebookEntry(kind: kind, category: section.category, phrase: phrase, suggestions: suggestions,
                                       message: section.message, location: line.location))
        fixable.append(kind == .substitution && line.suggestions.count == 1 && PhrasePattern.isPlain(line.phrase))
        expansions.append(forms)
    }

    /// The distinct compiled forms of a line, or nil after reporting why it has none.
    private mutating func compileForms(_ line: ParsedLine, expander: PatternExpander, macroIDs: [String: Int32],
                                       requireWord: Bool) -> [[CompiledStep]]? {
        let segments: [[PatternSegment]]
        do {
            let nodes = try PhrasePattern.parse(line.phrase, column: line.location.column)
            segments = try expander.expand(nodes)
        } catch let error as PatternSyntaxError {
            report(line.location, error.message, column: error.column)
            return nil
        } catch let error as PatternExpander.Failure {
            report(line.location, error.message, column: error.column)
            return nil
        } catch {
            report(line.location, "\(error)")
            return nil
        }
        var seen = Set<[CompiledStep]>()
        var forms: [[CompiledStep]] = []
        for form in segments {
            do {
                let steps = try compile(form, macroIDs: macroIDs, requireWord: requireWord)
                if seen.insert(steps).inserted { forms.append(steps) }
            } catch {
                report(line.location, error.message)
                return nil
            }
        }
        return forms
    }

    private static func firstPlaceholder(in nodes: [PatternNode]) -> Int? {
        for node in nodes {
            switch node {
            case .placeholder(_, let column): return column
            case .choice(let alternatives, _):
                for alternative in alternatives { if let found = firstPlaceholder(in: alternative) { return found } }
            case .optional(let inner, _):
                if let found = firstPlaceholder(in: inner) { return found }
            case .text, .exact: break
            }
        }
        return nil
    }

    /// The steps of one expanded form.
    private mutating func compile(_ form: [PatternSegment], macroIDs: [String: Int32],
                                  requireWord: Bool) throws(Failure) -> [CompiledStep] {
        var steps: [CompiledStep] = []
        var pendingBreak = false
        func checkBreak(_ flags: UInt8, _ text: String) throws(Failure) {
            if (flags & Token.breakBefore != 0 || pendingBreak), !steps.isEmpty {
                throw Failure(column: 0, message: "'\(text)' has punctuation or a line break between words, where text never matches; remove it or split the entry")
            }
        }
        for segment in form {
            switch segment {
            case .placeholder(let tokenClass):
                try checkBreak(0, tokenClass.placeholderName)
                steps.append(CompiledStep(step: .placeholder(tokenClass), stem: -1, exact: -1, shape: tokenClass.rawValue))
                pendingBreak = false
            case .macro(let name):
                try checkBreak(0, "{\(name)}")
                guard let id = macroIDs[name] else { throw Failure(column: 0, message: "unknown placeholder '{\(name)}'") }
                steps.append(CompiledStep(step: .macro(id), stem: -1, exact: -1, shape: 0))
                pendingBreak = false
            case .text(let text), .exact(let text):
                let exact: Bool
                if case .exact = segment { exact = true } else { exact = false }
                let bytes = Array(text.utf8)
                var tooLong = false
                var trailing: UInt8 = 0
                var found: [(ScannedToken, [UInt8], [UInt8])] = []
                bytes.withUnsafeBufferPointer { buffer in
                    var scanner = TokenScanner(buffer)
                    while let token = scanner.next() {
                        guard let keys = TokenNormalizer.keys(buffer, token) else { tooLong = true; continue }
                        found.append((token, keys.normalized, keys.stem))
                    }
                    trailing = scanner.trailingFlags
                }
                if tooLong { throw Failure(column: 0, message: "a word is longer than \(TokenNormalizer.maximumLength) bytes") }
                for (token, normalized, stemKey) in found {
                    try checkBreak(token.flags, text.trimmingSpaces)
                    pendingBreak = false
                    let stem = vocabulary.insert(stemKey)
                    if exact {
                        let exactID = vocabulary.insert([Vocabulary.exactPrefix] + normalized)
                        vocabulary.markHasExactForms(stem)
                        steps.append(CompiledStep(step: .word(exactID), stem: stem, exact: exactID, shape: token.shape.rawValue))
                    } else {
                        steps.append(CompiledStep(step: .word(stem), stem: stem, exact: -1, shape: token.shape.rawValue))
                    }
                }
                if trailing & Token.breakBefore != 0 { pendingBreak = true }
            }
        }
        if steps.isEmpty { throw Failure(column: 0, message: "empty phrase: there is no word to match") }
        if requireWord, !steps.contains(where: { if case .word = $0.step { return true } else { return false } }) {
            throw Failure(column: 0, message: "a phrase of placeholders only would match almost anything; add at least one word")
        }
        return steps
    }

    /// A macro that contains itself, directly or not, would never finish matching.
    private mutating func checkMacroCycles() {
        var state = Array(repeating: 0, count: macros.count) // 0 new, 1 visiting, 2 done
        func visit(_ m: Int, _ path: [Int]) -> [Int]? {
            if state[m] == 2 { return nil }
            if state[m] == 1 { return path + [m] }
            state[m] = 1
            for form in macros[m].forms {
                for step in form {
                    if case .macro(let next) = step.step, let cycle = visit(Int(next), path + [m]) { return cycle }
                }
            }
            state[m] = 2
            return nil
        }
        for m in macros.indices where state[m] == 0 {
            if let cycle = visit(m, []) {
                cyclicMacros = true
                let names = cycle.drop { $0 != cycle.last }.map { "{\(macros[$0].name)}" }
                report(macros[m].location, "macros refer to each other in a circle: \(names.joined(separator: " → "))")
                return
            }
        }
    }

    private struct DuplicateKey: Hashable {
        var group: String
        var category: FindingCategory?
        var steps: [PhraseStep]
    }

    private mutating func checkDuplicates() {
        var seen: [DuplicateKey: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let group = entry.kind.reports ? "report" : entry.kind.rawValue
            var duplicateOf: Int?
            for form in expansions[index] {
                let key = DuplicateKey(group: group, category: entry.category, steps: form.map(\.step))
                if let first = seen[key], first != index { duplicateOf = first; break }
                seen[key] = index
            }
            if let first = duplicateOf {
                let other = entries[first]
                report(entry.location, "duplicate: '\(entry.phrase)' matches what '\(other.phrase)' at \(other.location) already matches")
            }
        }
    }

    /// Sample token sequences standing for every form of a macro (nil when there are too many).
    private func macroSamples(_ macro: Int, memo: inout [Int: [[Token]]?]) -> [[Token]]? {
        if let known = memo[macro] { return known }
        var all: [[Token]] = []
        for form in macros[macro].forms {
            guard let samples = samples(of: form, memo: &memo) else { memo[macro] = .some(nil); return nil }
            all += samples
            if all.count > 256 { memo[macro] = .some(nil); return nil }
        }
        memo[macro] = all
        return all
    }

    /// Generic texts a form matches: literals as themselves, placeholders as a token of only
    /// their class, macros as each of their forms.
    private func samples(of form: [CompiledStep], memo: inout [Int: [[Token]]?]) -> [[Token]]? {
        var results: [[Token]] = [[]]
        for step in form {
            if case .macro(let macro) = step.step {
                guard let options = macroSamples(Int(macro), memo: &memo) else { return nil }
                results = results.flatMap { prefix in options.map { prefix + $0 } }
                if results.count > 256 { return nil }
            } else {
                var classes = step.shape
                if step.stem >= 0 { classes |= vocabulary.classes[Int(step.stem)] }
                let token = Token(start: 0, end: 0, stem: step.stem, exact: step.exact, classes: classes, flags: 0)
                for k in results.indices { results[k].append(token) }
            }
        }
        return results
    }

    /// An entry every sample of which contains an exception of its category can never be reported.
    private mutating func checkShadowing(_ trie: PhraseTrie) {
        var shadowing: [(Int, Int)] = []
        var memo: [Int: [[Token]]?] = [:]
        trie.view { trie in
            for (index, entry) in entries.enumerated() where entry.kind.reports {
                var shadowedBy: Int?
                formLoop: for form in expansions[index] {
                    guard let samples = samples(of: form, memo: &memo) else { shadowedBy = nil; break }
                    for sample in samples {
                        let hits = sample.withUnsafeBufferPointer { buffer in
                            var hits: [PhraseHit] = []
                            var scratch: [Int] = []
                            for k in 0..<buffer.count { trie.matches(at: k, in: buffer, into: &hits, scratch: &scratch) }
                            return hits
                        }
                        let cancelling = hits.first { hit in
                            let other = entries[Int(hit.phrase)]
                            switch other.kind {
                            case .exception: return other.category == nil || other.category == entry.category
                            case .stock: return true
                            case .cadence: return entry.category == .eta
                            default: return false
                            }
                        }
                        guard let cancelling else { shadowedBy = nil; break formLoop }
                        shadowedBy = Int(cancelling.phrase)
                    }
                }
                if let other = shadowedBy { shadowing.append((index, other)) }
            }
        }
        for (index, other) in shadowing {
            let exception = entries[other]
            report(entries[index].location,
                   "can never match: the \(exception.kind.rawValue) '\(exception.phrase)' at \(exception.location) covers every form of '\(entries[index].phrase)'")
        }
    }
}
