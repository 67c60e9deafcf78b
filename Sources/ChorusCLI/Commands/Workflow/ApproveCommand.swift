import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// `chorus approve ID AUDIENCE... | --all`: approve the drafts the approver read.
///
/// Each draft is identified by its fingerprint (`DraftFingerprint`). The approver says which
/// drafts they read — `--fingerprint` (from `chorus render`), or by confirming the texts shown
/// on a terminal — and approve refuses, showing the difference, any draft whose words changed
/// since. Scripts without a terminal approve the current revision (with `--expect-revision` to
/// pin it); the text approved is always printed.
enum ApproveCommand {
    static let spec = CommandSpec(
        name: "approve",
        abstract: "Approve the drafts you read, for one audience, several or --all; refused while a draft has error findings.",
        discussion: """
        Renders each audience's draft (its default format) of the current revision, lints it, prints
        the text it is about to approve, and records the exact text, its SHA-256, its fingerprint
        and the approver in the journal. chorus render prints each draft's fingerprint; give it
        with --fingerprint (repeat it for several audiences) and approve refuses a draft whose words
        changed since you read it (someone updated the incident), showing the difference. On a
        terminal without --fingerprint, approve shows the texts and asks you to confirm them. A
        draft with error findings is refused unless --override "reason" is given; the override and
        its reason are journaled and shown wherever the approval is (log, show, pull). With several
        audiences each is checked on its own: the clean ones are approved, the others refused
        (exit 1).
        """,
        arguments: [ArgumentSpec("id", help: "The incident id."),
                    ArgumentSpec("audiences", help: "The audiences whose drafts to approve (or --all).", arity: .zeroOrMore)],
        options: [
            .flag("all", help: "Every audience that applies to the incident now."),
            .value("fingerprint", "hash", help: "The fingerprint chorus render printed for the draft you read (repeatable).", repeatable: true),
            .value("override", "reason", help: "Approve despite error findings, for this reason."),
            .flag("yes", short: "y", help: "Do not ask on a terminal: approve the drafts as they are now (scripts; pin them with --expect-revision)."),
        ] + Workflow.writeOptions + ResourceLocator.options
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        let id = context.arguments.argument("id") ?? ""
        let reason = context.arguments.value("override")
        if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty { throw UsageError("--override needs a reason") }
        var named: [String] = []
        for name in context.arguments.arguments("audiences") where !named.contains(name) { named.append(name) }
        if context.arguments.flag("all") && !named.isEmpty { throw UsageError("Give audiences or --all, not both") }
        if !context.arguments.flag("all") && named.isEmpty { throw UsageError("Missing '<audiences>': name the audiences to approve, or --all") }
        // The audiences and phrasebook used, and the configured ones every approval is checked against.
        let resources = try ApprovalResources(context)
        let renderer = resources.renderer
        for name in named { _ = try RenderCommand.requireAudience(name, in: renderer.catalog) }

        // What the approver reads: the drafts of the revision as it is now, read without the lock.
        let snapshot = try workflow.snapshot(id, &context)
        let state = try snapshot.requireState()
        let audiences = named.isEmpty ? renderer.applicableAudiences(for: state).map(\.name) : named
        // A review drafted while the incident runs is not approved: it will still change.
        for name in audiences {
            if let audience = renderer.catalog.audience(named: name), audience.drafts(state), !audience.applies(to: state) {
                throw CommandFailure("the \(name) of \(id) is still a draft while the incident is \(state.status.rawValue); approve it once it is \(audience.statuses.map(\.rawValue).joined(separator: " or ")) (chorus render --incident \(id) --audience \(name) shows the draft)")
            }
        }
        // What happened so far, for the drafts that tell it (the review's timeline).
        let history = try workflow.history(id, through: snapshot)
        // In order, as they will be approved: the sales brief read after the customer draft quotes
        // the customer wording approved just before it.
        var read: [String: (fingerprint: String, text: String)] = [:]
        // What the approver is shown: the text as it will be journaled and pulled (the workspace's
        // zone, the audience's format), not the canonical UTC text the fingerprint is taken of.
        var shownText: [String: String] = [:]
        var reading = snapshot
        for audience in audiences {
            do {
                read[audience] = try DraftFingerprint.of(reading, audience: audience, renderer: renderer, history: history)
                let draft = try renderer.render(state, audience: audience, clock: workflow.clock,
                                                context: DraftContext(snapshot: reading, now: workflow.now, approvingAs: author, history: history))
                shownText[audience] = draft.output
                reading.apply(approvalEntry(draft, fingerprint: read[audience]?.fingerprint ?? "", state: state, revision: reading.revision,
                                            author: author, errors: [], reason: nil, at: workflow.now))
            } catch let error as RenderError {
                throw CommandFailure(error.message)
            }
        }
        let given = context.arguments.values("fingerprint").map { $0.lowercased() }
        var expected: [String: String] = [:]
        if !given.isEmpty {
            for audience in audiences { if let fingerprint = read[audience]?.fingerprint, given.contains(fingerprint) { expected[audience] = fingerprint } }
            // A fingerprint of no current draft was read earlier: it belongs to the audience whose
            // earlier draft it was (found in the journal), or to the only audience left.
            let unmatched = given.filter { fingerprint in !expected.values.contains(fingerprint) }
            let open = audiences.filter { expected[$0] == nil }
            if unmatched.count == 1, open.count == 1 {
                expected[open[0]] = unmatched[0]
            } else if !unmatched.isEmpty {
                let history = (try? workflow.journalOrFail(id).entries()) ?? []
                for fingerprint in unmatched {
                    if let audience = open.first(where: { expected[$0] == nil && Refusal.text(of: fingerprint, audience: $0, history: history, renderer: renderer) != nil }) {
                        expected[audience] = fingerprint
                    }
                }
            }
        } else if let terminal = context.terminal, !context.arguments.flag("yes") {
            var shown = ""
            for audience in audiences {
                let text = shownText[audience] ?? read[audience]?.text ?? ""
                shown += "==== \(audience) draft of \(id) revision \(snapshot.revision) ====\n\(text)\(text.hasSuffix("\n") ? "" : "\n")"
            }
            let answer = terminal.ask(shown + "Approve \(audiences.count == 1 ? "this draft" : "these \(audiences.count) drafts") as \(author)? [y/N] ")
            guard let answer, ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw InvalidInput("not approved: you did not confirm; nothing was written")
            }
            for audience in audiences { expected[audience] = read[audience]?.fingerprint }
        } else {
            for audience in audiences { expected[audience] = read[audience]?.fingerprint }
        }

        // Under the writers' lock: each draft again, approved only if it is still what was read.
        // The history the drafts tell is read through the entry the lock finds last: a note or a
        // publication written while the approver read is in the draft checked and approved (so
        // it changes the fingerprint and is refused as changed, rather than approved unseen).
        var refusals: [Refusal] = []
        var alreadyApproved: [(audience: String, revision: Int)] = []
        var drafts: [String: RenderedDraft] = [:]
        let journal = try workflow.journalOrFail(id)
        var appended: IncidentJournal.AppendResult?
        for _ in 0..<Self.lockAttempts where appended == nil {
            let written = try workflow.run { try journal.entries() }
            let history = IncidentHistory(journal: written)
            do {
                appended = try workflow.run {
                    try journal.append(author: author, clock: try workflow.writeClock(context), expectRevision: try workflow.expectedRevision(context)) { snapshot, now in
                        // Someone wrote between reading the history and taking the lock: read it again.
                        guard snapshot.seq == (written.last?.seq ?? 0) else { throw JournalMovedOn() }
                        refusals = []; alreadyApproved = []; drafts = [:]
                        let state = try snapshot.requireState()
                        if state.status.isOpen, let next = state.nextUpdateAt, next < now {
                            throw InvalidInput("the draft promises the next update by \(workflow.clock.absolute(next)), which has passed; set a new time with chorus update \(id) --next-update +30m, then approve")
                        }
                        var entries: [JournalEntry] = []
                        var current = snapshot
                        for audience in audiences {
                            let draftNow = try DraftFingerprint.of(current, audience: audience, renderer: renderer, history: history)
                            guard let wanted = expected[audience] else {
                                refusals.append(.notRead(audience: audience, fingerprint: draftNow.fingerprint, given: given))
                                continue
                            }
                            guard draftNow.fingerprint == wanted else {
                                // Shown in the zone the approver reads drafts in; matched in UTC.
                                let shown = (try? DraftFingerprint.text(of: current, audience: audience, renderer: renderer, history: history,
                                                                       timeZone: workflow.timeZone)) ?? draftNow.text
                                refusals.append(.changed(audience: audience, read: wanted, now: (draftNow.fingerprint, shown)))
                                continue
                            }
                            // Approving again what one already approved (approve --all after approving
                            // one audience) adds nothing to the journal.
                            if reason == nil, let last = current.approvals[audience], last.kind != .override, last.author == author,
                               last.revision == current.revision, last.fingerprint == wanted {
                                alreadyApproved.append((audience, current.revision))
                                continue
                            }
                            let draft = try renderer.render(state, audience: audience, clock: RenderClock(now: now, timeZone: workflow.timeZone),
                                                            context: DraftContext(snapshot: current, now: now, approvingAs: author, history: history))
                            // Checked against the configured audiences and phrasebook, whatever was pointed at.
                            let (check, errors) = resources.check(draft, of: state)
                            if let unconfigured = check.unconfigured, reason == nil {
                                refusals.append(.unconfigured(audience: audience, why: unconfigured))
                                continue
                            }
                            if !errors.isEmpty && reason == nil {
                                refusals.append(.findings(draft))
                                continue
                            }
                            let entry = approvalEntry(draft, fingerprint: wanted, state: state, revision: current.revision, author: author,
                                                      errors: errors, reason: reason, at: workflow.now, check: check)
                            drafts[audience] = draft
                            entries.append(entry)
                            current.apply(entry) // the sales brief quotes the customer wording approved just before it
                        }
                        return entries
                    }
                }
            } catch is JournalMovedOn {
                continue
            }
        }
        guard let result = appended else {
            throw CommandFailure("the journal of \(id) kept changing while approving (\(Self.lockAttempts) tries: others are writing to it); nothing was approved. Try again")
        }
        workflow.report(result.torn, &context)
        for entry in result.appended {
            let audience = entry.audience ?? ""
            if let draft = drafts[audience] {
                context.print("==== \(audience) draft approved (revision \(entry.revision ?? 0), fingerprint \(entry.fingerprint ?? "")) ====")
                context.print(draft.output, terminator: draft.output.hasSuffix("\n") ? "" : "\n")
            }
            context.print("\(id): \(audience) approved for revision \(entry.revision ?? 0) by \(author) (sha256 \(entry.sha256 ?? ""))")
            if entry.kind == .override {
                context.print("  OVERRIDE: \(TerminalText.escape(entry.reason ?? "")) — \(Wording.count(entry.errorFindings?.count ?? 0, "error finding")) approved anyway:")
                for finding in entry.errorFindings ?? [] { context.print("    \(finding)") }
                for line in entry.checkedWith?.unconfigured ?? [] { context.print("  \(line)") }
            } else if reason != nil {
                context.printError("note: the \(audience) draft has no error findings, so this is a plain approval; the --override reason was not needed and is not recorded")
            }
        }
        for (audience, revision) in alreadyApproved {
            context.print("\(id): \(audience) already approved for revision \(revision) by \(author) (the same words); nothing written")
        }
        for refusal in refusals {
            refusal.report(id: id, revision: result.snapshot.revision, history: { try? journal.entries() }, renderer: renderer,
                           timeZone: workflow.timeZone, &context)
        }
        return refusals.isEmpty ? ExitStatus.success : ExitStatus.failure
    }

    /// How many times approve reads the history and takes the lock before giving up, when others
    /// keep writing in between.
    static let lockAttempts = 5

    /// Entries were written between reading the history and taking the writers' lock.
    struct JournalMovedOn: Error {}

    /// The journal entry of one approval (or override). Everything an approval records is here,
    /// so what is checked when (the policy, the phrasebook) can be added in one place.
    /// An approval checked with audiences or a phrasebook other than the configured ones
    /// (`check.unconfigured`) is an override, whatever its findings.
    static func approvalEntry(_ draft: RenderedDraft, fingerprint: String, state: IncidentState, revision: Int, author: String,
                              errors: [Finding], reason: String?, at date: Date, check: ApprovalCheck? = nil) -> JournalEntry {
        let plain = errors.isEmpty && check?.unconfigured == nil
        var entry = JournalEntry(seq: 0, at: date, author: author, kind: plain ? .approval : .override)
        entry.checkedWith = check
        entry.audience = draft.audience.name
        entry.revision = revision
        entry.format = draft.format.rawValue
        entry.text = draft.output
        entry.sha256 = SHA256.hex(draft.output)
        entry.fingerprint = fingerprint
        entry.source = draft.source
        entry.state = state
        if !plain {
            entry.reason = reason
            entry.errorFindings = errors.map { "\($0.line):\($0.column): [\($0.category.rawValue)/\($0.rule)] \($0.message)" }
        }
        return entry
    }

    /// Why one audience's draft was not approved.
    enum Refusal {
        /// Its words changed since the approver read them.
        case changed(audience: String, read: String, now: (fingerprint: String, text: String))
        /// --fingerprint was given, but none of them is this draft's.
        case notRead(audience: String, fingerprint: String, given: [String])
        case findings(RenderedDraft)
        /// It was checked with audiences or a phrasebook other than the configured ones.
        case unconfigured(audience: String, why: [String])

        func report(id: String, revision: Int, history: () -> [JournalEntry]?, renderer: DraftRenderer, timeZone: TimeZone,
                    _ context: inout CommandContext) {
            switch self {
            case .changed(let audience, let read, let now):
                if let before = Self.text(of: read, audience: audience, history: history() ?? [], renderer: renderer, timeZone: timeZone) {
                    context.printError("Error: the \(audience) draft of \(id) changed since you read it (fingerprint \(read), now \(now.fingerprint) at revision \(revision)); not approved. What changed (- what you read, + what it says now):")
                    for line in LineDiff.lines(from: before, to: now.text) { context.printError("  " + line) }
                    context.printError("Read it again (chorus render --incident \(id) --audience \(audience)), then approve its fingerprint.")
                } else {
                    context.printError("Error: no \(audience) draft of \(id) had fingerprint \(read) (mistyped, or another incident's?); not approved. The draft now reads (fingerprint \(now.fingerprint)):")
                    for line in now.text.split(separator: "\n", omittingEmptySubsequences: false) { context.printError("  " + line) }
                }
            case .notRead(let audience, let fingerprint, let given):
                context.printError("Error: none of the fingerprints given (\(given.joined(separator: ", "))) is the \(audience) draft's (\(fingerprint)); not approved. Render it (chorus render --incident \(id) --audience \(audience)) and approve what you read")
            case .unconfigured(let audience, let why):
                context.printError("Error: the \(audience) draft of \(id) is not approved: an approval is checked against the configured audiences, phrasebook and vocabulary, and this one was not:")
                for line in why { context.printError("  \(line)") }
                context.printError("Approve without --audiences, --phrasebook, --vocabulary, CHORUS_AUDIENCES, CHORUS_PHRASEBOOK and CHORUS_VOCABULARY, or record it as an override with --override \"reason\"; nothing was written for \(audience).")
            case .findings(let draft):
                context.printError("Error: the \(draft.audience.name) draft of \(id) revision \(revision) has \(Wording.count(draft.errorCount, "error finding")); fix the state or the template, or approve with --override \"reason\":")
                RenderCommand.report(draft, &context)
            }
        }

        /// How many moments of the journal `text(of:)` looks back through.
        static let searchedMoments = 200

        /// The draft text whose fingerprint is `fingerprint`, found among the moments a draft
        /// could have been read at (newest first; the last 200): after each revision, approval,
        /// publication or note, with the approvals made up to it and the history told so far
        /// (the review's timeline and leadership's "what customers were told" depend on it).
        static func text(of fingerprint: String, audience: String, history: [JournalEntry], renderer: DraftRenderer,
                         timeZone: TimeZone? = nil) -> String? {
            guard let id = history.first?.state?.id else { return nil }
            let searched = Set(history.indices.filter { history[$0].kind != .reminder }.suffix(searchedMoments))
            var snapshot = JournalSnapshot(incidentID: id)
            var candidates: [(snapshot: JournalSnapshot, through: Int)] = []
            for (index, entry) in history.enumerated() {
                snapshot.apply(entry)
                if searched.contains(index) { candidates.append((snapshot, index + 1)) }
            }
            for candidate in candidates.reversed() {
                let told = IncidentHistory(journal: Array(history.prefix(candidate.through)))
                if let draft = try? DraftFingerprint.of(candidate.snapshot, audience: audience, renderer: renderer, history: told),
                   draft.fingerprint == fingerprint {
                    // What was read, with its times in the approver's zone (found by the UTC text).
                    guard let timeZone else { return draft.text }
                    return (try? DraftFingerprint.text(of: candidate.snapshot, audience: audience, renderer: renderer, history: told,
                                                       timeZone: timeZone)) ?? draft.text
                }
            }
            return nil
        }
    }
}
