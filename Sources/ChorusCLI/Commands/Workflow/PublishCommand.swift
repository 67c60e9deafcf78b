import ChorusCore
import ChorusPublish
import ChorusSupport
import Foundation

/// `chorus publish`: send approved drafts to their destinations (`--send`, `--retry`), show what
/// would be sent (`--dry-run`), or record a publication made by hand (`--channel`).
enum PublishCommand {
    static let spec = CommandSpec(
        name: "publish",
        abstract: "Send approved drafts to the workspace's destinations (--send), or record a publication made by hand.",
        discussion: """
        --send sends each audience's latest approved draft to the destinations the workspace's
        chorus.json names for it (Slack, Statuspage, e-mail, webhooks) and journals every attempt:
        destination, the service's id (Statuspage incident, Slack ts), HTTP status, who and when.
        The first publication creates the Statuspage incident or starts the Slack thread; later
        ones update the same incident and reply in the same thread. A draft that is not approved,
        or whose approval is stale (the incident changed since, or its promised next update has
        passed), is refused with the reason (exit 1) and nothing is sent for it.

        A failed send is journaled as failed (exit 2); --retry completes it, never creating a
        second incident or thread. Rate limits (429) wait for Retry-After and server errors back
        off, for at most --wait seconds in all. --dry-run prints every request (method, URL,
        headers with secrets masked, body) and sends nothing. Secrets are read only from the
        environment variables chorus.json names.

        Without --send, --retry or --dry-run, records that the approved text went out by hand:
        on --channel, or else the channel its audience definition names. A stale approval is
        refused there too (exit 1), unless --override "reason" records that it went out anyway.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id."),
                    ArgumentSpec("audiences", help: "The audiences (or --all).", arity: .zeroOrMore)],
        options: [
            .flag("all", help: "Every audience with an approval of the current revision."),
            .flag("send", help: "Send to the audiences' destinations in chorus.json."),
            .flag("retry", help: "Complete the sends that failed for the latest approvals."),
            .flag("dry-run", help: "Print the requests a send would make (secrets masked); send nothing."),
            .value("destination", "name", help: "Only this destination (its name in chorus.json).", repeatable: true),
            .flag("notify", help: "Statuspage: notify subscribers (default: yes, except for a retrospective)."),
            .flag("no-notify", help: "Statuspage: do not notify subscribers."),
            .value("wait", "seconds", help: "Longest time to spend waiting between retries (default 60)."),
            .value("channel", "name", help: "Record a publication made by hand: where it went (default: the audience's channel)."),
            ApprovalCommands.overrideOption,
        ] + Workflow.writeOptions + [ResourceLocator.audiencesOption]
    ) { context in
        let a = context.arguments
        let modes = [a.flag("send"), a.flag("retry"), a.flag("dry-run")].filter { $0 }.count
        if modes > 1 { throw UsageError("Give one of --send, --retry and --dry-run") }
        if modes == 1, a.value("override") != nil {
            throw UsageError("--override records by hand that a stale approval went out; --send, --retry and --dry-run send only a current approval: approve the current draft")
        }
        if modes == 1, a.value("channel") != nil { throw UsageError("--channel records a publication made by hand; --send, --retry and --dry-run use the destinations in chorus.json") }
        if a.flag("notify") && a.flag("no-notify") { throw UsageError("Give either --notify or --no-notify, not both") }
        let id = a.argument("id") ?? ""
        var named: [String] = []
        for name in a.arguments("audiences") where !named.contains(name) { named.append(name) }
        if a.flag("all") && !named.isEmpty { throw UsageError("Give audiences or --all, not both") }
        if !a.flag("all") && named.isEmpty { throw UsageError("Missing '<audiences>': name the audiences to publish, or --all") }
        // Recording a publication made by hand is `ApprovalCommands.publish`, as it was.
        guard modes == 1 else { return try ApprovalCommands.publish.run(&context) }
        return try send(&context, id: id, named: named)
    }

    // MARK: Sending

    /// One audience's destinations and approval, checked.
    struct Plan {
        var audience: String
        var publication: Publication
        var destinations: [Destination]
    }

    static func send(_ context: inout CommandContext, id: String, named: [String]) throws -> Int32 {
        let a = context.arguments
        let dryRun = a.flag("dry-run"), retry = a.flag("retry")
        let workflow = try Workflow(context)
        guard let workspace = try context.workspace() else {
            throw CommandFailure("no workspace: --send, --retry and --dry-run send to the destinations a workspace's chorus.json names; create one with chorus init, or set CHORUS_WORKSPACE")
        }
        let file = workspace.configFile.path
        var wait = 60.0
        if let text = a.value("wait") {
            guard let seconds = Double(text), seconds >= 0, seconds <= 3_600 else { throw UsageError("--wait takes a number of seconds from 0 to 3600, not '\(text)'") }
            wait = seconds
        }
        let notify: Bool? = a.flag("notify") ? true : a.flag("no-notify") ? false : nil
        let only = a.values("destination")
        let author = dryRun ? (try? workflow.author(context)) ?? "(dry run)" : try workflow.author(context)
        let snapshot = try workflow.snapshot(id, &context)
        try ApprovalCommands.requireKnownAudiences(named, approved: Set(snapshot.approvals.keys), context)
        var audiences = named
        if a.flag("all") {
            let approved = snapshot.approvals.filter { $0.value.revision == snapshot.revision }.keys.sorted()
            if approved.isEmpty { throw CommandFailure("nothing is approved for revision \(snapshot.revision) of \(id); approve first") }
            // --all: the approved audiences that have somewhere to go.
            audiences = approved.filter { !(workspace.config.publishing[$0] ?? []).isEmpty }
            let nowhere = approved.filter { !audiences.contains($0) }
            if !nowhere.isEmpty { context.printError("note: \(nowhere.joined(separator: ", ")): no destinations in \(file); not sent") }
            if audiences.isEmpty { throw CommandFailure("none of the approved audiences (\(approved.joined(separator: ", "))) has destinations in \(file)") }
        }

        var status = ExitStatus.success
        func worsen(_ next: Int32) { if next == ExitStatus.couldNotRun || status == ExitStatus.success { status = next } }
        func plans(in snapshot: JournalSnapshot, now: Date, report: Bool) -> [Plan] {
            var result: [Plan] = []
            for audience in audiences {
                var destinations = workspace.config.publishing[audience] ?? []
                if !only.isEmpty { destinations = destinations.filter { only.contains($0.name) } }
                guard !destinations.isEmpty else {
                    if report {
                        let names = (workspace.config.publishing[audience] ?? []).map(\.name)
                        context.printError("Error: \(audience): " + (names.isEmpty
                            ? "\(file) names no destinations for \(audience); add them under \"destinations\" (see chorus help publish)"
                            : "no destination called \(only.joined(separator: ", ")); \(audience)'s destinations: \(names.joined(separator: ", "))"))
                        worsen(ExitStatus.couldNotRun)
                    }
                    continue
                }
                guard let approval = snapshot.approvals[audience] else {
                    if report { context.printError("Error: \(audience): nothing approved yet; run chorus approve \(id) \(audience), then publish"); worsen(ExitStatus.couldNotRun) }
                    continue
                }
                if let stale = staleness(approval, snapshot: snapshot, now: now, workflow: workflow) {
                    if report { context.printError("Error: \(audience): refused: the approved draft is stale: \(stale); approve the current draft, then publish"); worsen(ExitStatus.failure) }
                    continue
                }
                do {
                    result.append(Plan(audience: audience, publication: try Publication(incidentID: id, approval: approval), destinations: destinations))
                } catch {
                    if report { context.printError("Error: \(audience): \(error.description)"); worsen(ExitStatus.couldNotRun) }
                }
            }
            return result
        }

        if dryRun {
            let dry = DryRunTransport()
            let publisher = Publisher(transport: dry, mailer: dry, sleeper: SystemSleeper(), policy: RetryPolicy(attempts: 1, budget: 0),
                                      secrets: Secrets(environment: context.environment, placeholders: true))
            for plan in plans(in: snapshot, now: workflow.now, report: true) {
                for destination in plan.destinations {
                    let previous = snapshot.deliveries[PublicationDelivery.slot(audience: plan.audience, destination: destination.name)]
                    let report = publisher.send(plan.publication, to: destination, previous: previous, notify: notify)
                    context.print("==== \(destination.summary): \(report.requests.count == 1 ? "1 request" : "\(report.requests.count) requests") (dry run: nothing is sent) ====")
                    for request in report.requests { context.print(request.masked.hasSuffix("\n") ? request.masked : request.masked + "\n") }
                    for variable in Secrets(environment: context.environment).missing(for: destination) {
                        context.printError("warning: \(destination.audience)/\(destination.name): the environment variable \(variable) is not set; a send would fail")
                    }
                    for note in report.notes { context.printError("note: \(destination.audience)/\(destination.name): \(note)") }
                }
            }
            return status
        }

        let publisher = Publisher(transport: URLSessionTransport(), mailer: SystemMailTransport(workspaceRoot: workspace.root),
                                  sleeper: SystemSleeper(), policy: RetryPolicy(budget: wait),
                                  secrets: Secrets(environment: context.environment), random: SystemRandomSource())
        var reports: [(plan: Plan, report: Publisher.Report)] = []
        var skipped: [String] = []
        let journal = try workflow.journalOrFail(id)
        // The writers' lock is held while sending: two people publishing at once cannot both
        // create the Statuspage incident, and the record is written as the service answered.
        let result = try workflow.run {
            try journal.append(author: author, clock: try workflow.writeClock(context), expectRevision: try workflow.expectedRevision(context)) { current, now in
                var entries: [JournalEntry] = []
                for plan in plans(in: current, now: now, report: true) {
                    for destination in plan.destinations {
                        let previous = current.deliveries[PublicationDelivery.slot(audience: plan.audience, destination: destination.name)]
                        let sameApproval = previous?.approvalSeq == plan.publication.approval.seq
                        let outcome = sameApproval ? previous?.delivery?.outcome : nil
                        if outcome == .sent {
                            skipped.append("\(plan.audience) → \(destination.name): already sent (journal entry \(previous?.seq ?? 0)); nothing to do")
                            continue
                        }
                        if retry && outcome != .failed {
                            skipped.append("\(plan.audience) → \(destination.name): nothing failed to retry\(outcome == nil ? " (never sent: use --send)" : "")")
                            continue
                        }
                        if !retry && outcome == .failed {
                            skipped.append("\(plan.audience) → \(destination.name): the last send failed (\(previous?.delivery?.error ?? "")); complete it with --retry")
                            worsen(ExitStatus.couldNotRun)
                            continue
                        }
                        let report = publisher.send(plan.publication, to: destination, previous: previous, notify: notify)
                        reports.append((plan, report))
                        entries.append(Publisher.entry(for: report, of: plan.publication, author: author))
                    }
                }
                return entries
            }
        }
        workflow.report(result.torn, &context)
        for line in skipped { context.printError("note: \(line)") }
        for (plan, report) in reports {
            let label = "\(id): \(plan.audience) → \(report.destination.name)"
            for note in report.notes { context.printError("note: \(label): \(note)") }
            if report.delivery.outcome == .sent {
                context.print("\(label): \(describe(report))")
            } else {
                worsen(ExitStatus.couldNotRun)
                context.printError("Error: \(label): \(report.delivery.error ?? "failed"); journaled as failed — run chorus publish \(id) \(plan.audience) --retry")
            }
        }
        return status
    }

    /// Why an approval may not be sent, or nil when it is current.
    static func staleness(_ approval: JournalEntry, snapshot: JournalSnapshot, now: Date, workflow: Workflow) -> String? {
        if let revision = approval.revision, revision != snapshot.revision, let current = snapshot.state {
            let changed = StateDiff.meaningfulChanges(from: approval.state, to: current)
            return "approved for revision \(revision), but the incident is at revision \(snapshot.revision) (changed: \(changed.isEmpty ? "only the update time" : changed.joined(separator: ", ")))"
        }
        if let promised = approval.state?.nextUpdateAt, approval.state?.status.isOpen == true, promised < now {
            return "it promises the next update by \(workflow.clock.absolute(promised)), which has passed"
        }
        return nil
    }

    /// What a successful send did, in words.
    static func describe(_ report: Publisher.Report) -> String {
        let delivery = report.delivery
        let status = delivery.httpStatus.map { " (HTTP \($0))" } ?? ""
        switch report.destination.service {
        case .statuspage:
            let created = report.requests.contains { $0.method == "POST" }
            return "\(created ? "created" : "updated") Statuspage incident \(delivery.remoteId ?? "?")\(status)"
        case .slackAPI:
            let count = delivery.messages?.count ?? 0
            return "posted \(count == 1 ? "1 message" : "\(count) messages") in \(delivery.channel ?? "?"), thread \(delivery.remoteId ?? "?")\(status)"
        case .slackWebhook:
            let count = delivery.messages?.count ?? 0
            return "posted \(count == 1 ? "1 message" : "\(count) messages") by incoming webhook\(status)"
        case .email:
            return "mail handed over (Message-ID \(delivery.messages?.first ?? "?"))"
        case .webhook:
            return "delivered \(delivery.key)\(status)"
        }
    }
}
