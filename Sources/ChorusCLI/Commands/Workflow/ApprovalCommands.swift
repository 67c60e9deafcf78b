import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// `chorus approve`, `chorus pull`, `chorus publish`, `chorus due`: what we told whom, and when.
enum ApprovalCommands {
    static let resourceOptions = ResourceLocator.options

    /// `chorus approve` (its own file: what an approver reads and approves).
    static let approve = ApproveCommand.spec

    /// Stops with a usage error (64, "Unknown audience 'suport'", "Did you mean 'support'?") when
    /// a name in `names` is neither an audience of the audiences folder nor one with an approval
    /// in `approved` (an audience since removed from the folder can still be pulled). Nothing is
    /// checked when no audiences folder can be found or loaded: the command says what is missing.
    static func requireKnownAudiences(_ names: [String], approved: Set<String>, _ context: CommandContext) throws {
        let unapproved = names.filter { !approved.contains($0) }
        guard !unapproved.isEmpty,
              let folder = try? ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context),
              let catalog = try? AudienceCatalog.load(from: folder) else { return }
        for name in unapproved { _ = try RenderCommand.requireAudience(name, in: catalog) }
    }

    static let pull = CommandSpec(
        name: "pull",
        abstract: "Print the latest approved text for an audience; exit 3 (with a note) when the state moved on.",
        discussion: """
        Prints exactly what was approved. --format gives the same approved words in another
        format; --part gives one part of it alone (the support macro's reply to paste, or its
        agent notes). When the incident changed since the approval, the text still prints,
        standard error says it is stale, since which revision and which fields changed, and the
        exit status is 3 so scripts notice.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id."), ArgumentSpec("audience", help: "The audience.")],
        options: [.value("format", short: "f", "format", help: "Output format (default: as approved).", allowed: OutputFormat.allCases.map(\.rawValue)),
                  .value("part", "name", help: "Only this part of the approved text (support: reply or notes).")]
            + Workflow.readOptions + resourceOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let audience = context.arguments.argument("audience") ?? ""
        let snapshot = try workflow.snapshot(id, &context)
        guard let approval = snapshot.approvals[audience] else {
            try requireKnownAudiences([audience], approved: Set(snapshot.approvals.keys), context)
            let approved = snapshot.approvals.keys.sorted()
            var message = "no approved \(audience) text for \(id) yet; run chorus approve \(id) \(audience)"
            if !approved.isEmpty { message += " (approved audiences: \(approved.joined(separator: ", ")))" }
            throw CommandFailure(message)
        }
        var text = approval.text ?? ""
        let requested = context.arguments.value("format").flatMap(OutputFormat.init(rawValue:))
        if let requested, requested.rawValue != approval.format {
            let audiences = try ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context)
            let definition: Audience
            do { definition = try AudienceCatalog.load(from: audiences).require(audience) } catch let error as AudienceLoadError {
                throw CommandFailure(error.description)
            }
            guard definition.formats.contains(requested) else {
                throw UsageError("the \(audience) audience cannot be given as \(requested.rawValue); its formats: \(definition.formats.map(\.rawValue).joined(separator: ", "))")
            }
            guard let source = approval.source, let state = approval.state else { throw CommandFailure("this approval kept no source to convert; pull it as \(approval.format ?? "approved")") }
            text = DraftRenderer.write(DraftDocument.parse(source), as: requested, state: state, audience: audience,
                                       revision: approval.revision, findings: []).output
        }
        if let name = context.arguments.value("part") {
            guard let source = approval.source, let state = approval.state else { throw CommandFailure("this approval kept no source to take a part from; pull it whole") }
            let document = DraftDocument.parse(source)
            guard let part = document.part(name) else {
                let names = document.partNames
                var message = "the approved \(audience) text has no part '\(name)'"
                if let near = NameSuggestion.closest(to: name, among: names) { message += "\nDid you mean '\(near)'?" }
                message += names.isEmpty ? "\nIt has no parts; pull it whole." : "\nIts parts: \(names.joined(separator: ", "))"
                throw UsageError(message)
            }
            let format = requested ?? approval.format.flatMap(OutputFormat.init(rawValue:)) ?? .text
            text = DraftRenderer.write(part, as: format, state: state, audience: audience, revision: approval.revision, findings: []).output
        }
        context.print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        context.printError("approved by \(TerminalText.escape(approval.author)) at \(workflow.stamp(approval.at)) for revision \(approval.revision ?? 0) (sha256 \(approval.sha256 ?? ""))")
        if approval.kind == .override {
            context.printError("warning: approved with an OVERRIDE: \(TerminalText.escape(approval.reason ?? "")) (\(Wording.count(approval.errorFindings?.count ?? 0, "error finding")))")
            for line in approval.checkedWith?.unconfigured ?? [] {
                context.printError("warning: not checked against the configured audiences and phrasebook: \(TerminalText.escape(line))")
            }
        }
        var stale = false
        if let promised = approval.state?.nextUpdateAt, approval.state?.status.isOpen == true, promised < workflow.now {
            context.printError("stale: the approved text promises the next update by \(workflow.clock.absolute(promised)), which has passed")
            stale = true
        }
        if let approvedRevision = approval.revision, approvedRevision != snapshot.revision, let current = snapshot.state {
            let changed = StateDiff.meaningfulChanges(from: approval.state, to: current)
            context.printError("stale: approved for revision \(approvedRevision), but \(id) is now at revision \(snapshot.revision) (by \(TerminalText.escape(snapshot.revisionAuthor ?? "?")) at \(snapshot.revisionAt.map(workflow.stamp) ?? "?"))")
            context.printError("  changed since: \(changed.isEmpty ? "only the update time" : changed.joined(separator: ", "))")
            stale = true
        }
        guard stale else { return ExitStatus.success }
        // approve refuses a state whose promised next update has passed: set a new time first.
        if let current = snapshot.state, current.status.isOpen, let next = current.nextUpdateAt, next < workflow.now {
            context.printError("  the incident's next update (\(workflow.clock.absolute(next))) has passed too, and approve refuses that draft:")
            context.printError("  set a new time with: chorus update \(id) --next-update +30m")
            context.printError("  then re-approve with: chorus approve \(id) \(audience)")
        } else {
            context.printError("  re-approve with: chorus approve \(id) \(audience)")
        }
        return ExitStatus.stale
    }

    /// `--override "reason"` on a publication recorded by hand: a stale approval went out anyway.
    static let overrideOption = OptionSpec.value("override", "reason", help: "Record a stale approval as published anyway, for this reason (by hand only; --send refuses it).")

    static let publish = CommandSpec(
        name: "publish",
        abstract: "Record that approved texts went out: one audience, several, or --all approved for the current revision.",
        discussion: """
        Records, for each audience, that its latest approved text went out on a channel: --channel,
        or else the channel its audience definition names (the status page, the support desk, …).
        --all publishes every audience whose approval is of the current revision. An audience with
        nothing approved is reported (exit 2) and the others are still recorded. A stale approval
        (the incident changed since, or its promised next update has passed) is refused (exit 1),
        as --send refuses it, unless --override "reason" records that it went out anyway.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id."),
                    ArgumentSpec("audiences", help: "The audiences (or --all).", arity: .zeroOrMore)],
        options: [
            .flag("all", help: "Every audience approved for the current revision."),
            .value("channel", "name", help: "Where it went: statuspage, #incidents, email to sales, … (default: the audience's channel)"),
            overrideOption,
        ] + Workflow.writeOptions + [ResourceLocator.audiencesOption]
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        let id = context.arguments.argument("id") ?? ""
        var named: [String] = []
        for name in context.arguments.arguments("audiences") where !named.contains(name) { named.append(name) }
        let all = context.arguments.flag("all")
        if all && !named.isEmpty { throw UsageError("Give audiences or --all, not both") }
        if !all && named.isEmpty { throw UsageError("Missing '<audiences>': name the audiences whose approved text went out, or --all") }
        let given = context.arguments.value("channel")
        if let given, given.trimmingCharacters(in: .whitespaces).isEmpty { throw UsageError("--channel needs a name: say where it went") }
        let override = context.arguments.value("override")
        if let override, override.trimmingCharacters(in: .whitespaces).isEmpty { throw UsageError("--override needs a reason: say why a stale approval went out") }
        var channels: [String: String] = [:]
        if given == nil {
            let folder: URL
            do { folder = try ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context) } catch {
                throw UsageError("Missing '--channel <name>': say where it went (no audiences folder was found to take each audience's channel from)")
            }
            for audience in try AudienceCatalog.load(from: folder).audiences { channels[audience.name] = audience.channel }
        }
        var missing: [String] = []
        var stale: [(audience: String, why: String)] = []
        let journal = try workflow.journalOrFail(id)
        let result = try workflow.run {
            try journal.append(author: author, clock: try workflow.writeClock(context), expectRevision: try workflow.expectedRevision(context)) { snapshot, _ in
                let audiences = all ? snapshot.approvals.filter { $0.value.revision == snapshot.revision }.keys.sorted() : named
                if all && audiences.isEmpty {
                    throw CommandFailure("nothing is approved for revision \(snapshot.revision) of \(id); run chorus approve \(id) --all first")
                }
                try requireKnownAudiences(audiences, approved: Set(snapshot.approvals.keys), context)
                var entries: [JournalEntry] = []
                for audience in audiences {
                    guard let approval = snapshot.approvals[audience] else { missing.append(audience); continue }
                    guard let channel = given ?? channels[audience] else {
                        throw UsageError("Missing '--channel <name>': the \(audience) audience names no channel")
                    }
                    // The rule --send follows: what went out must be what is approved now.
                    let why = PublishCommand.staleness(approval, snapshot: snapshot, now: workflow.now, workflow: workflow)
                    if let why, override == nil { stale.append((audience, why)); continue }
                    var entry = JournalEntry(seq: 0, at: workflow.now, author: author, kind: .publication)
                    if why != nil { entry.reason = override }
                    entry.audience = audience
                    entry.revision = approval.revision
                    entry.approvalSeq = approval.seq
                    entry.channel = channel
                    entry.sha256 = approval.sha256
                    entries.append(entry)
                }
                return entries
            }
        }
        workflow.report(result.torn, &context)
        for entry in result.appended {
            context.print("\(id): \(entry.audience ?? "") revision \(entry.revision ?? 0) published to \(TerminalText.escape(entry.channel ?? "")) by \(author)")
            if let reason = entry.reason {
                context.printError("warning: the \(entry.audience ?? "") approval is stale (approved for revision \(entry.revision ?? 0); the incident is at revision \(result.snapshot.revision)); recorded with the override: \(TerminalText.escape(reason))")
            }
        }
        for (audience, why) in stale {
            context.printError("Error: \(audience): refused: the approved draft is stale: \(why); approve the current draft, then publish, "
                               + "or record that the stale text went out with --override \"reason\"; nothing was recorded for \(audience)")
        }
        for audience in missing {
            context.printError("Error: nothing approved for \(audience) yet; run chorus approve \(id) \(audience) first")
        }
        if !missing.isEmpty { return ExitStatus.couldNotRun }
        return stale.isEmpty ? ExitStatus.success : ExitStatus.failure
    }

    static let due = CommandSpec(
        name: "due",
        abstract: "For each open incident and audience: when the next update is due, and whether it is overdue.",
        options: Workflow.readOptions + resourceOptions
    ) { context in
        let workflow = try Workflow(context)
        let audiences = try ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context)
        let catalog: AudienceCatalog
        do { catalog = try AudienceCatalog.load(from: audiences) } catch let error as AudienceLoadError { throw CommandFailure(error.description) }
        let clock = workflow.clock
        var rows: [[String]] = [["INCIDENT", "AUDIENCE", "LAST PUBLISHED", "NEXT UPDATE DUE", "STATE"]]
        var overdue = 0
        let (snapshots, failed) = try workflow.allSnapshots(&context)
        for snapshot in snapshots {
            guard let state = snapshot.state, state.status.isOpen else { continue }
            let id = snapshot.incidentID
            for audience in catalog.audiences where audience.applies(to: state) {
                let publication = snapshot.publications[audience.name]
                let last = publication.map { "\(clock.absolute($0.at)) r\($0.revision ?? 0) (\($0.channel ?? ""))" } ?? "never"
                var status: String
                if let next = state.nextUpdateAt {
                    if let late = clock.overdue(next) {
                        overdue += 1
                        status = late
                    } else {
                        status = "due \(clock.relative(next))"
                    }
                } else {
                    status = "no next update set"
                }
                if let approval = snapshot.approvals[audience.name], approval.kind == .override {
                    status += "; approved with an override (\(approval.reason ?? ""))"
                }
                if let published = publication?.revision, published < snapshot.revision { status += "; behind (r\(published) of r\(snapshot.revision))" }
                if publication == nil { status += "; not yet published" }
                rows.append([id, audience.name, last, state.nextUpdateAt.map(clock.absolute) ?? "-", status])
            }
        }
        if rows.count == 1 {
            context.print("No open incidents.")
        } else {
            context.print(Table.render(rows), terminator: "")
        }
        if overdue > 0 { context.printError("\(overdue) update\(overdue == 1 ? " is" : "s are") overdue") }
        return failed ? ExitStatus.couldNotRun : ExitStatus.success
    }
}
