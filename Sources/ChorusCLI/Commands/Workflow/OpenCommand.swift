import ChorusCore
import ChorusSupport
import Foundation

/// `chorus open`: starts an incident's journal from a state file or from flags — the same
/// flags `chorus update` takes, from the field table.
enum OpenCommand {
    static let spec = CommandSpec(
        name: "open",
        abstract: "Open an incident, maintenance or retrospective: start its journal from flags or a state file.",
        discussion: """
        An incident:      chorus open INC-2050 --title "…" --severity sev2 --impact "…" --affected "…" \\
                            --lead NAME --next-update +30m [--started 13:58] [--detected 14:02]
        A maintenance:    chorus open MNT-7 --kind maintenance --title "…" --impact "…" --affected "…" \\
                            --lead NAME --window-start "2026-12-01 02:00" --window-end "2026-12-01 04:00"
                          (status scheduled, severity sev4, next update at the window's start, unless given)
        A retrospective:  chorus open INC-2001 --kind retrospective --title "…" --severity sev3 --impact "…" \\
                            --affected "…" --lead NAME --started "2026-11-12 19:20" --resolved "2026-11-12 21:10" --fix "…"
        From a file:      chorus open --from state.json [--next-update +30m]
                          (last updated now; a next update in the file that has passed needs --next-update)
        Any field with a flag may be given (chorus help update lists them); the rest are set
        afterwards with chorus set, add and remove. The state is validated with the same rules as
        chorus validate before anything is written; each typed time is echoed back.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id (with flags; a state file carries its own).", arity: .optional)],
        options: [
            .value("from", "file", help: "A state file (JSON) to open the incident from; - reads standard input."),
            .value("kind", "kind", help: "incident, maintenance or retrospective.", default: "incident", allowed: IncidentKind.allCases.map(\.rawValue)),
        ] + FieldFlags.options + Workflow.writeOptions.filter { $0.long != "expect-revision" }
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        var state: IncidentState
        if let from = context.arguments.value("from") {
            let flags = FieldFlags.given(in: context).map { "--" + $0.flag.name }.filter { $0 != "--next-update" }
            guard flags.isEmpty else {
                throw UsageError("give either --from FILE or flags, not both (\(flags.joined(separator: ", "))); only --next-update goes with --from")
            }
            let input = try InputText.read(context.resolve(from), standardInput: context.readStandardInput)
            let file = from == "-" ? input.displayName : from
            let document: StateDocument
            do {
                document = try StateDocument.load(input.text)
            } catch let error as StateDocument.LoadError {
                throw InvalidInput("", problems: Problem.problems(of: error, file: file))
            }
            state = document.state
            if let id = context.arguments.argument("id"), id != state.id {
                throw UsageError("the id '\(id)' differs from the state file's id '\(state.id)'")
            }
            try refreshed(&state, from: document, file: file, context, workflow)
        } else {
            do { state = try fromFlags(context, workflow) } catch let error as StateEditError { throw FieldFlags.hint(error) }
        }
        if state.status == .monitoring && state.monitoringSince == nil { state.monitoringSince = workflow.now }
        let validated: IncidentState
        do throws(StateEditError) { validated = try IncidentEdits.validated(state, timeZone: workflow.timeZone) } catch { throw FieldFlags.hint(error) }
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

    /// A state file opened now is updated now, like every other write: its `lastUpdatedAt` is
    /// the write time (a replayed, earlier clock keeps a later one), and the next update it
    /// promises must still lie ahead — `--next-update` gives a new one, with the usual checks.
    static func refreshed(_ state: inout IncidentState, from document: StateDocument, file: String,
                          _ context: CommandContext, _ workflow: Workflow) throws {
        let now = workflow.now
        state.lastUpdatedAt = max(now, state.lastUpdatedAt)
        if let typed = context.arguments.value("next-update") {
            guard state.status.isOpen else {
                throw UsageError("--next-update: \(state.id) is \(state.status.rawValue) in \(file); a closed \(state.kind.rawValue) promises no next update")
            }
            state.nextUpdateAt = try workflow.nextUpdate(typed)
        } else if state.status.isOpen, let next = state.nextUpdateAt, next <= state.lastUpdatedAt {
            let path = JSONPath.root.appending("nextUpdateAt")
            let position = document.node.locate(path).position
            let message = "the next update (\(workflow.clock.absolute(next)), \(workflow.clock.relative(next))) has passed; "
                + "an incident opened now promises its next update ahead: give one with chorus open --from \(file) --next-update +30m"
            throw InvalidInput("", problems: [Problem(file: file, line: position.line, column: position.column, path: path.description, message: message)])
        }
    }

    /// The flags every kind needs: the required fields that have a flag and no default.
    static func requiredFlags(for kind: IncidentKind) -> [String] {
        var flags = ["title", "impact", "affected", "lead"]
        switch kind {
        case .incident: flags += ["severity", "next-update"]
        case .maintenance: flags += ["window-start", "window-end"]
        case .retrospective: flags += ["severity", "started", "resolved", "fix"]
        }
        return flags
    }

    static func fromFlags(_ context: CommandContext, _ workflow: Workflow) throws -> IncidentState {
        guard let id = context.arguments.argument("id") else { throw UsageError("Missing expected argument '<id>' (or pass --from FILE)") }
        let kind = IncidentKind(rawValue: context.arguments.value("kind") ?? "") ?? .incident
        let missing = requiredFlags(for: kind).filter { context.arguments.value($0) == nil }.map { "--" + $0 }
        guard missing.isEmpty else {
            throw UsageError("Missing \(missing.joined(separator: ", ")) to open \(Wording.article(kind.rawValue)) from flags")
        }
        let now = workflow.now
        let status: IncidentStatus = switch kind {
        case .incident: .investigating
        case .maintenance: .scheduled
        case .retrospective: .resolved
        }
        // A skeleton whose placeholders the required flags above all replace.
        let skeleton = IncidentState(
            id: id, title: "-", kind: kind, severity: kind == .maintenance ? .sev4 : .sev3, status: status,
            startedAt: now, lastUpdatedAt: now, roles: Roles(incidentLead: "-"), impact: CustomerImpact(summary: "-", whoIsAffected: "-")
        )
        var editor = try workflow.editor(skeleton)
        let given = FieldFlags.given(in: context)
        try FieldFlags.apply(given, to: &editor, skipping: ["status"])
        workflow.collectTimes(of: editor)
        var state = try editor.state()
        if let value = context.arguments.value("status") {
            guard let status = IncidentStatus(rawValue: value), IncidentStatus.allowed(for: kind).contains(status) else {
                throw UsageError("--status \(value) is not a status of \(Wording.article(kind.rawValue)); one of "
                                 + IncidentStatus.allowed(for: kind).map(\.rawValue).joined(separator: ", "))
            }
            state.status = status
        }
        let startedGiven = context.arguments.value("started") != nil
        // An incident opened without --detected leaves detectedAt unset: nobody said when it
        // was detected, and the drafts must not claim "We detected the problem" at the start.
        if kind == .maintenance {
            if let window = state.window {
                if !startedGiven && state.status == .scheduled { state.startedAt = window.start }
                if state.nextUpdateAt == nil && state.status.isOpen { state.nextUpdateAt = window.start }
            }
            if !state.status.isOpen && state.resolvedAt == nil { state.resolvedAt = now }
        }
        return state
    }
}
