import ChorusCore
import Foundation

/// `chorus update ID --FLAG VALUE …`: changes the pinned fields of an incident. Its flags come
/// from the field table (`FieldFlags`), the same ones `chorus open` takes.
enum UpdateCommand {
    static let spec = CommandSpec(
        name: "update",
        abstract: "Change an incident's status, impact, next update time, lead, ETA, workaround or any field with a flag.",
        discussion: """
        Every change is validated and journaled as a new revision with the fields it changed.
        Times take now, +15m, -10m, 10:40 (the next such time in --tz for what is to come, the
        most recent for what has happened) or a full date; a next update more than 12 hours away
        needs its full date. Each typed time is echoed back. "none" removes an optional field.
        To resolve an incident use chorus resolve, which checks the close-out list first; to
        open a resolved one again, chorus reopen. Fields without a flag: chorus set, add, remove.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: FieldFlags.options + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        guard let id = context.arguments.argument("id") else { throw UsageError("Missing expected argument '<id>'") }
        let given = FieldFlags.given(in: context)
        guard !given.isEmpty else {
            throw UsageError("Nothing to update: give at least one of --status, --impact, --next-update, --lead, --eta, --workaround, … (chorus help update)")
        }
        let status = context.arguments.value("status").flatMap(IncidentStatus.init(rawValue:))
        if status == .resolved {
            throw UsageError("to resolve an incident use 'chorus resolve \(id)', which checks the close-out list first")
        }
        let now = workflow.now
        do {
            try workflow.revise(id, &context, summary: "update " + given.map { "--\($0.flag.name)" + ($0.flag.name == "status" ? " \($0.value)" : "") }.joined(separator: " ")) { current in
                var editor = try workflow.editor(current)
                try FieldFlags.apply(given, to: &editor, skipping: ["status"])
                workflow.collectTimes(of: editor)
                var state = try editor.state()
                if let status { try IncidentLifecycle.changeStatus(&state, to: status, at: now) }
                return state
            }
        } catch let error as StateEditError {
            throw FieldFlags.hint(error)
        }
        return ExitStatus.success
    }
}
