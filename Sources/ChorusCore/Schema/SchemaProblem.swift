import ChorusSupport

/// One thing wrong with a document: where (path and, when known, line and column) and what.
public struct SchemaProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var position: SourcePosition?
    public var message: String

    public init(path: JSONPath, position: SourcePosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String { "at \(path): \(message)" }

    /// `FILE:LINE:COL: error: at $.path: message`, or `FILE: error: at $.path: message`.
    public func formatted(file: String) -> String {
        if let position {
            return "\(file):\(position.line):\(position.column): error: at \(path): \(message)"
        }
        return "\(file): error: at \(path): \(message)"
    }
}
