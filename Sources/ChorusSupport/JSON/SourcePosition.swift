/// A place in a source text: 1-based line and column (columns count Unicode scalars),
/// and the 0-based offset in Unicode scalars from the start of the text.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    /// `line:column`, the form editors understand.
    public var description: String { "\(line):\(column)" }

    /// Where the first byte of `bytes` that is not valid UTF-8 stands, and that byte's offset in
    /// `bytes`; nil when all of it is valid UTF-8. Shared by every reader that reports bad bytes
    /// (JSON files, texts to lint).
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> (position: SourcePosition, byteOffset: Int)? {
        var line = 1, column = 1, scalars = 0, byteOffset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                byteOffset += encoded.count
                scalars += 1
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            case .error:
                return (SourcePosition(line: line, column: column, offset: scalars), byteOffset)
            case .emptyInput:
                return nil
            }
        }
    }
}

extension String {
    /// The text of the 1-based line `number`, without its line terminator, or nil past the end.
    public func sourceLine(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var lineStart = unicodeScalars.startIndex
        var index = unicodeScalars.startIndex
        while index < unicodeScalars.endIndex {
            if current == number { break }
            if unicodeScalars[index] == "\n" {
                current += 1
                lineStart = unicodeScalars.index(after: index)
            }
            index = unicodeScalars.index(after: index)
        }
        guard current == number else { return nil }
        var end = lineStart
        while end < unicodeScalars.endIndex, unicodeScalars[end] != "\n" {
            end = unicodeScalars.index(after: end)
        }
        var line = String(unicodeScalars[lineStart..<end])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
