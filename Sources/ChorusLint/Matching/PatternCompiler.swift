import ChorusSupport

/// Turns parsed phrases into compiled patterns: words become the set of their inflected forms
/// (tokenized exactly as text is, so both sides agree), placeholders become built-in classes or
/// word-class references, and `(a|b)` of single words becomes one set.
struct PatternCompiler {
    /// Word-class name → index, for every `[define NAME]` section (compiled or not yet).
    let classIndex: [String: Int]

    struct Failure: Error {
        var column: Int
        var message: String
    }

    func compile(_ nodes: [PatternNode]) throws(Failure) -> [PatternElement] {
        var elements: [PatternElement] = []
        for node in nodes { elements += try compile(node) }
        return elements
    }

    private func compile(_ node: PatternNode) throws(Failure) -> [PatternElement] {
        switch node {
        case .text(let text, let column):
            return try words(text, column: column, inflect: true)
        case .exact(let text, let column):
            return try words(text, column: column, inflect: false)
        case .placeholder(let name, let column):
            if let tokenClass = TokenClass.placeholder(named: name) { return [.tokenClass(tokenClass)] }
            guard let index = classIndex[name] else {
                var message = "unknown placeholder '{\(name)}'"
                let names = TokenClass.placeholders.map(\.name) + classIndex.keys.sorted()
                if let near = NameSuggestion.closest(to: name, among: names) {
                    message += "; did you mean '{\(near)}'?"
                } else {
                    message += "; built-in placeholders are " + TokenClass.placeholders.map { "{\($0.name)}" }.joined(separator: ", ")
                        + ", and [define NAME] sections add more"
                }
                throw Failure(column: column, message: message)
            }
            return [.wordClass(index)]
        case .choice(let alternatives, let column):
            var compiled: [[PatternElement]] = []
            for alternative in alternatives {
                let elements = try compile(alternative)
                if elements.isEmpty {
                    throw Failure(column: column, message: "empty alternative in ( ): use [optional] for words that may be missing")
                }
                compiled.append(elements)
            }
            // (a|b|c) of single words is one set.
            if compiled.allSatisfy({ $0.count == 1 && PatternCompiler.isWord($0[0]) }) {
                var union = Set<String>()
                for alternative in compiled { if case .word(let forms) = alternative[0] { union.formUnion(forms) } }
                return [.word(union)]
            }
            return [.choice(compiled)]
        case .optional(let inner, let column):
            let elements = try compile(inner)
            if elements.isEmpty { throw Failure(column: column, message: "empty [ ]: an optional part needs words") }
            return [.optional(elements)]
        case .not(let alternatives, let column):
            var forms = Set<String>()
            var classes: [Int] = []
            for alternative in alternatives {
                let elements = try compile(alternative)
                if elements.count == 1, case .word(let words) = elements[0] {
                    forms.formUnion(words)
                } else if elements.count == 1, case .wordClass(let index) = elements[0] {
                    classes.append(index)
                } else {
                    throw Failure(column: column, message: "'!' takes single words or a class: '!be', '!(be|have)' or '!({function-word})'")
                }
            }
            return [.not(forms, classes: classes)]
        case .gap(let size, _):
            return [.gap(size)]
        }
    }

    private static func isWord(_ element: PatternElement) -> Bool {
        if case .word = element { return true }
        return false
    }

    /// The tokens of literal text, as the tokenizer reads text.
    private func words(_ text: String, column: Int, inflect: Bool) throws(Failure) -> [PatternElement] {
        let bytes = Array(text.utf8)
        var elements: [PatternElement] = []
        let tokens = Tokenizer.tokenize(bytes, skipping: [])
        for token in tokens {
            if token.isPunctuation {
                if Clauses.sentenceEnds.contains(token.key) && token.key != "." || token.key == ";" {
                    let offset = String(decoding: bytes[..<token.start], as: UTF8.self).unicodeScalars.count
                    throw Failure(column: column + offset, message: "'\(token.key)' ends a sentence or clause, and phrases are matched inside one clause: this can never match")
                }
                elements.append(.punctuation(token.key))
            } else {
                elements.append(.word(Set(inflect ? Inflection.forms(of: token.key) : [token.key])))
            }
        }
        // "health check" also matches "health-check" and "healthcheck"; "roll back", "rollback".
        if inflect, tokens.count >= 2, tokens.count <= 3, tokens.allSatisfy({ $0.classes.contains(.word) && !$0.key.contains(Character("'")) }),
           elements.count == tokens.count {
            let joined = tokens.map(\.key).joined()
            elements = [.choice([elements, [.word(Set(Inflection.forms(of: joined)))]])]
        }
        return elements
    }

    /// Whether `elements` can match no token at all (everything optional).
    static func canBeEmpty(_ elements: [PatternElement]) -> Bool {
        elements.allSatisfy { element in
            switch element {
            case .optional, .gap: return true
            case .choice(let alternatives): return alternatives.contains { canBeEmpty($0) }
            default: return false
            }
        }
    }

    /// Word classes an element list refers to directly.
    static func references(_ elements: [PatternElement]) -> Set<Int> {
        var found = Set<Int>()
        for element in elements {
            switch element {
            case .wordClass(let index): found.insert(index)
            case .choice(let alternatives): for alternative in alternatives { found.formUnion(references(alternative)) }
            case .optional(let inner): found.formUnion(references(inner))
            default: break
            }
        }
        return found
    }
}
