import ChorusCore
import Foundation

/// `chorus reopen ID --reason … --next-update …`: a fix that did not hold.
enum ReopenCommand {
    static let spec = CommandSpec(
        name: "reopen",
        abstract: "Reopen a resolved incident (the problem returned): back to investigating or identified, journaled.",
        discussion: """
        Returns a resolved incident to investigating (or --status identified or monitoring), clears
        its resolved time, promises the next update, and records when and why it was reopened, so
        every audience's draft says the problem has returned. The fix that did not hold becomes a
        failed step (engineers and the review see what was tried) and a new fix is needed before
        chorus resolve passes again. A completed maintenance reopens to in_progress or verifying.

        When customers were affected again before you reopened (failures came back at 15:48 and
        you reopen at 15:52), say so with --impact-returned 15:48: the customer impact then counts
        from 15:48 in the review's impact and duration and in every "between … and …" window, and
        the review's timeline says when the problem returned. A clock time means the most recent
        one that has passed; it must lie between the resolution and now. Without it the impact
        counts from the reopening.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: [
            .value("reason", "text", help: "What showed the problem had returned (engineering and the review see it)."),
            .value("status", "status", help: "The status to return to (default: investigating; in_progress for a maintenance).",
                   allowed: [IncidentStatus.investigating, .identified, .monitoring, .inProgress, .verifying].map(\.rawValue)),
            .value("next-update", "time", help: "When the next update comes: +30m, 14:40 or a full date (required: the incident is open again)."),
            .value("impact-returned", "time", help: "When customers were affected again, if before now: 15:48, -10m or a full date (default: now, the reopening)."),
        ] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        guard let id = context.arguments.argument("id") else { throw UsageError("Missing expected argument '<id>'") }
        guard let reason = context.arguments.value("reason"), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("Missing '--reason <text>': say what showed the problem had returned")
        }
        guard let typed = context.arguments.value("next-update") else {
            throw UsageError("Missing '--next-update <time>': a reopened incident promises its next update")
        }
        let nextUpdate = try workflow.nextUpdate(typed)
        let impactReturned = try context.arguments.value("impact-returned").map { try workflow.time($0, option: "--impact-returned", .past) }
        let requested = context.arguments.value("status").flatMap(IncidentStatus.init(rawValue:))
        let now = workflow.now
        try workflow.revise(id, &context, summary: "reopened: \(reason)") { current in
            var state = current
            let status = requested ?? (current.kind == .maintenance ? .inProgress : .investigating)
            // Checked first so the refusal names the option (a usage error: the time typed is wrong).
            if let impactReturned, !current.status.isOpen,
               let problem = IncidentLifecycle.impactReturnedProblem(impactReturned, state: current, at: now, timeZone: workflow.timeZone) {
                throw UsageError("--impact-returned: \(problem)")
            }
            try IncidentLifecycle.reopen(&state, to: status, reason: reason, nextUpdate: nextUpdate,
                                         impactReturned: impactReturned, at: now, timeZone: workflow.timeZone)
            return state
        }
        return ExitStatus.success
    }
}
