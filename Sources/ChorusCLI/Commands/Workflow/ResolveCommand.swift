import ChorusCore
import Foundation

/// `chorus resolve ID`: the close-out checklist, then the resolved revision.
enum ResolveCommand {
    static let spec = CommandSpec(
        name: "resolve",
        abstract: "Resolve an incident once the close-out checklist passes; otherwise list what is missing.",
        discussion: """
        The checklist: every component operational (fix in place), monitoring held for the state's
        monitoring period (default 30 minutes), a fact from support since monitoring began (reports
        dropping), a root cause or confirmed hypothesis, the fix recorded, and at least one
        follow-up with an owner. Exit 1 and nothing written when anything is missing.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let snapshot = try workflow.snapshot(id, &context)
        let state = try workflow.run { try snapshot.requireState() }
        guard state.status.isOpen else { throw CommandFailure("\(id) is already \(state.status.rawValue)") }
        guard state.kind == .incident else { throw CommandFailure("\(id) is a \(state.kind.rawValue); use chorus update \(id) --status completed") }
        let items = ResolveChecklist.check(state, now: workflow.now)
        let missing = items.filter { !$0.passed }
        guard missing.isEmpty else {
            context.printError("Error: \(id) cannot be resolved yet; \(missing.count) of \(items.count) checks fail:")
            for item in items { context.printError("  [\(item.passed ? "x" : " ")] \(item.name): \(item.detail)") }
            return ExitStatus.failure
        }
        let now = workflow.now
        try workflow.revise(id, &context, summary: "resolved") { current in
            // Check again under the writers' lock: someone may have changed the incident since.
            let missingNow = ResolveChecklist.check(current, now: now).filter { !$0.passed }
            guard missingNow.isEmpty else {
                throw JournalError.rejected("\(id) changed while resolving; it cannot be resolved now: " + missingNow.map { "\($0.name): \($0.detail)" }.joined(separator: "; "))
            }
            var next = current
            next.status = .resolved
            next.resolvedAt = now
            next.nextUpdateAt = nil
            next.eta = nil
            return next
        }
        for item in items { context.print("  [x] \(item.name): \(item.detail)") }
        return ExitStatus.success
    }
}
