import ChorusCore
import ChorusSupport
import Foundation

/// `chorus show`, `chorus list`: what a newcomer reads in a minute.
enum ShowCommands {
    static func nextUpdateLine(_ state: IncidentState, clock: RenderClock) -> String {
        guard state.status.isOpen else { return "none (\(state.status.rawValue))" }
        guard let next = state.nextUpdateAt else { return "not set" }
        if let overdue = clock.overdue(next) { return "\(overdue) (was due \(clock.absolute(next)))" }
        return "\(clock.absolute(next)), \(clock.relative(next))"
    }

    static let show = CommandSpec(
        name: "show",
        abstract: "The pinned summary: what is broken, who is affected, owner, status, next update due.",
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: Workflow.readOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let snapshot = try workflow.snapshot(id, &context)
        let state = try workflow.run { try snapshot.requireState() }
        let clock = workflow.clock
        func row(_ label: String, _ value: String) { context.print("  " + (label + ":").padding(toLength: 14, withPad: " ", startingAt: 0) + TerminalText.escape(value)) }
        context.print("\(state.id)  \(TerminalText.escape(state.title))")
        row("status", "\(Labels.status(state.status)), \(state.severity.rawValue.uppercased()), revision \(snapshot.revision)")
        row("broken", state.impact.summary)
        row("affected", state.impact.whoIsAffected)
        let affected = state.components.filter { $0.status != .operational }
        if !affected.isEmpty {
            row("components", affected.map { "\($0.publicName) [\($0.internalName)]: \(Labels.componentStatus($0.status).lowercased())" }.joined(separator: "; "))
        }
        row("owner", state.roles.incidentLead + (state.roles.commsLead.map { " (comms: \($0))" } ?? ""))
        if let workaround = state.workaround { row("workaround", workaround) }
        row("last updated", "\(clock.absolute(state.lastUpdatedAt)) (\(clock.relative(state.lastUpdatedAt)))" + (snapshot.revisionAuthor.map { " by \($0)" } ?? ""))
        row("next update", nextUpdateLine(state, clock: clock))
        let open = state.hypotheses.filter { $0.state == .open }.count
        let next = state.steps.filter { $0.state == .planned || $0.state == .inProgress }
        row("work", Wording.count(state.facts.count, "fact") + ", " + Wording.count(open, "open hypothesis", plural: "open hypotheses")
            + ", " + Wording.count(next.count, "next step") + (next.isEmpty ? "" : " (" + next.map { "\($0.owner): \($0.text)" }.joined(separator: "; ") + ")"))
        if !snapshot.approvals.isEmpty {
            row("approved", snapshot.approvals.keys.sorted().map { audience in
                let approval = snapshot.approvals[audience]
                return "\(audience) r\(approval?.revision ?? 0)" + (approval?.kind == .override ? " (override: \(approval?.reason ?? ""))" : "")
            }.joined(separator: ", "))
        }
        return ExitStatus.success
    }

    static let list = CommandSpec(
        name: "list",
        abstract: "List open incidents with status, owner and next update due.",
        options: Workflow.readOptions + [.flag("all", help: "Include resolved and completed incidents.")]
    ) { context in
        let workflow = try Workflow(context)
        var rows: [[String]] = [["ID", "STATUS", "SEV", "OWNER", "NEXT UPDATE", "TITLE"]]
        let (snapshots, failed) = try workflow.allSnapshots(&context)
        for snapshot in snapshots {
            guard let state = snapshot.state, state.status.isOpen || context.arguments.flag("all") else { continue }
            rows.append([state.id, state.status.rawValue, state.severity.rawValue, state.roles.incidentLead,
                         nextUpdateLine(state, clock: workflow.clock), state.title])
        }
        if rows.count == 1 {
            context.print(context.arguments.flag("all") ? "No incidents in \(workflow.store.root.path)." : "No open incidents.")
        } else {
            context.print(Table.render(rows), terminator: "")
        }
        return failed ? ExitStatus.couldNotRun : ExitStatus.success
    }
}

/// Left-aligned columns separated by two spaces; every cell escaped for the terminal.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map(TerminalText.escape) }
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
