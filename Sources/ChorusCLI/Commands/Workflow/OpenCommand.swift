import ChorusCore
import ChorusSupport
import Foundation

/// `chorus open`: starts an incident's journal from a state file or from flags.
enum OpenCommand {
    static let spec = CommandSpec(
        name: "open",
        abstract: "Open an incident: start its journal from a state file or from flags.",
        discussion: """
        From a file:   chorus open --from state.json --as NAME
        From flags:    chorus open INC-2050 --title "…" --severity sev2 --impact "…" --affected "…" \\
                         --lead NAME --next-update +30m --as NAME
        The state is validated with the same rules as chorus validate before anything is written.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id (with flags; a state file carries its own).", arity: .optional)],
        options: [
            .value("from", "file", help: "A state file (JSON) to open the incident from; - reads standard input."),
            .value("title", "text", help: "A short public title."),
            .value("kind", "kind", help: "incident, maintenance or retrospective.", default: "incident", allowed: IncidentKind.allCases.map(\.rawValue)),
            .value("severity", "sev", help: "sev1 (worst) to sev4.", allowed: IncidentSeverity.allCases.map(\.rawValue)),
            .value("status", "status", help: "The starting status (default: investigating).", allowed: IncidentStatus.allCases.map(\.rawValue)),
            .value("impact", "text", help: "The customer impact in plain words."),
            .value("affected", "text", help: "Who is affected, in words."),
            .value("lead", "name", help: "The incident lead."),
            .value("next-update", "time", help: "When the next update comes: +30m, 14:40 (the next such time) or a full date; within 12 hours unless a full date."),
            .value("started", "time", help: "When it started: 13:58 (the most recent such time), -15m or a full date (default: now)."),
        ] + Workflow.writeOptions.filter { $0.long != "expect-revision" }
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        var state: IncidentState
        if let from = context.arguments.value("from") {
            let input = try InputText.read(context.resolve(from), standardInput: context.readStandardInput)
            do {
                state = try StateDocument.load(input.text).state
            } catch let error as StateDocument.LoadError {
                throw InvalidInput("", problems: Problem.problems(of: error, file: from == "-" ? input.displayName : from))
            }
            if let id = context.arguments.argument("id"), id != state.id {
                throw UsageError("the id '\(id)' differs from the state file's id '\(state.id)'")
            }
        } else {
            guard let id = context.arguments.argument("id") else { throw UsageError("Missing expected argument '<id>' (or pass --from FILE)") }
            var missing: [String] = []
            for option in ["title", "severity", "impact", "affected", "lead", "next-update"] where context.arguments.value(option) == nil {
                missing.append("--\(option)")
            }
            let kind = IncidentKind(rawValue: context.arguments.value("kind") ?? "incident") ?? .incident
            if kind != .incident { missing.append("(maintenance and retrospectives need a window or times: use --from FILE)") }
            guard missing.isEmpty else { throw UsageError("Missing \(missing.joined(separator: ", ")) to open from flags") }
            let started = try context.arguments.value("started").map { try workflow.time($0, option: "--started", .past) } ?? workflow.now
            state = IncidentState(
                id: id, title: context.arguments.value("title") ?? "", kind: kind,
                severity: IncidentSeverity(rawValue: context.arguments.value("severity") ?? "") ?? .sev3,
                status: IncidentStatus(rawValue: context.arguments.value("status") ?? "") ?? .investigating,
                startedAt: started, detectedAt: started, lastUpdatedAt: workflow.now,
                nextUpdateAt: try workflow.nextUpdate(context.arguments.value("next-update") ?? ""),
                roles: Roles(incidentLead: context.arguments.value("lead") ?? ""),
                impact: CustomerImpact(summary: context.arguments.value("impact") ?? "", whoIsAffected: context.arguments.value("affected") ?? "")
            )
        }
        if state.status == .monitoring && state.monitoringSince == nil { state.monitoringSince = workflow.now }
        let validated = try IncidentEdits.validated(state)
        let journal = try workflow.run { try workflow.store.journal(for: validated.id) }
        let result = try workflow.run {
            try journal.append(author: author, clock: try workflow.writeClock(context)) { snapshot, _ in
                guard snapshot.revision == 0 else { throw JournalError.incidentExists(id: validated.id) }
                var entry = JournalEntry(seq: 0, at: workflow.now, author: author, kind: .revision)
                entry.state = validated
                entry.changed = ["$"]
                entry.summary = "opened"
                return [entry]
            }
        }
        context.print("\(validated.id): opened at revision \(result.snapshot.revision) by \(author) in \(journal.folder.path)")
        workflow.echoTypedTimes(&context)
        return ExitStatus.success
    }
}
