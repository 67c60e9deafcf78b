import ChorusSupport

/// The syntax of one phrase: words, `"exact"` forms, `{placeholder}`s, `(a|b)` alternatives and
/// `[optional]` parts, parsed with the column of every construct for error messages.
indirect enum PatternNode {
    case text(String)
    case exact(String, column: Int)
    case placeholder(String, column: Int)
    case choice([[PatternNode]], column: Int)
    case optional([PatternNode], column: Int)
}

/// A pattern syntax error at a column of the phrase.
struct PatternSyntaxError: Error {
    var column: Int
    var message: String
}

enum PhrasePattern {
    /// Parses `scalars`, whose first scalar stands at `column`.
    static func parse(_ scalars: [Unicode.Scalar], column: Int) throws(PatternSyntaxError) -> [PatternNode] {
        var index = 0
        let nodes = try sequence(scalars, &index, column: column, closers: [])
        return nodes
    }

    /// Whether the phrase uses any pattern syntax (then `--fix` never rewrites its matches).
    static func isPlain(_ scalars: [Unicode.Scalar]) -> Bool {
        !scalars.contains { "{}()[]|\"\\".unicodeScalars.contains($0) }
    }

    private static func sequence(_ s: [Unicode.Scalar], _ i: inout Int, column: Int,
                                 closers: Set<Unicode.Scalar>) throws(PatternSyntaxError) -> [PatternNode] {
        var nodes: [PatternNode] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { nodes.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        while i < s.count {
            let c = s[i]
            if closers.contains(c) { break }
            switch c {
            case "\\":
                guard i + 1 < s.count else { throw PatternSyntaxError(column: column + i, message: "'\\' at the end of the phrase escapes nothing") }
                text.append(s[i + 1]); i += 2
            case "\"":
                let open = i
                guard let close = s[(i + 1)...].firstIndex(of: "\"") else {
                    throw PatternSyntaxError(column: column + open, message: "unclosed '\"': an exact form is written \"word\"")
                }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                if inner.trimmingSpaces.isEmpty { throw PatternSyntaxError(column: column + open, message: "empty exact form \"\"") }
                flush()
                nodes.append(.exact(inner, column: column + open))
                i = close + 1
            case "{":
                let open = i
                guard let close = s[(i + 1)...].firstIndex(of: "}") else {
                    throw PatternSyntaxError(column: column + open, message: "unclosed '{': a placeholder is written {number}")
                }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }) else {
                    throw PatternSyntaxError(column: column + open, message: "expected a placeholder name such as {number} or {time}, found '{\(name)}'")
                }
                flush()
                nodes.append(.placeholder(name, column: column + open))
                i = close + 1
            case "(":
                let open = i
                i += 1
                var alternatives: [[PatternNode]] = []
                while true {
                    alternatives.append(try sequence(s, &i, column: column, closers: ["|", ")"]))
                    guard i < s.count else { throw PatternSyntaxError(column: column + open, message: "unclosed '(' opened here") }
                    if s[i] == ")" { i += 1; break }
                    i += 1 // "|"
                }
                flush()
                nodes.append(.choice(alternatives, column: column + open))
            case "[":
                let open = i
                i += 1
                let inner = try sequence(s, &i, column: column, closers: ["]"])
                guard i < s.count, s[i] == "]" else { throw PatternSyntaxError(column: column + open, message: "unclosed '[' opened here") }
                i += 1
                flush()
                nodes.append(.optional(inner, column: column + open))
            case ")", "]", "}":
                throw PatternSyntaxError(column: column + i, message: "'\(c)' without a matching opening bracket")
            case "|":
                throw PatternSyntaxError(column: column + i, message: "'|' separates alternatives only inside ( )")
            default:
                text.append(c); i += 1
            }
        }
        flush()
        return nodes
    }
}

/// A phrase after expansion: literal text, exact forms and placeholders, in order.
enum PatternSegment: Hashable {
    case text(String)
    case exact(String)
    case placeholder(TokenClass)
    /// A `[define NAME]` macro, matched as a sub-phrase rather than expanded in place, so a
    /// phrase costs the same whatever the number of alternatives its macros hold.
    case macro(String)
}

/// Expands parsed patterns into every concrete sequence of `(a|b)` and `[optional]` choices.
/// Placeholders stay placeholders; macro names are checked and kept as references.
struct PatternExpander {
    /// Macro name → where it was defined.
    var macros: [String: PhrasebookLocation]
    static let limit = 4096

    struct Failure: Error {
        var column: Int
        var message: String
    }

    func expand(_ nodes: [PatternNode]) throws(Failure) -> [[PatternSegment]] {
        var results: [[PatternSegment]] = [[]]
        for node in nodes {
            let options = try expand(node)
            var next: [[PatternSegment]] = []
            next.reserveCapacity(results.count * options.count)
            for prefix in results {
                for option in options { next.append(PatternExpander.join(prefix, option)) }
            }
            if next.count > PatternExpander.limit {
                throw Failure(column: column(of: node), message: "the phrase expands to more than \(PatternExpander.limit) variants; move alternatives into a [define NAME] section or split the line")
            }
            results = next
        }
        return results
    }

    private func expand(_ node: PatternNode) throws(Failure) -> [[PatternSegment]] {
        switch node {
        case .text(let text):
            return [[.text(text)]]
        case .exact(let text, _):
            return [[.exact(text)]]
        case .placeholder(let name, let column):
            if let tokenClass = TokenClass.placeholder(named: name) { return [[.placeholder(tokenClass)]] }
            guard macros[name] != nil else {
                var message = "unknown placeholder '{\(name)}'"
                let names = TokenClass.placeholders.map(\.name) + macros.keys.sorted()
                if let near = NameSuggestion.closest(to: name, among: names) {
                    message += "; did you mean '{\(near)}'?"
                } else {
                    message += "; built-in placeholders are " + TokenClass.placeholders.map { "{\($0.name)}" }.joined(separator: ", ")
                        + ", and [define NAME] sections add more"
                }
                throw Failure(column: column, message: message)
            }
            return [[.macro(name)]]
        case .choice(let alternatives, _):
            var all: [[PatternSegment]] = []
            for alternative in alternatives { all += try expand(alternative) }
            return all
        case .optional(let inner, _):
            return [[]] + (try expand(inner))
        }
    }

    private func column(of node: PatternNode) -> Int {
        switch node {
        case .text: return 0
        case .exact(_, let column), .placeholder(_, let column), .choice(_, let column), .optional(_, let column): return column
        }
    }

    /// Concatenates two segment lists, merging adjacent text so `roll(ed|ing)` reads `rolled`.
    static func join(_ a: [PatternSegment], _ b: [PatternSegment]) -> [PatternSegment] {
        guard case .text(let left)? = a.last, case .text(let right)? = b.first else { return a + b }
        return a.dropLast() + [.text(left + right)] + b.dropFirst()
    }
}
