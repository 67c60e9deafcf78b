import ChorusCore
import ChorusLint
import ChorusSupport

/// One thing `chorus doctor` found: a check that passed, a note, or a problem with wherever it
/// is (file, line, column, JSON path — the parts that are known).
struct DoctorFinding: Equatable {
    enum Kind: String {
        case ok, note, error, warning
    }

    var kind: Kind
    var file: String?
    var line: Int?
    var column: Int?
    var path: String?
    var message: String

    init(_ kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    init(_ problem: WorkspaceProblem) {
        self.init(problem.severity == .error ? .error : .warning, file: problem.file, line: problem.position?.line,
                  column: problem.position?.column, path: problem.path?.description, message: problem.message)
    }

    init(_ problem: AudienceProblem) {
        self.init(.error, file: problem.file, line: problem.position?.line, column: problem.position?.column,
                  path: problem.path?.description, message: problem.message)
    }

    init(_ problem: PhrasebookError.Problem) {
        self.init(.error, file: problem.file, line: problem.line > 0 ? problem.line : nil,
                  column: problem.line > 0 ? problem.column : nil, message: problem.message)
    }

    /// A problem given as a printed diagnostic, `FILE:LINE:COL: error: at PATH: message` or
    /// `error: message` (what some lookups throw), taken apart where it has that shape; its text
    /// prints back exactly as given.
    init(diagnostic text: String) {
        guard let marker = text.range(of: ": error: ") else {
            self.init(.error, message: text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text)
            return
        }
        let prefix = String(text[..<marker.lowerBound])
        // The whole prefix as the file always prints back the same; then finer parts if they do.
        self.init(.error, file: prefix, message: String(text[marker.upperBound...]))
        var parsed = self
        var location = prefix.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if location.count >= 3, let column = Int(location[location.count - 1]), let line = Int(location[location.count - 2]) {
            (parsed.line, parsed.column) = (line, column)
            location.removeLast(2)
            parsed.file = location.joined(separator: ":")
        }
        if parsed.message.hasPrefix("at "), let end = parsed.message.range(of: ": ") {
            parsed.path = String(parsed.message[parsed.message.index(parsed.message.startIndex, offsetBy: 3)..<end.lowerBound])
            parsed.message = String(parsed.message[end.upperBound...])
        }
        if parsed.text == text { self = parsed }
    }

    /// The line printed in text mode: `ok: …`, `note: …`, or `FILE:LINE:COL: error: at PATH: …`.
    var text: String {
        switch kind {
        case .ok, .note:
            return "\(kind.rawValue): \(message)"
        case .error, .warning:
            return located.text(severity: kind.rawValue)
        }
    }

    /// The finding as a `Problem`, which prints a located diagnostic the same way everywhere.
    private var located: Problem { Problem(file: file, line: line, column: column, path: path, message: message) }

    /// `{"severity", "file", "line", "column", "path", "message"}` (the parts that are known) for
    /// a problem; `{"status", "message"}` for a check.
    var json: JSONOutput {
        switch kind {
        case .ok, .note:
            return .object([("status", .string(kind.rawValue)), ("message", .string(message))])
        case .error, .warning:
            return .object([("severity", .string(kind.rawValue))] + located.jsonMembers)
        }
    }
}

/// What `chorus doctor` found, in the order it was found.
struct DoctorReport {
    var findings: [DoctorFinding] = []

    var errors: Int { findings.count(where: { $0.kind == .error }) }
    var warnings: Int { findings.count(where: { $0.kind == .warning }) }

    mutating func ok(_ text: String) { findings.append(DoctorFinding(.ok, message: text)) }
    mutating func note(_ text: String) { findings.append(DoctorFinding(.note, message: text)) }
    mutating func add(_ finding: DoctorFinding) { findings.append(finding) }
    mutating func add(_ problems: [WorkspaceProblem]) { findings += problems.map(DoctorFinding.init) }

    /// Every finding's line, in text mode.
    var lines: [String] { findings.map(\.text) }

    var summary: String {
        if errors == 0 && warnings == 0 { return "No problems found." }
        return "\(Wording.count(errors, "error")), \(Wording.count(warnings, "warning")) found."
    }

    /// `{"errors", "warnings", "problems": [{"severity", "file", "line", "column", "path",
    /// "message"}], "checks": [{"status": "ok"|"note", "message"}]}`.
    var json: JSONOutput {
        .object([
            ("errors", .int(errors)), ("warnings", .int(warnings)),
            ("problems", .array(findings.filter { $0.kind == .error || $0.kind == .warning }.map(\.json))),
            ("checks", .array(findings.filter { $0.kind == .ok || $0.kind == .note }.map(\.json))),
        ])
    }
}
