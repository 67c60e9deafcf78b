import Foundation

/// Everything a command may touch: its parsed arguments, its output buffers, and the world
/// (environment, working directory, standard input, clock) passed in so tests control it.
public struct CommandContext: Sendable {
    public var arguments: ParsedArguments
    /// What was printed and not yet written out (all of it, unless `writeOutput` is set).
    public var stdout = ""
    public var stderr = ""
    public let environment: [String: String]
    public let currentDirectory: String
    public let readStandardInput: @Sendable () -> [UInt8]
    public let now: @Sendable () -> Date
    /// The `chorus` executable's real location: installed defaults are found beside it.
    public let executable: URL?
    /// The person at the terminal, when standard input and error are one; nil for scripts.
    public var terminal: Terminal?
    /// Whether standard output is a terminal (a person reads it, rather than a program or a
    /// file): drafts are then printed as readable text unless a format is asked for.
    public var outputIsTerminal = false
    /// Where printed output goes while the command runs, about `outputChunk` bytes at a time: the
    /// real process writes it to its standard output, so a command printing millions of lines
    /// never holds them all. Nil (tests, by default) keeps everything in `stdout`.
    public var writeOutput: (@Sendable (String) -> Void)?
    /// How much printed output `writeOutput` is given at a time.
    public static let outputChunk = 1 << 16

    public init(
        arguments: ParsedArguments,
        environment: [String: String],
        currentDirectory: String,
        readStandardInput: @escaping @Sendable () -> [UInt8],
        now: @escaping @Sendable () -> Date,
        executable: URL? = nil
    ) {
        self.arguments = arguments
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.readStandardInput = readStandardInput
        self.now = now
        self.executable = executable
    }

    /// Writes a line (or `text` as is, with `terminator: ""`) to standard output.
    public mutating func print(_ text: String, terminator: String = "\n") {
        stdout += text
        stdout += terminator
        if let writeOutput, stdout.utf8.count >= CommandContext.outputChunk {
            writeOutput(stdout)
            stdout.removeAll(keepingCapacity: true)
        }
    }

    /// Writes a line to standard error.
    public mutating func printError(_ text: String, terminator: String = "\n") {
        stderr += text + terminator
    }

    /// `path` made absolute against the command's working directory (`-` stays `-`).
    public func resolve(_ path: String) -> String {
        if path == "-" || path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).path
    }
}

/// A person at a terminal, asked a question while the command runs (output is otherwise
/// printed when the command ends).
public struct Terminal: Sendable {
    /// Shows `prompt` at once and returns the line typed, or nil at end of input.
    public var ask: @Sendable (_ prompt: String) -> String?

    public init(ask: @escaping @Sendable (_ prompt: String) -> String?) { self.ask = ask }

    /// The process's own terminal, when standard input and standard error are both one.
    public static var current: Terminal? {
        guard isatty(0) == 1, isatty(2) == 1 else { return nil }
        return Terminal { prompt in
            FileHandle.standardError.write(Data(prompt.utf8))
            return readLine(strippingNewline: true)
        }
    }
}

/// A usage mistake a command finds after parsing (conflicting options, say): printed with the
/// command's usage and exit status 64.
public struct UsageError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The command could not do what was asked (a missing file, an I/O error, a conflict, an
/// unknown incident): reported as `Error: message` with exit status 2.
public struct CommandFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
