import ChorusCore
import ChorusSupport
import Foundation

/// One problem found in the input: where (file, line, column, JSON path — whichever are known)
/// and what. Printed as `FILE:LINE:COL: error: at $.path: message`, or as a JSON object.
public struct Problem: Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var path: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// The problems of a state document that failed to load from `file`.
    static func problems(of error: StateDocument.LoadError, file: String?) -> [Problem] {
        switch error {
        case .syntax(let syntax):
            return [Problem(file: file, line: syntax.position.line, column: syntax.position.column, message: syntax.message)]
        case .invalid(let problems):
            return problems.map {
                Problem(file: file, line: file == nil ? nil : $0.position?.line, column: file == nil ? nil : $0.position?.column,
                        path: $0.path.description, message: $0.message)
            }
        }
    }

    /// `FILE:LINE:COL: error: at $.path: message` (the parts that are known).
    var text: String { text(severity: "error") }

    /// `FILE:LINE:COL: SEVERITY: at $.path: message` (the parts that are known).
    func text(severity: String) -> String {
        var location = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        if !location.isEmpty { location += ": " }
        return location + "\(severity): " + (path.map { "at \($0): " } ?? "") + message
    }

    var json: JSONOutput { .object(jsonMembers) }

    /// `file`, `line`, `column`, `path` (those that are known) and `message`.
    var jsonMembers: [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = []
        if let file { members.append(("file", .string(file))) }
        if let line { members.append(("line", .int(line))) }
        if let column { members.append(("column", .int(column))) }
        if let path { members.append(("path", .string(path))) }
        members.append(("message", .string(message)))
        return members
    }
}

/// The input was checked and has problems — validation problems, a failed checklist, a draft
/// with error findings: exit status 1, so a gate fails.
public struct InvalidInput: Error, Sendable, Equatable {
    public var message: String
    public var problems: [Problem]

    public init(_ message: String, problems: [Problem] = []) {
        self.message = message
        self.problems = problems
    }
}

/// What a failed command prints and returns: the one place errors become exit statuses, so
/// every command follows the same convention (README, `chorus help`):
/// 1 the input has problems, 2 the command could not do what was asked, 64 usage.
struct ErrorReport {
    enum Kind: String {
        case invalid
        case couldNotRun = "could-not-run"
        case usage
    }

    var kind: Kind
    var message: String
    var problems: [Problem] = []

    var status: Int32 {
        switch kind {
        case .invalid: return ExitStatus.failure
        case .couldNotRun: return ExitStatus.couldNotRun
        case .usage: return ExitStatus.usage
        }
    }

    init(kind: Kind, message: String, problems: [Problem] = []) {
        self.kind = kind
        self.message = message
        self.problems = problems
    }

    /// Sorts any error a command throws into the convention, with a sentence a person can act on.
    init(_ error: any Error) {
        switch error {
        case let error as UsageError: self.init(kind: .usage, message: error.message)
        case let error as InvalidInput: self.init(kind: .invalid, message: error.message, problems: error.problems)
        case let error as CommandFailure: self.init(kind: .couldNotRun, message: error.message)
        case let error as InputError: self.init(kind: .couldNotRun, message: error.description)
        case let error as StateEditError:
            switch error {
            case .invalid(let problems):
                self.init(kind: .invalid, message: error.summary, problems: problems.map { Problem(path: $0.path.description, message: $0.message) })
            case .refused: self.init(kind: .invalid, message: error.description)
            case .notFound: self.init(kind: .couldNotRun, message: error.description)
            case .badInput: self.init(kind: .usage, message: error.description)
            }
        case let error as JournalError:
            switch error {
            case .missingAuthor, .invalidID: self.init(kind: .usage, message: error.description)
            default: self.init(kind: .couldNotRun, message: error.description)
            }
        case let error as AudienceLoadError:
            self.init(kind: .couldNotRun, message: "the audiences cannot be loaded:\n" + error.description)
        default:
            self.init(kind: .couldNotRun, message: FoundationErrorText.describe(error))
        }
    }

    /// `Error: message` and the problems, for standard error.
    var text: String {
        var lines: [String] = []
        if !message.isEmpty { lines.append("Error: " + message) }
        lines += problems.map(\.text)
        return lines.map { $0 + "\n" }.joined()
    }

    /// `{"error": {"status", "kind", "message", "problems"}}`, for standard output in JSON mode.
    var json: String {
        var members: [(String, JSONOutput)] = [("status", .int(Int(status))), ("kind", .string(kind.rawValue)), ("message", .string(message))]
        if !problems.isEmpty { members.append(("problems", .array(problems.map(\.json)))) }
        return JSONOutput.object([("error", .object(members))]).rendered() + "\n"
    }
}

/// Foundation's errors as sentences that name the path and say what to do, never
/// `Error Domain=NSCocoaErrorDomain Code=512 "(null)"`.
enum FoundationErrorText {
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let subject = path.map { "cannot use \($0)" } ?? "a file operation failed"
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue:
                return "\(subject): no such file or folder"
            case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue:
                return "\(subject): permission denied; check the folder's owner and permissions"
            case CocoaError.fileWriteOutOfSpace.rawValue:
                return "\(subject): the disk is full; free some space and try again"
            case CocoaError.fileWriteVolumeReadOnly.rawValue:
                return "\(subject): the volume is read-only"
            case CocoaError.fileWriteFileExists.rawValue:
                return "\(subject): a file is in the way where a folder is needed"
            default:
                if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                    return "\(subject): " + posix(Int32(underlying.code))
                }
                if let path, let diagnosis = diagnose(path) { return "\(subject): \(diagnosis)" }
                return "\(subject): the file system refused the operation"
            }
        }
        if ns.domain == NSPOSIXErrorDomain { return "\(subject): " + posix(Int32(ns.code)) }
        return "\(error)"
    }

    /// Why a path cannot be created, found by looking at its nearest existing ancestor.
    static func diagnose(_ path: String) -> String? {
        var url = URL(fileURLWithPath: path)
        while url.path != "/" {
            url.deleteLastPathComponent()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { return "\(url.path) is a file, not a folder" }
            if !FileManager.default.isWritableFile(atPath: url.path) { return "\(url.path) is not writable (permission denied)" }
            return nil
        }
        return nil
    }

    private static func posix(_ code: Int32) -> String {
        switch code {
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EEXIST: return "a file is in the way where a folder is needed"
        case EACCES, EPERM: return "permission denied; check the folder's owner and permissions"
        case ENOSPC: return "the disk is full; free some space and try again"
        case EROFS: return "the volume is read-only"
        case ENOENT: return "no such file or folder"
        default: return String(cString: strerror(code))
        }
    }
}
