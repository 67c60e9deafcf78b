import ChorusLint
import ChorusSupport

/// `chorus lint [FILE|-] --audience NAME`: checks any text — a rendered draft or a reply a
/// person wrote — against the phrasebook under an audience's policy.
enum LintCommand {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check a draft for speculation, ETAs, promises, jargon, blame, minimizing and internal names.",
        discussion: """
        Findings print as FILE:LINE:COL: severity: [category/rule] message (suggestion: ...), or as
        {"findings":[...]} with --format json. Severities come from the audience's policy; --state
        adds the state's internal component names (with their public names as suggestions).
        Exit status 1 when any finding is an error (with --strict, a warning too), 0 otherwise,
        64 on usage errors. --fix prints the text with unambiguous substitutions applied; it never
        edits the file. Suppress a finding for one line with <!-- chorus-disable-line CATEGORY -->,
        or for the next line with <!-- chorus-disable-next-line CATEGORY -->.
        """,
        arguments: [ArgumentSpec("file", help: "The text to check; - or nothing reads standard input.", arity: .optional)],
        options: [
            .value("audience", short: "a", "name", help: "The audience whose policy applies (customer, support, engineering, ...)."),
            .value("state", "file", help: "An incident state whose internal component names to look for."),
            .value("format", short: "f", "format", help: "text or json (default: text).", default: "text", allowed: ["text", "json"]),
            .flag("strict", help: "Exit 1 on warnings as well as errors."),
            .flag("fix", help: "Print the text with unambiguous substitutions applied."),
            .flag("list-rules", help: "List every rule with its categories."),
            .value("explain", "rule", help: "Describe a rule (or every rule of a category) with its examples."),
        ] + ResourceLocator.options,
        usage: """
        chorus lint [<file>] --audience <name> [--state <file>] [--format text|json] [--strict] [--fix]
               chorus lint --list-rules
               chorus lint --explain <rule>
        """
    ) { context in
        let arguments = context.arguments
        if arguments.flag("list-rules") {
            context.print(RuleCatalogText.list(), terminator: "")
            return ExitStatus.success
        }
        if let name = arguments.value("explain") {
            context.print(try RuleCatalogText.explain(name), terminator: "")
            return ExitStatus.success
        }
        guard let audienceName = arguments.value("audience") else {
            throw UsageError("Missing '--audience <name>': the audience decides how strict the check is")
        }
        let setup = try LintSetup.load(audience: audienceName, statePath: arguments.value("state"), context: context)
        let path = arguments.argument("file") ?? "-"
        let input = try InputText.read(context.resolve(path), standardInput: context.readStandardInput)
        let name = path == "-" ? input.displayName : path
        let json = arguments.value("format") == "json"
        let strict = arguments.flag("strict")

        if arguments.flag("fix") {
            let result = setup.linter.fix(input.text, policy: setup.policy, componentNames: setup.components)
            if json {
                FindingOutput.printFixJSON(result, to: &context)
            } else {
                context.print(result.text, terminator: "")
                for finding in result.remaining { context.printError(FindingOutput.textLine(finding, file: name)) }
                context.printError("\(name): applied \(FindingOutput.count(result.applied.count, "substitution")); "
                                   + FindingOutput.summary(result.remaining))
            }
            return FindingOutput.status(result.remaining, strict: strict)
        }
        let findings = setup.linter.lint(input.text, policy: setup.policy, componentNames: setup.components)
        if json {
            FindingOutput.printJSON(findings, to: &context)
        } else {
            for finding in findings { context.print(FindingOutput.textLine(finding, file: name)) }
            context.printError("\(name): \(FindingOutput.summary(findings))")
        }
        return FindingOutput.status(findings, strict: strict)
    }
}
