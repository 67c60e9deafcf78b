/// A strict RFC 8259 JSON parser that records the position of every value and key.
///
/// Foundation's parser says only that the data is not valid; authors of states, audiences and
/// phrasebooks need the line and column, and later checks need to point at a field.
public struct JSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private let source: String
    /// Nesting deeper than this is refused rather than risking the stack.
    public static let maximumDepth = 512

    private init(_ text: String) {
        source = text
        scalars = Array(text.unicodeScalars)
    }

    /// Parses `text` as one JSON value (surrounding whitespace allowed).
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(text)
        parser.skipByteOrderMark()
        parser.skipWhitespace()
        let node = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.scalars.count {
            throw parser.error("expected end of input after the JSON value, found \(parser.describeCurrent())")
        }
        return node
    }

    /// Parses UTF-8 bytes; invalid UTF-8 is reported at the position of the first bad byte.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        if let text = String(validating: bytes, as: UTF8.self) { return try parse(text) }
        let (position, byteOffset) = SourcePosition.firstInvalidUTF8(in: bytes) ?? (.start, 0)
        let before = String(decoding: bytes[..<byteOffset], as: UTF8.self)
        throw JSONSyntaxError(message: "the file is not valid UTF-8", position: position,
                              lineText: before.sourceLine(position.line) ?? "")
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < JSONParser.maximumDepth else {
            throw error("nesting is deeper than \(JSONParser.maximumDepth) levels")
        }
        let start = currentPosition
        guard index < scalars.count else {
            throw error("expected a value (object, array, string, number, true, false or null), found end of input")
        }
        switch scalars[index] {
        case "{": return JSONNode(try parseObject(depth: depth), at: start)
        case "[": return JSONNode(try parseArray(depth: depth), at: start)
        case "\"": return JSONNode(.string(try parseString()), at: start)
        case "-", "0"..."9": return JSONNode(try parseNumber(), at: start)
        case "t": try expectWord("true"); return JSONNode(.bool(true), at: start)
        case "f": try expectWord("false"); return JSONNode(.bool(false), at: start)
        case "n": try expectWord("null"); return JSONNode(.null, at: start)
        case "'":
            throw error("strings must use double quotes (\"), not single quotes")
        default:
            throw error("expected a value (object, array, string, number, true, false or null), found \(describeCurrent())")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        advance() // {
        var members: [JSONMember] = []
        // Keys seen so far, for the duplicate check: a scan of `members` while the object is
        // small, a set once it is not, so 40,000 keys cost 40,000 lookups, not 800 million.
        var keys = Set<String>()
        skipWhitespace()
        if peek == "}" { advance(); return .object(members) }
        while true {
            skipWhitespace()
            guard peek == "\"" else {
                if peek == "}" { throw error("trailing comma before '}' is not allowed in JSON") }
                throw error("expected a key in double quotes, found \(describeCurrent())")
            }
            let keyPosition = currentPosition
            let key = try parseString()
            let duplicate: Bool
            if members.count < 16 {
                duplicate = members.contains { $0.key == key }
            } else {
                if keys.isEmpty { keys = Set(members.map(\.key)) }
                duplicate = !keys.insert(key).inserted
            }
            if duplicate {
                throw JSONSyntaxError(
                    message: "duplicate key \"\(key)\" in the same object",
                    position: keyPosition,
                    lineText: source.sourceLine(keyPosition.line) ?? ""
                )
            }
            skipWhitespace()
            guard peek == ":" else { throw error("expected ':' after the key \"\(key)\", found \(describeCurrent())") }
            advance()
            skipWhitespace()
            let node = try parseValue(depth: depth + 1)
            members.append(JSONMember(key: key, keyPosition: keyPosition, node: node))
            skipWhitespace()
            switch peek {
            case ",": advance()
            case "}": advance(); return .object(members)
            default: throw error("expected ',' or '}' after a member of the object, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        advance() // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek == "]" { advance(); return .array(elements) }
        while true {
            skipWhitespace()
            if peek == "]" { throw error("trailing comma before ']' is not allowed in JSON") }
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek {
            case ",": advance()
            case "]": advance(); return .array(elements)
            default: throw error("expected ',' or ']' after an element of the array, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance() // opening quote
        var result = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw error("unterminated string: expected a closing '\"'") }
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                advance()
                return String(result)
            case "\\":
                advance()
                guard index < scalars.count else { throw error("unterminated escape sequence at end of input") }
                let escape = scalars[index]
                switch escape {
                case "\"": result.append("\""); advance()
                case "\\": result.append("\\"); advance()
                case "/": result.append("/"); advance()
                case "b": result.append("\u{08}"); advance()
                case "f": result.append("\u{0C}"); advance()
                case "n": result.append("\n"); advance()
                case "r": result.append("\r"); advance()
                case "t": result.append("\t"); advance()
                case "u":
                    advance()
                    let first = try parseHex4()
                    if (0xD800...0xDBFF).contains(first) {
                        guard peek == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" else {
                            throw error("a high surrogate \\u\(hex(first)) must be followed by a low surrogate")
                        }
                        advance(); advance()
                        let second = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(second) else {
                            throw error("expected a low surrogate after \\u\(hex(first)), found \\u\(hex(second))")
                        }
                        let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        if let combined = Unicode.Scalar(value) { result.append(combined) }
                    } else if let single = Unicode.Scalar(first) {
                        result.append(single)
                    } else {
                        throw error("\\u\(hex(first)) is a lone low surrogate")
                    }
                default:
                    throw error("invalid escape '\\\(escape)': expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
            default:
                if scalar.value < 0x20 {
                    if scalar == "\n" {
                        throw error("unterminated string: a line break inside a string must be written \\n")
                    }
                    throw error("control character U+\(hex(scalar.value)) must be escaped inside a string")
                }
                result.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = scalars[index].hexDigitValue else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let startIndex = index
        if peek == "-" { advance() }
        guard let first = peek, ("0"..."9").contains(first) else {
            throw error("expected a digit after '-'")
        }
        if first == "0" {
            advance()
            if let next = peek, ("0"..."9").contains(next) { throw error("numbers must not have leading zeros") }
        } else {
            while let d = peek, ("0"..."9").contains(d) { advance() }
        }
        if peek == "." {
            advance()
            guard let d = peek, ("0"..."9").contains(d) else { throw error("expected a digit after the decimal point") }
            while let d = peek, ("0"..."9").contains(d) { advance() }
        }
        if peek == "e" || peek == "E" {
            advance()
            if peek == "+" || peek == "-" { advance() }
            guard let d = peek, ("0"..."9").contains(d) else { throw error("expected a digit in the exponent") }
            while let d = peek, ("0"..."9").contains(d) { advance() }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[startIndex..<index])
        let text = String(view)
        return .number(Double(text) ?? 0, text: text)
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = currentPosition
        let startIndex = index
        for (matched, expected) in word.unicodeScalars.enumerated() {
            guard index < scalars.count, scalars[index] == expected else {
                index = startIndex
                // "tru" is a misspelt true; "not json" is no literal at all: say what a value is.
                let message = matched >= 2 ? "expected '\(word)', found \(describeCurrent())"
                    : "expected a value (object, array, string, number, true, false or null), found \(describeWord())"
                throw JSONSyntaxError(message: message, position: start, lineText: source.sourceLine(start.line) ?? "")
            }
            advance()
        }
        if let next = peek, next.properties.isAlphabetic {
            throw error("unexpected letters after '\(word)'")
        }
    }

    // MARK: - Scanning

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private var currentPosition: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipByteOrderMark() {
        if peek == "\u{FEFF}" { index += 1 }
    }

    private mutating func skipWhitespace() {
        while let scalar = peek {
            switch scalar {
            case " ", "\t", "\n", "\r": advance()
            case "/" where index + 1 < scalars.count && (scalars[index + 1] == "/" || scalars[index + 1] == "*"):
                return // reported as an unexpected character by the caller, with a hint below
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard let scalar = peek else { return "end of input" }
        if scalar == "/" { return "'/' (comments are not allowed in JSON)" }
        if scalar.value < 0x20 { return "control character U+\(hex(scalar.value))" }
        return "'\(Character(scalar))'"
    }

    /// The letters from the current position (at most 20), quoted: "'not'".
    private func describeWord() -> String {
        var end = index
        while end < scalars.count, end - index < 20, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > index else { return describeCurrent() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[index..<end])
        return "'\(String(view))'"
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: currentPosition, lineText: source.sourceLine(line) ?? "")
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Unicode.Scalar {
    fileprivate var hexDigitValue: Int? {
        switch self {
        case "0"..."9": return Int(value - 48)
        case "a"..."f": return Int(value - 87)
        case "A"..."F": return Int(value - 55)
        default: return nil
        }
    }
}
