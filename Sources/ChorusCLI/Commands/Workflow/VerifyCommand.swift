import ChorusCore
import ChorusSupport
import Foundation

/// `chorus verify [ID...]`: is the record intact?
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        abstract: "Check that an incident's journal is intact: nothing forged, edited, removed, reordered or duplicated.",
        discussion: """
        Reads every line of the journal and checks it: it decodes; sequence numbers run 1, 2, 3
        without gaps; each entry carries the SHA-256 of the line before it (a hash chain, so a
        changed, removed, inserted or reordered line shows at the next one); revisions are
        contiguous; approvals are of the current revision and match the hash of their text;
        publications name the latest approval; times never run backwards nor lie in the future;
        authors hold no control, bidirectional or invisible characters; and checkpoint.json
        agrees with the last line. Every problem is printed as JOURNAL:LINE: error: message.
        The head hash printed at the end vouches for every line up to it: note it elsewhere
        (a ticket, a chat message) and a later verify shows whether anything before it changed.
        Without an id, every incident in the store is verified. Exit 0 when intact, 1 when any
        problem is found. Changes nothing.
        """,
        arguments: [ArgumentSpec("id", help: "The incident ids (default: every incident in the store).", arity: .zeroOrMore)],
        options: Workflow.readOptions + [.value("format", short: "f", "format", help: "text (default) or json.", allowed: ["text", "json"])]
    ) { context in
        let workflow = try Workflow(context)
        var ids = context.arguments.arguments("id")
        if ids.isEmpty {
            try workflow.requireStore()
            ids = workflow.store.incidentIDs()
            guard !ids.isEmpty else { throw CommandFailure("no incidents in \(workflow.store.root.path)") }
        }
        var reports: [JournalVerification] = []
        for id in ids {
            let journal = try workflow.journalOrFail(id)
            reports.append(try workflow.run { try journal.verify(now: workflow.now) })
        }
        if context.arguments.value("format") == "json" {
            context.print(JSONOutput.array(reports.map(json)).rendered())
        } else {
            for report in reports { print(report, &context) }
        }
        return reports.allSatisfy(\.isIntact) ? ExitStatus.success : ExitStatus.failure
    }

    static func print(_ report: JournalVerification, _ context: inout CommandContext) {
        for problem in report.problems {
            context.printError("\(report.journalPath):\(problem.line): error: \(TerminalText.escape(problem.message))")
        }
        if report.tornBytes > 0 {
            context.printError("\(report.journalPath): note: the journal ends in an incomplete line (\(report.tornBytes) bytes, an interrupted write); the next read sets it aside")
        }
        let verdict = report.isIntact ? "intact" : "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")"
        context.print("\(report.incidentID): \(verdict): \(report.entries) entr\(report.entries == 1 ? "y" : "ies"), \(report.revisions) revision\(report.revisions == 1 ? "" : "s")"
            + (report.replayed > 0 ? ", \(report.replayed) dated by a replayed clock" : ""))
        if let head = report.head { context.print("  head: entry \(report.entries), sha256 \(head)") }
        context.print("  checkpoint: \(report.checkpoint)")
    }

    static func json(_ report: JournalVerification) -> JSONOutput {
        .object([
            ("incident", .string(report.incidentID)),
            ("journal", .string(report.journalPath)),
            ("intact", .bool(report.isIntact)),
            ("entries", .int(report.entries)),
            ("revisions", .int(report.revisions)),
            ("replayed", .int(report.replayed)),
            ("head", report.head.map { .string($0) } ?? .null),
            ("tornBytes", .int(report.tornBytes)),
            ("checkpoint", .string(report.checkpoint)),
            ("problems", .array(report.problems.map { .object([("line", .int($0.line)), ("message", .string($0.message))]) })),
        ])
    }
}
