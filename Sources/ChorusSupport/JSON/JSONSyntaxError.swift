/// Malformed JSON: what was expected, where, and the text of that line.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition
    public var lineText: String

    public init(message: String, position: SourcePosition, lineText: String) {
        self.message = message
        self.position = position
        self.lineText = lineText
    }

    public var description: String { "\(position): \(message)" }
}
