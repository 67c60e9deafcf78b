import ChorusLint
import ChorusSupport
import Foundation

/// `chorus eval CORPUS.jsonl`: lints every message of a hand-labelled corpus and prints
/// precision, recall and F1 per category, so a phrasebook author sees what an edit does.
enum EvalCommand {
    static let spec = CommandSpec(
        name: "eval",
        abstract: "Measure lint precision and recall on a hand-labelled corpus of real messages.",
        discussion: """
        CORPUS is JSON Lines, one message per line: {"id", "org", "text", "labels": [{"category",
        "start", "end", "text"}]} with offsets in Unicode characters (the schema of the Chorus lint
        corpus). Every message is linted under the audience's policy (customer by default). A
        finding is correct when it overlaps a labelled span of its category; a labelled span is
        found when a finding of its category overlaps it. labelled-speculation counts as
        speculation and internal-name as jargon. update_cadence spans are not flags: the report
        counts how many an ETA finding overlaps, which should be none.
        --orgs / --exclude-orgs keep or hold out organizations (by name or id prefix, comma
        separated) to check that rules generalize. --show N lists up to N misses and N false
        alarms per category. Exit status 0 when the corpus was read and scored, 1 when it is
        malformed (every problem is listed with its line and column; with --format json as the
        error's problems), 2 when it cannot be read or has nothing to score, 64 on usage errors.
        """,
        arguments: [ArgumentSpec("corpus", help: "The labelled corpus (JSON Lines); - reads standard input.")],
        options: [
            .value("audience", short: "a", "name", help: "The audience whose policy applies (default: customer).", default: "customer"),
            .value("show", "n", help: "List up to N misses and N false alarms per category."),
            .value("category", "name", help: "Only list mistakes of this category (with --show).",
                   allowed: CorpusEvaluation.categories),
            .value("orgs", "names", help: "Only these organizations (comma-separated names or id prefixes)."),
            .value("exclude-orgs", "names", help: "Every organization but these (comma-separated)."),
            .value("format", short: "f", "format", help: "text or json (default: text).", default: "text", allowed: ["text", "json"]),
        ] + ResourceLocator.options,
        usage: "chorus eval <corpus> [--audience <name>] [--show <n>] [--category <name>] [--orgs <names> | --exclude-orgs <names>] [--format text|json]"
    ) { context in
        let arguments = context.arguments
        var show = 0
        if let text = arguments.value("show") {
            guard let n = Int(text), n >= 0, n <= 100_000 else {
                throw UsageError("--show takes a number of mistakes from 0 to 100000, not '\(text)'")
            }
            show = n
        }
        if arguments.value("orgs") != nil, arguments.value("exclude-orgs") != nil {
            throw UsageError("Give --orgs or --exclude-orgs, not both")
        }
        let setup = try LintSetup.load(audience: arguments.value("audience") ?? "customer", statePath: nil, context: context)
        let path = arguments.argument("corpus") ?? "-"
        let input = try InputText.read(context.resolve(path), standardInput: context.readStandardInput)
        let name = path == "-" ? input.displayName : path
        var corpus: LabelledCorpus
        do throws(CorpusError) {
            corpus = try LabelledCorpus.parse(input.text)
        } catch {
            // A corpus that was read and found wrong is invalid input (exit 1), like a state
            // file; its problems are a list (the JSON error's `problems`), not one message.
            let problems = error.problems.prefix(50).map { Problem(file: name, line: $0.line, column: $0.column, message: $0.message) }
            throw InvalidInput("the corpus has \(Wording.count(error.problems.count, "problem"))"
                               + (error.problems.count > 50 ? "; the first 50:" : ":"), problems: Array(problems))
        }
        for (option, excluding) in [("orgs", false), ("exclude-orgs", true)] {
            guard let value = arguments.value(option) else { continue }
            let names = list(value)
            // A name that selects nothing is a typo, not an empty selection.
            for org in names where corpus.filtered(organizations: [org], excluding: false).messages.isEmpty {
                var message = "--\(option): no organization '\(TerminalText.escape(org))' in \(TerminalText.escape(name))"
                let known = Set(corpus.messages.flatMap { [$0.org, $0.idPrefix] })
                if let near = NameSuggestion.closest(to: org, among: known.sorted()) { message += "\nDid you mean '\(near)'?" }
                throw UsageError(message)
            }
            corpus = corpus.filtered(organizations: names, excluding: excluding)
        }
        // Nothing to score is no score: 1.00 everywhere would read as perfect.
        guard !corpus.messages.isEmpty else {
            throw CommandFailure("\(TerminalText.escape(name)) has no messages to evaluate"
                                 + (arguments.value("exclude-orgs") != nil ? " once the organizations named by --exclude-orgs are left out" : ""))
        }
        let result = CorpusEvaluation.evaluate(corpus, linter: setup.linter, policy: setup.policy)
        let only = arguments.value("category")
        if arguments.value("format") == "json" {
            context.print(EvaluationReport.json(result, show: show, only: only).rendered())
        } else {
            context.print(EvaluationReport.text(result, corpus: name, audience: arguments.value("audience") ?? "customer",
                                                show: show, only: only), terminator: "")
        }
        return ExitStatus.success
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
