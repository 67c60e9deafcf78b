/// The syntax of one phrase: words, `"exact"` forms, `{placeholder}`s, `(a|b)` alternatives,
/// `[optional]` parts, `!word` / `!(a|b)` (one word that is none of these) and `{up to N words}`
/// gaps, parsed with the column of every construct for error messages.
indirect enum PatternNode {
    case text(String, column: Int)
    case exact(String, column: Int)
    case placeholder(String, column: Int)
    case choice([[PatternNode]], column: Int)
    case optional([PatternNode], column: Int)
    case not([[PatternNode]], column: Int)
    case gap(Int, column: Int)
}

/// A pattern syntax error at a column of the phrase.
struct PatternSyntaxError: Error {
    var column: Int
    var message: String
}

enum PhrasePattern {
    /// The longest gap a pattern may ask for.
    static let maximumGap = 12

    /// Parses `scalars`, whose first scalar stands at `column`.
    static func parse(_ scalars: [Unicode.Scalar], column: Int) throws(PatternSyntaxError) -> [PatternNode] {
        var index = 0
        return try sequence(scalars, &index, column: column, closers: [])
    }

    /// Whether the phrase uses any pattern syntax (then `--fix` never rewrites its matches).
    static func isPlain(_ scalars: [Unicode.Scalar]) -> Bool {
        !scalars.contains { "{}()[]|\"\\!".unicodeScalars.contains($0) }
    }

    private static func sequence(_ s: [Unicode.Scalar], _ i: inout Int, column: Int,
                                 closers: Set<Unicode.Scalar>) throws(PatternSyntaxError) -> [PatternNode] {
        var nodes: [PatternNode] = []
        var text = String.UnicodeScalarView()
        var textColumn = column + i
        func flush() {
            if !text.isEmpty { nodes.append(.text(String(text), column: textColumn)); text = String.UnicodeScalarView() }
        }
        func startText() { if text.isEmpty { textColumn = column + i } }
        while i < s.count {
            let c = s[i]
            if closers.contains(c) { break }
            switch c {
            case "\\":
                guard i + 1 < s.count else { throw PatternSyntaxError(column: column + i, message: "'\\' at the end of the phrase escapes nothing") }
                startText()
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
                flush()
                if let gap = try gapSize(name, column: column + open) {
                    nodes.append(.gap(gap, column: column + open))
                } else {
                    guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }) else {
                        throw PatternSyntaxError(column: column + open, message: "expected a placeholder name such as {number} or {time}, or a gap such as {up to 4 words}, found '{\(name)}'")
                    }
                    nodes.append(.placeholder(name, column: column + open))
                }
                i = close + 1
            case "(":
                let open = i
                flush()
                nodes.append(.choice(try alternatives(s, &i, column: column), column: column + open))
            case "[":
                let open = i
                i += 1
                let inner = try sequence(s, &i, column: column, closers: ["]"])
                guard i < s.count, s[i] == "]" else { throw PatternSyntaxError(column: column + open, message: "unclosed '[' opened here") }
                i += 1
                flush()
                nodes.append(.optional(inner, column: column + open))
            case "!" where text.isEmpty || text.last == " ":
                let open = i
                flush()
                i += 1
                if i < s.count, s[i] == "(" {
                    nodes.append(.not(try alternatives(s, &i, column: column), column: column + open))
                } else {
                    var word = String.UnicodeScalarView()
                    while i < s.count, !" ()[]{}|\"".unicodeScalars.contains(s[i]) { word.append(s[i]); i += 1 }
                    guard !word.isEmpty else {
                        throw PatternSyntaxError(column: column + open, message: "'!' must be followed by a word or (a|b): '!be' matches any one word but 'be'")
                    }
                    nodes.append(.not([[.text(String(word), column: column + open + 1)]], column: column + open))
                }
            case ")", "]", "}":
                throw PatternSyntaxError(column: column + i, message: "'\(c)' without a matching opening bracket")
            case "|":
                throw PatternSyntaxError(column: column + i, message: "'|' separates alternatives only inside ( )")
            default:
                startText()
                text.append(c); i += 1
            }
        }
        flush()
        return nodes
    }

    /// `(a|b|c)` starting at `i`, which must point at `(`.
    private static func alternatives(_ s: [Unicode.Scalar], _ i: inout Int, column: Int) throws(PatternSyntaxError) -> [[PatternNode]] {
        let open = i
        i += 1
        var alternatives: [[PatternNode]] = []
        while true {
            alternatives.append(try sequence(s, &i, column: column, closers: ["|", ")"]))
            guard i < s.count else { throw PatternSyntaxError(column: column + open, message: "unclosed '(' opened here") }
            if s[i] == ")" { i += 1; break }
            i += 1 // "|"
        }
        return alternatives
    }

    /// `up to 6 words` → 6; nil when `name` is not a gap.
    private static func gapSize(_ name: String, column: Int) throws(PatternSyntaxError) -> Int? {
        let words = name.split(separator: " ")
        guard words.count == 4, words[0] == "up", words[1] == "to", words[3] == "words" || words[3] == "word" else {
            if words.first == "up" {
                throw PatternSyntaxError(column: column, message: "a gap is written {up to N words}, as in {up to 4 words}")
            }
            return nil
        }
        guard let n = Int(words[2]), n >= 1, n <= maximumGap else {
            throw PatternSyntaxError(column: column, message: "a gap takes a number of words from 1 to \(maximumGap), found '\(words[2])'")
        }
        return n
    }
}
