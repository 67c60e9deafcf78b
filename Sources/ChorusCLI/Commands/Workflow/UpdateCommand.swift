import ChorusCore
import Foundation

/// `chorus update ID …`: changes the pinned fields of an incident.
enum UpdateCommand {
    static let clearable = "(none clears it)"

    static let fieldOptions: [OptionSpec] = [
        .value("status", "status", help: "The new status.", allowed: IncidentStatus.allCases.map(\.rawValue)),
        .value("severity", "sev", help: "The new severity.", allowed: IncidentSeverity.allCases.map(\.rawValue)),
        .value("title", "text", help: "A new public title."),
        .value("impact", "text", help: "The customer impact in plain words."),
        .value("affected", "text", help: "Who is affected, in words."),
        .value("next-update", "time", help: "When the next update comes."),
        .value("lead", "name", help: "The incident lead."),
        .value("comms", "name", help: "The comms lead."),
        .value("eta", "time", help: "When the fix is expected \(clearable)."),
        .value("eta-confidence", "level", help: "estimate or confirmed (default: estimate).", allowed: ETAConfidence.allCases.map(\.rawValue)),
        .value("workaround", "text", help: "What customers can do meanwhile \(clearable)."),
        .value("fix", "text", help: "What fixed it."),
        .value("root-cause", "text", help: "The root cause, blamelessly worded."),
        .value("business-impact", "text", help: "What it costs the business."),
        .value("monitoring-period", "minutes", help: "How long monitoring must hold before resolving."),
    ]

    static let spec = CommandSpec(
        name: "update",
        abstract: "Change an incident's status, impact, next update time, lead, ETA or workaround.",
        discussion: """
        Every change is validated and journaled as a new revision with the fields it changed.
        Times take now, +15m, +1h30m, 10:40 (the next such time in --tz) or a full date; a next
        update more than 12 hours away needs its full date. Each typed time is echoed back.
        To resolve an incident use chorus resolve, which checks the close-out list first.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: fieldOptions + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        guard let id = context.arguments.argument("id") else { throw UsageError("Missing expected argument '<id>'") }
        let a = context.arguments
        let given = fieldOptions.map(\.long).filter { a.value($0) != nil }
        guard !given.isEmpty else { throw UsageError("Nothing to update: give at least one of --status, --impact, --next-update, --lead, --eta, --workaround, …") }
        if a.value("status") == IncidentStatus.resolved.rawValue {
            throw UsageError("to resolve an incident use 'chorus resolve \(id)', which checks the close-out list first")
        }
        let nextUpdate = try a.value("next-update").map { try workflow.nextUpdate($0) }
        let eta = try a.value("eta").flatMap { $0 == "none" ? nil : try workflow.time($0, option: "--eta", .future) }
        var period: Int?
        if let text = a.value("monitoring-period") {
            guard let minutes = Int(text), minutes > 0 else { throw UsageError("--monitoring-period takes a number of minutes, not '\(text)'") }
            period = minutes
        }
        let now = workflow.now
        try workflow.revise(id, &context, summary: "update " + given.map { "--\($0)" }.joined(separator: " ")) { current in
            var state = current
            if let value = a.value("status").flatMap(IncidentStatus.init(rawValue:)) {
                state.status = value
                if value == .completed { state.resolvedAt = now; state.nextUpdateAt = nil }
            }
            if let value = a.value("severity").flatMap(IncidentSeverity.init(rawValue:)) { state.severity = value }
            if let value = a.value("title") { state.title = value }
            if let value = a.value("impact") { state.impact.summary = value }
            if let value = a.value("affected") { state.impact.whoIsAffected = value }
            if let nextUpdate { state.nextUpdateAt = nextUpdate }
            if let value = a.value("lead") { state.roles.incidentLead = value }
            if let value = a.value("comms") { state.roles.commsLead = value }
            if a.value("eta") != nil || a.value("eta-confidence") != nil {
                if a.value("eta") == "none" {
                    state.eta = nil
                } else {
                    let confidence = a.value("eta-confidence").flatMap(ETAConfidence.init(rawValue:)) ?? state.eta?.confidence ?? .estimate
                    state.eta = ETA(at: eta ?? state.eta?.at, confidence: confidence)
                }
            }
            if let value = a.value("workaround") { state.workaround = value == "none" ? nil : value }
            if let value = a.value("fix") { state.fix = value }
            if let value = a.value("root-cause") { state.rootCause = RootCause(summary: value, whys: state.rootCause?.whys ?? []) }
            if let value = a.value("business-impact") { state.businessImpact = value }
            if let period { state.monitoringPeriodMinutes = period }
            return state
        }
        return ExitStatus.success
    }
}
