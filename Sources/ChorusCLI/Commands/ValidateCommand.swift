import ChorusCore
import ChorusSupport

/// `chorus validate FILE...`: checks incident state files and reports every problem.
enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check incident state files against the model and its rules.",
        discussion: """
        Reports every problem in every file, not only the first: malformed JSON as
        FILE:LINE:COL, unknown keys (with "did you mean"), missing fields, wrong values, and the
        rules beyond shape (next update time while open and after the last update, resolved time
        and fix once resolved, times in order, unique ids, owners on follow-ups, a time on a
        confirmed ETA). Nothing is ever written.
        Exit status 0 when every file is valid, 1 when any has problems, 2 when a file cannot be
        read. --format json prints {"files":[{"file","valid","problems":[{"line","column","path","message"}]}]}.
        """,
        arguments: [ArgumentSpec("file", help: "State files (JSON); - reads standard input.", arity: .oneOrMore)],
        options: [
            .flag("quiet", short: "q", help: "Print nothing for valid files."),
            .value("format", short: "f", "format", help: "text or json.", default: "text", allowed: ["text", "json"]),
        ]
    ) { context in
        var invalid = false, unreadable = false
        var results: [JSONOutput] = []
        let json = context.arguments.value("format") == "json"
        for path in context.arguments.arguments("file") {
            let input: InputText
            do throws(InputError) {
                input = try InputText.read(context.resolve(path), standardInput: context.readStandardInput)
            } catch {
                unreadable = true
                if json {
                    results.append(.object([("file", .string(path)), ("valid", .bool(false)), ("readable", .bool(false)), ("message", .string(error.reason))]))
                } else {
                    context.printError("\(path): error: \(error.reason)")
                }
                continue
            }
            let name = path == "-" ? input.displayName : path
            do throws(StateDocument.LoadError) {
                let state = try StateDocument.load(input.text).state
                if json {
                    results.append(.object([("file", .string(name)), ("valid", .bool(true)), ("id", .string(state.id)),
                                            ("kind", .string(state.kind.rawValue)), ("status", .string(state.status.rawValue))]))
                } else if !context.arguments.flag("quiet") {
                    context.print("\(TerminalText.escape(name)): valid (\(state.id), \(state.kind.rawValue), \(state.status.rawValue))")
                }
            } catch {
                invalid = true
                let problems = Problem.problems(of: error, file: name)
                if json {
                    results.append(.object([("file", .string(name)), ("valid", .bool(false)), ("problems", .array(problems.map(\.json)))]))
                } else {
                    for problem in problems { context.printError(problem.text) }
                }
            }
        }
        if json { context.print(JSONOutput.object([("files", .array(results))]).rendered()) }
        return unreadable ? ExitStatus.couldNotRun : invalid ? ExitStatus.failure : ExitStatus.success
    }
}
