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
        rules beyond shape (next update time while open, resolved time and fix once resolved,
        times in order, unique ids, owners on follow-ups, a time on a confirmed ETA).
        Nothing is ever written. Exit status 0 when every file is valid, 1 otherwise.
        """,
        arguments: [ArgumentSpec("file", help: "State files (JSON); - reads standard input.", arity: .oneOrMore)],
        options: [.flag("quiet", short: "q", help: "Print nothing for valid files.")]
    ) { context in
        var failed = false
        for path in context.arguments.arguments("file") {
            let input: InputText
            do {
                input = try InputText.read(context.resolve(path), standardInput: context.readStandardInput)
            } catch let error as InputError {
                context.printError("\(path): error: \(error.reason)")
                failed = true
                continue
            } catch {
                context.printError("\(path): error: \(error)")
                failed = true
                continue
            }
            let name = path == "-" ? input.displayName : path
            do {
                let document = try StateDocument.load(input.text)
                if !context.arguments.flag("quiet") {
                    let state = document.state
                    context.print("\(name): valid (\(state.id), \(state.kind.rawValue), \(state.status.rawValue))")
                }
            } catch let error as StateDocument.LoadError {
                for line in error.formatted(file: name) { context.printError(line) }
                failed = true
            } catch {
                context.printError("\(name): error: \(error)")
                failed = true
            }
        }
        return failed ? ExitStatus.failure : ExitStatus.success
    }
}
