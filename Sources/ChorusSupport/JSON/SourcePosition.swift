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
