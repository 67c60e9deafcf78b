import ChorusSupport

/// A problem found in a workspace, located as precisely as the file allows:
/// `FILE:LINE:COL: error: at $.path: message`.
public struct WorkspaceProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    public var file: String
    public var position: SourcePosition?
    public var path: JSONPath?
    public var severity: Severity
    public var message: String

    public init(file: String, position: SourcePosition? = nil, path: JSONPath? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.position = position
        self.path = path
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var text = file
        if let position { text += ":\(position.line):\(position.column)" }
        text += ": \(severity.rawValue): "
        if let path { text += "at \(path): " }
        return text + message
    }
}

/// A workspace that cannot be used, with every problem found.
public struct WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [WorkspaceProblem]

    public init(problems: [WorkspaceProblem]) { self.problems = problems }

    public init(file: String, message: String) {
        problems = [WorkspaceProblem(file: file, message: message)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
