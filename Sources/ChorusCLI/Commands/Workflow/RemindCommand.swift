import ChorusCore
import ChorusPublish
import ChorusSupport
import Foundation

/// `chorus remind`: post to the engineering destinations when an incident's next update is due
/// within minutes, and when it is overdue — once per due time — for cron or a systemd timer, or
/// as a loop with `--watch`.
enum RemindCommand {
    static let spec = CommandSpec(
        name: "remind",
        abstract: "Remind the team when an open incident's next update is due soon or overdue (for cron, or --watch).",
        discussion: """
        For every open incident in the store: when its next update is due within --within
        minutes (default 10), posts a reminder to the destinations chorus.json names for the
        --audience (default engineering); when the time has passed, posts that it is overdue.
        Each kind goes out once per due time (a new next-update time starts over), and the journal
        records each reminder: the destination, whether it went out, who and when. Statuspage
        destinations never get reminders. Slack reminders go into the incident's thread when
        one was started by chorus publish, and to the channel too.

        Run it from cron (*/5 * * * *) or a systemd timer; --watch checks every --interval
        seconds (default 60) until stopped. Exit 0 when every reminder due went out, 2 when one
        failed (when none went out, the next run tries again).
        """,
        options: [
            .value("within", "minutes", help: "Remind when the next update is due within this many minutes (default 10)."),
            .value("audience", "name", help: "Whose destinations get the reminders (default engineering)."),
            .flag("watch", help: "Keep checking, every --interval seconds, until stopped."),
            .value("interval", "seconds", help: "With --watch: seconds between checks (default 60)."),
            .value("checks", "n", help: "With --watch: stop after N checks (default: never)."),
            .flag("dry-run", help: "Say which reminders are due and print their requests; send and journal nothing."),
        ] + Workflow.writeOptions
    ) { context in
        let a = context.arguments
        func number(_ option: String, _ fallback: Double, range: ClosedRange<Double>) throws -> Double {
            guard let text = a.value(option) else { return fallback }
            guard let value = Double(text), range.contains(value) else {
                throw UsageError("--\(option) takes a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), not '\(text)'")
            }
            return value
        }
        let within = try number("within", 10, range: 0...1_440)
        let interval = try number("interval", 60, range: 1...86_400)
        let checks = a.value("checks").map { _ in try? number("checks", 1, range: 1...1_000_000) } ?? nil
        let watch = a.flag("watch")
        if !watch && (a.value("interval") != nil || a.value("checks") != nil) { throw UsageError("--interval and --checks go with --watch") }
        var round = 0
        var status = ExitStatus.success
        while true {
            round += 1
            let outcome = try check(&context, within: within)
            if outcome != ExitStatus.success { status = outcome }
            guard watch else { return status }
            if let checks, Double(round) >= checks { return status }
            // A watch without an end (a systemd service, a terminal): each check's lines go out
            // as it happens, not when the command ends.
            if checks == nil { flush(&context) }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// Writes what was printed so far and empties the buffers.
    static func flush(_ context: inout CommandContext) {
        FileHandle.standardOutput.write(Data(context.stdout.utf8))
        FileHandle.standardError.write(Data(context.stderr.utf8))
        context.stdout = ""
        context.stderr = ""
    }

    /// One pass over the store.
    static func check(_ context: inout CommandContext, within: Double) throws -> Int32 {
        let a = context.arguments
        let dryRun = a.flag("dry-run")
        let audience = a.value("audience") ?? "engineering"
        let workflow = try Workflow(context)
        guard let workspace = try context.workspace() else {
            throw CommandFailure("no workspace: reminders go to the destinations a workspace's chorus.json names; create one with chorus init, or set CHORUS_WORKSPACE")
        }
        let destinations = (workspace.config.publishing[audience] ?? []).filter {
            if case .statuspage = $0.service { return false }
            return true
        }
        guard !destinations.isEmpty else {
            throw CommandFailure("\(workspace.configFile.path) names no destinations for \(audience) (other than Statuspage) to remind; add one under \"destinations\"")
        }
        let author = dryRun ? "(dry run)" : (try? workflow.author(context)) ?? "chorus remind"
        let clock = workflow.clock
        let publisher: Publisher
        if dryRun {
            let dry = DryRunTransport()
            publisher = Publisher(transport: dry, mailer: dry, policy: RetryPolicy(attempts: 1, budget: 0),
                                  secrets: Secrets(environment: context.environment, placeholders: true))
        } else {
            publisher = Publisher(transport: URLSessionTransport(), mailer: SystemMailTransport(workspaceRoot: workspace.root),
                                  policy: RetryPolicy(budget: 20), secrets: Secrets(environment: context.environment),
                                  random: SystemRandomSource())
        }
        var status = ExitStatus.success
        var any = false
        let (snapshots, failed) = try workflow.allSnapshots(&context)
        if failed { status = ExitStatus.couldNotRun }
        for found in snapshots {
            guard let state = found.state, state.status.isOpen, let next = state.nextUpdateAt else { continue }
            let kind: Reminder.Kind
            if next <= workflow.now { kind = .overdue } else if next.timeIntervalSince(workflow.now) <= within * 60 { kind = .due } else { continue }
            if found.reminders[kind.rawValue] == next { continue } // already reminded for this due time
            let when = kind == .due ? "by \(clock.absolute(next)), \(clock.relative(next))" : "was due by \(clock.absolute(next)), \(clock.relative(next))"
            let reminder = Reminder(incidentID: found.incidentID, title: PlainText.clean(state.title), kind: kind, dueAt: next, when: when,
                                    lead: PlainText.clean(state.roles.incidentLead))
            any = true
            if dryRun {
                context.print("\(found.incidentID): \(reminder.text)")
                for destination in destinations {
                    let thread = found.deliveries[PublicationDelivery.slot(audience: audience, destination: destination.name)]?.delivery
                    for request in publisher.remind(reminder, to: destination, thread: thread).requests { context.print(request.masked) }
                }
                continue
            }
            let journal = try workflow.journalOrFail(found.incidentID)
            var reports: [Publisher.Report] = []
            let result = try workflow.run {
                try journal.append(author: author, clock: try workflow.writeClock(context)) { current, _ in
                    // Looked at again under the lock: another run may have reminded meanwhile.
                    guard current.reminders[kind.rawValue] != next, current.state?.nextUpdateAt == next else { return [] }
                    var entries: [JournalEntry] = []
                    for destination in destinations {
                        let thread = current.deliveries[PublicationDelivery.slot(audience: audience, destination: destination.name)]?.delivery
                        let report = publisher.remind(reminder, to: destination, thread: thread)
                        reports.append(report)
                        var entry = JournalEntry(seq: 0, at: workflow.now, author: author, kind: .reminder)
                        entry.audience = audience
                        entry.summary = kind.rawValue
                        entry.dueAt = next
                        entry.note = reminder.text
                        entry.channel = destination.name
                        entry.delivery = report.delivery
                        entries.append(entry)
                    }
                    return entries
                }
            }
            workflow.report(result.torn, &context)
            for report in reports {
                if report.delivery.outcome == .sent {
                    context.print("\(found.incidentID): reminded \(audience)/\(report.destination.name): the next update \(kind == .due ? "is due" : "is overdue") (\(when))")
                } else {
                    status = ExitStatus.couldNotRun
                    context.printError("Error: \(found.incidentID): the reminder to \(audience)/\(report.destination.name) failed: \(report.delivery.error ?? "")")
                }
            }
        }
        if !any && !a.flag("watch") { context.print("No update is due within \(Int(within)) minutes.") }
        return status
    }
}
