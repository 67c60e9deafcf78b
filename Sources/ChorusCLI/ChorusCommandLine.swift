import ChorusSupport
import Foundation

/// The `chorus` command line as a library: `run` takes arguments and the world, and returns the
/// exit status and everything printed, so tests call it in process.
public enum ChorusCommandLine {
    public static let version = "0.1.0"

    /// What one invocation printed and returned.
    public struct Result: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `chorus` with `arguments` (without the program name).
    ///
    /// `executablePath` stands for the location of the `chorus` executable, beside which the
    /// installed defaults are looked for; nil means the running process's own executable.
    /// `outputIsTerminal` says whether standard output is a terminal. `writeOutput`, when set,
    /// receives what the command prints while it runs (`Result.stdout` then holds only the rest);
    /// without it, everything printed is in `Result.stdout`.
    public static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        standardInput: @escaping @Sendable () -> [UInt8] = { [] },
        now: @escaping @Sendable () -> Date = { Date() },
        executablePath: String? = nil,
        terminal: Terminal? = nil,
        outputIsTerminal: Bool = false,
        writeOutput: (@Sendable (String) -> Void)? = nil
    ) -> Result {
        var result = execute(arguments, environment: environment, currentDirectory: currentDirectory, standardInput: standardInput,
                             now: now, executablePath: executablePath, terminal: terminal, outputIsTerminal: outputIsTerminal,
                             writeOutput: writeOutput)
        // Errors, warnings and notes echo what the person typed (an audience, a file name, a
        // reason): control and bidi characters are escaped, and so is a typed line break.
        result.stderr = TerminalText.escaped(result.stderr, echoing: arguments)
        return result
    }

    private static func execute(
        _ arguments: [String],
        environment: [String: String],
        currentDirectory: String,
        standardInput: @escaping @Sendable () -> [UInt8],
        now: @escaping @Sendable () -> Date,
        executablePath: String?,
        terminal: Terminal?,
        outputIsTerminal: Bool,
        writeOutput: (@Sendable (String) -> Void)?
    ) -> Result {
        let commands = CommandRegistry.commands
        let executable = executablePath.map { URL(fileURLWithPath: $0) } ?? ExecutableLocation.current()
        func context(_ parsed: ParsedArguments) -> CommandContext {
            var context = CommandContext(arguments: parsed, environment: environment, currentDirectory: currentDirectory,
                                         readStandardInput: standardInput, now: now, executable: executable)
            context.terminal = terminal
            context.outputIsTerminal = outputIsTerminal
            context.writeOutput = writeOutput
            return context
        }
        // No subcommand is a usage error (a script that lost its arguments must not succeed);
        // the overview goes to standard error, as other usage errors' usage lines do.
        guard let first = arguments.first else {
            return Result(status: ExitStatus.usage, stdout: "", stderr: "Error: Missing subcommand\n" + HelpFormatter.rootHelp(commands: commands, version: version))
        }
        switch first {
        case "--help", "-h":
            return Result(status: ExitStatus.success, stdout: HelpFormatter.rootHelp(commands: commands, version: version), stderr: "")
        case "--version":
            return Result(status: ExitStatus.success, stdout: version + "\n", stderr: "")
        case "help":
            guard let name = arguments.dropFirst().first else {
                return Result(status: ExitStatus.success, stdout: HelpFormatter.rootHelp(commands: commands, version: version), stderr: "")
            }
            guard let spec = commands.first(where: { $0.name == name }) else {
                return unknownCommand(name, commands: commands)
            }
            return Result(status: ExitStatus.success, stdout: HelpFormatter.help(for: spec), stderr: "")
        default:
            break
        }
        guard let spec = commands.first(where: { $0.name == first }) else {
            return unknownCommand(first, commands: commands)
        }
        let rest = Array(arguments.dropFirst())
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(rest, for: spec)
        } catch {
            return usageFailure(error.message, spec: spec, json: wantsJSON(rest))
        }
        if parsed.flag("help") {
            return Result(status: ExitStatus.success, stdout: HelpFormatter.help(for: spec), stderr: "")
        }
        var ctx = context(parsed)
        // Doctor lists them in its report; every other command says so before it runs.
        if spec.name != "doctor" {
            for note in ctx.untrustedWorkspaceNotes() { ctx.printError(note) }
        }
        do {
            let status = try spec.run(&ctx)
            BoardRefresh.afterCommand(spec, &ctx)
            return Result(status: status, stdout: ctx.stdout, stderr: ctx.stderr)
        } catch {
            // Whatever was printed before the failure stays; the error follows the convention.
            let json = parsed.value("format") == "json"
            if let usage = error as? UsageError {
                let failure = usageFailure(usage.message, spec: spec, json: json)
                return Result(status: failure.status, stdout: ctx.stdout + failure.stdout, stderr: ctx.stderr + failure.stderr)
            }
            let report = ErrorReport(error)
            if report.kind == .usage {
                let failure = usageFailure(report.message, spec: spec, json: json)
                return Result(status: failure.status, stdout: ctx.stdout + failure.stdout, stderr: ctx.stderr + failure.stderr)
            }
            return json ? Result(status: report.status, stdout: ctx.stdout + TerminalText.escapedJSON(report.json), stderr: ctx.stderr)
                : Result(status: report.status, stdout: ctx.stdout, stderr: ctx.stderr + report.text)
        }
    }

    /// Whether the words ask for JSON output (`--format json`, `--format=json`, `-f json`), for
    /// errors found before the arguments parse.
    static func wantsJSON(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() {
            if word == "--format=json" || word == "-f=json" { return true }
            if (word == "--format" || word == "-f"), index + 1 < words.count, words[index + 1] == "json" { return true }
        }
        return false
    }

    /// Runs the process: reads the real arguments, environment and standard input, prints, and
    /// returns the exit status for `main.swift` to exit with.
    public static func main() -> Int32 {
        let result = run(
            Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment,
            standardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            terminal: .current,
            outputIsTerminal: isatty(1) == 1,
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) }
        )
        FileHandle.standardOutput.write(Data(result.stdout.utf8))
        FileHandle.standardError.write(Data(result.stderr.utf8))
        return result.status
    }

    private static func usageFailure(_ message: String, spec: CommandSpec, json: Bool = false) -> Result {
        if json {
            let report = ErrorReport(kind: .usage, message: message + "\nUsage: \(spec.errorUsage)")
            return Result(status: ExitStatus.usage, stdout: TerminalText.escapedJSON(report.json), stderr: "")
        }
        let text = "Error: \(message)\nUsage: \(spec.errorUsage)\n  See 'chorus \(spec.name) --help' for more information.\n"
        return Result(status: ExitStatus.usage, stdout: "", stderr: text)
    }

    private static func unknownCommand(_ name: String, commands: [CommandSpec]) -> Result {
        var text = "Error: Unknown command '\(name)'"
        if let near = NameSuggestion.closest(to: name, among: commands.map(\.name) + ["help"]) {
            text += "\nDid you mean '\(near)'?"
        }
        text += "\nUsage: chorus <subcommand>\n  See 'chorus --help' for more information.\n"
        return Result(status: ExitStatus.usage, stdout: "", stderr: text)
    }
}
