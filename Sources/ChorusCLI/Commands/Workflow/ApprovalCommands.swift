import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// `chorus approve`, `chorus pull`, `chorus publish`, `chorus due`: what we told whom, and when.
enum ApprovalCommands {
    static let resourceOptions = ResourceLocator.options

    static let approve = CommandSpec(
        name: "approve",
        abstract: "Approve an audience's draft of the current revision; refused while it has error findings.",
        discussion: """
        Renders the audience's draft (its default format) for the current revision, lints it, and
        records the exact text, its SHA-256 and the approver in the journal. A draft with error
        findings is refused unless --override "reason" is given; the override and its reason are
        journaled and shown wherever the approval is (log, show, pull).
        """,
        arguments: [ArgumentSpec("id", help: "The incident id."), ArgumentSpec("audience", help: "The audience whose draft to approve.")],
        options: [.value("override", "reason", help: "Approve despite error findings, for this reason.")]
            + Workflow.writeOptions + resourceOptions
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        let id = context.arguments.argument("id") ?? ""
        let audienceName = context.arguments.argument("audience") ?? ""
        let reason = context.arguments.value("override")
        if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty { throw UsageError("--override needs a reason") }
        let resources = try ApprovalResources(context)
        let renderer = resources.renderer
        _ = try RenderCommand.requireAudience(audienceName, in: renderer.catalog)
        let journal = try workflow.journalOrFail(id)
        var refused: RenderedDraft?
        var refusedUnconfigured: [String]?
        let result = try workflow.run {
            try journal.append(author: author, clock: try workflow.writeClock(context), expectRevision: try workflow.expectedRevision(context)) { snapshot, now in
                let state = try snapshot.requireState()
                if state.status.isOpen, let next = state.nextUpdateAt, next < now {
                    throw InvalidInput("the draft promises the next update by \(workflow.clock.absolute(next)), which has passed; set a new time with chorus update \(id) --next-update +30m, then approve")
                }
                let draft: RenderedDraft
                do {
                    draft = try renderer.render(state, audience: audienceName, clock: RenderClock(now: now, timeZone: workflow.timeZone),
                                                context: DraftContext(snapshot: snapshot, now: now, approvingAs: author))
                } catch {
                    throw JournalError.rejected("\(error)")
                }
                // Checked against the configured audiences and phrasebook, whatever was pointed at.
                let (check, errors) = resources.check(draft, of: state)
                if let unconfigured = check.unconfigured, reason == nil {
                    refusedUnconfigured = unconfigured
                    return []
                }
                if !errors.isEmpty && reason == nil {
                    refused = draft
                    return []
                }
                let plain = errors.isEmpty && check.unconfigured == nil
                var entry = JournalEntry(seq: 0, at: workflow.now, author: author, kind: plain ? .approval : .override)
                entry.checkedWith = check
                entry.audience = draft.audience.name
                entry.revision = snapshot.revision
                entry.format = draft.format.rawValue
                entry.text = draft.output
                entry.sha256 = SHA256.hex(draft.output)
                entry.source = draft.source
                entry.state = state
                if !plain {
                    entry.reason = reason
                    entry.errorFindings = errors.map { "\($0.line):\($0.column): [\($0.category.rawValue)/\($0.rule)] \($0.message)" }
                }
                return [entry]
            }
        }
        workflow.report(result.torn, &context)
        if let refusedUnconfigured {
            context.printError("Error: an approval is checked against the configured audiences and phrasebook, and this one was not:")
            for line in refusedUnconfigured { context.printError("  \(line)") }
            context.printError("Approve without --audiences, --phrasebook, CHORUS_AUDIENCES and CHORUS_PHRASEBOOK, or record it as an override with --override \"reason\"; nothing was written.")
            return ExitStatus.failure
        }
        if let refused {
            context.printError("Error: the \(refused.audience.name) draft of \(id) revision \(result.snapshot.revision) has \(Wording.count(refused.errorCount, "error finding")); fix the state or the template, or approve with --override \"reason\":")
            RenderCommand.report(refused, &context)
            return ExitStatus.failure
        }
        guard let entry = result.appended.first else { return ExitStatus.couldNotRun }
        if reason != nil && entry.kind == .approval {
            context.printError("note: the draft has no error findings, so this is a plain approval; the --override reason was not needed and is not recorded")
        }
        context.print("\(id): \(entry.audience ?? "") approved for revision \(entry.revision ?? 0) by \(author) (sha256 \(entry.sha256 ?? ""))")
        if entry.kind == .override {
            context.print("  OVERRIDE: \(entry.reason ?? "") — \(Wording.count(entry.errorFindings?.count ?? 0, "error finding")) approved anyway:")
            for finding in entry.errorFindings ?? [] { context.print("    \(finding)") }
            for line in entry.checkedWith?.unconfigured ?? [] { context.print("  \(line)") }
        }
        return ExitStatus.success
    }

    static let pull = CommandSpec(
        name: "pull",
        abstract: "Print the latest approved text for an audience; exit 3 (with a note) when the state moved on.",
        discussion: """
        Prints exactly what was approved. --format gives the same approved words in another
        format. When the incident changed since the approval, the text still prints, standard
        error says it is stale, since which revision and which fields changed, and the exit
        status is 3 so scripts notice.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id."), ArgumentSpec("audience", help: "The audience.")],
        options: [.value("format", short: "f", "format", help: "Output format (default: as approved).", allowed: OutputFormat.allCases.map(\.rawValue))]
            + Workflow.readOptions + resourceOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let audience = context.arguments.argument("audience") ?? ""
        let snapshot = try workflow.snapshot(id, &context)
        guard let approval = snapshot.approvals[audience] else {
            let approved = snapshot.approvals.keys.sorted()
            var message = "no approved \(audience) text for \(id) yet; run chorus approve \(id) \(audience)"
            if !approved.isEmpty { message += " (approved audiences: \(approved.joined(separator: ", ")))" }
            throw CommandFailure(message)
        }
        var text = approval.text ?? ""
        if let requested = context.arguments.value("format").flatMap(OutputFormat.init(rawValue:)), requested.rawValue != approval.format {
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
        context.print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        context.printError("approved by \(TerminalText.escape(approval.author)) at \(ISO8601.format(approval.at)) for revision \(approval.revision ?? 0) (sha256 \(approval.sha256 ?? ""))")
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
            context.printError("stale: approved for revision \(approvedRevision), but \(id) is now at revision \(snapshot.revision) (by \(TerminalText.escape(snapshot.revisionAuthor ?? "?")) at \(snapshot.revisionAt.map(ISO8601.format) ?? "?"))")
            context.printError("  changed since: \(changed.isEmpty ? "only the update time" : changed.joined(separator: ", "))")
            stale = true
        }
        guard stale else { return ExitStatus.success }
        context.printError("  re-approve with: chorus approve \(id) \(audience)")
        return ExitStatus.stale
    }

    static let publish = CommandSpec(
        name: "publish",
        abstract: "Record that an audience's approved text went out on a channel.",
        arguments: [ArgumentSpec("id", help: "The incident id."), ArgumentSpec("audience", help: "The audience.")],
        options: [.value("channel", "name", help: "Where it went: statuspage, #incidents, email to sales, …")] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        guard let channel = context.arguments.value("channel"), !channel.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("Missing '--channel <name>': say where it went") }
        let id = context.arguments.argument("id") ?? ""
        let audience = context.arguments.argument("audience") ?? ""
        let journal = try workflow.journalOrFail(id)
        let result = try workflow.run {
            try journal.append(author: author, clock: try workflow.writeClock(context), expectRevision: try workflow.expectedRevision(context)) { snapshot, _ in
                guard let approval = snapshot.approvals[audience] else {
                    throw JournalError.rejected("nothing approved for \(audience) yet; run chorus approve \(id) \(audience) first")
                }
                var entry = JournalEntry(seq: 0, at: workflow.now, author: author, kind: .publication)
                entry.audience = audience
                entry.revision = approval.revision
                entry.approvalSeq = approval.seq
                entry.channel = channel
                entry.sha256 = approval.sha256
                return [entry]
            }
        }
        workflow.report(result.torn, &context)
        guard let entry = result.appended.first else { return ExitStatus.couldNotRun }
        context.print("\(id): \(audience) revision \(entry.revision ?? 0) published to \(channel) by \(author)")
        if let revision = entry.revision, revision != result.snapshot.revision {
            context.printError("warning: that approval is for revision \(revision); the incident is at revision \(result.snapshot.revision)")
        }
        return ExitStatus.success
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
