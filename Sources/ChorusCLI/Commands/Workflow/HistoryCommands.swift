import ChorusCore
import ChorusSupport
import Foundation

/// `chorus log` and `chorus diff`: what changed, who said what to whom, and when.
enum HistoryCommands {
    /// One entry in words. Every user-supplied string is escaped for the terminal, so an author
    /// name or a note cannot forge a log line (a newline) or turn text around (U+202E).
    static func describe(_ entry: JournalEntry) -> String {
        var text = describeUnescaped(escaped(entry))
        if entry.clock == JournalEntry.replayClock {
            text.insert(contentsOf: " [replayed clock]", at: text.firstIndex(of: "\n") ?? text.endIndex)
        }
        return text
    }

    /// `entry` with every user-supplied field escaped for the terminal.
    static func escaped(_ entry: JournalEntry) -> JournalEntry {
        var entry = entry
        let e = TerminalText.escape
        entry.author = e(entry.author)
        entry.summary = entry.summary.map(e)
        entry.changed = entry.changed?.map(e)
        entry.audience = entry.audience.map(e)
        entry.format = entry.format.map(e)
        entry.reason = entry.reason.map(e)
        entry.channel = entry.channel.map(e)
        entry.note = entry.note.map(e)
        entry.sha256 = entry.sha256.map(e)
        return entry
    }

    private static func describeUnescaped(_ entry: JournalEntry) -> String {
        switch entry.kind {
        case .revision:
            let changed = entry.changed ?? []
            return "revision \(entry.revision ?? 0): \(entry.summary ?? "")" + (changed.isEmpty || changed == ["$"] ? "" : "\n      changed: \(changed.joined(separator: ", "))")
        case .approval, .override:
            var text = "approved \(entry.audience ?? "?") for revision \(entry.revision ?? 0) (\(entry.format ?? "text"), sha256 \(String((entry.sha256 ?? "").prefix(12))))"
            if entry.kind == .override {
                text += "\n      OVERRIDE: \(entry.reason ?? "") — despite \(Wording.count((entry.errorFindings ?? []).count, "error finding"))"
                for line in entry.checkedWith?.unconfigured ?? [] { text += "\n      \(TerminalText.escape(line))" }
            }
            return text
        case .publication:
            guard let delivery = entry.delivery else {
                return "published \(entry.audience ?? "?") revision \(entry.revision ?? 0) to \(entry.channel ?? "?") (approval #\(entry.approvalSeq ?? 0))"
                    + (entry.reason.map { "\n      STALE approval, OVERRIDE: \($0)" } ?? "")
            }
            var text = delivery.outcome == .sent ? "sent" : "FAILED to send"
            text += " \(entry.audience ?? "?") revision \(entry.revision ?? 0) to \(delivery.destination) (\(delivery.type), approval #\(entry.approvalSeq ?? 0))"
            if let id = delivery.remoteId { text += ", remote id \(id)" }
            if let status = delivery.httpStatus { text += ", HTTP \(status)" }
            if let error = delivery.error { text += "\n      \(error)" }
            return text
        case .reminder:
            var text = "reminder: the next update \(entry.summary == "overdue" ? "is overdue" : "is due") (by \(entry.dueAt.map(ISO8601.format) ?? "?"))"
            if let delivery = entry.delivery {
                text += delivery.outcome == .sent ? ", sent to \(delivery.destination)" : ", FAILED to send to \(delivery.destination): \(delivery.error ?? "")"
            }
            return text
        case .note:
            return "note: \(entry.note ?? "")"
        }
    }

    static let log = CommandSpec(
        name: "log",
        abstract: "Every journal entry: who, when, what changed, what each audience was told.",
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: Workflow.readOptions + [.flag("text", help: "Show the full text of every approval.")]
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let journal = try workflow.journalOrFail(id)
        _ = try workflow.snapshot(id, &context) // sets aside a torn tail, if any, and reports it
        // One pass over the bytes: states and rendered sources are skipped, never decoded.
        let entries = try workflow.run { try journal.entryHeaders(texts: context.arguments.flag("text")) }
        for entry in entries {
            context.print("#\(entry.seq)  \(workflow.stamp(entry.at))  \(TerminalText.escape(entry.author))  \(describe(entry))")
            if context.arguments.flag("text"), entry.isApproval, let text = entry.text {
                context.print(text.split(separator: "\n", omittingEmptySubsequences: false).map { "      | " + TerminalText.escape(String($0)) }.joined(separator: "\n"))
            }
        }
        return ExitStatus.success
    }

    static let diff = CommandSpec(
        name: "diff",
        abstract: "Field-level differences between two revisions (the second defaults to the current one).",
        arguments: [ArgumentSpec("id", help: "The incident id."), ArgumentSpec("from", help: "The older revision number."),
                    ArgumentSpec("to", help: "The newer revision number (default: current).", arity: .optional)],
        options: Workflow.readOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let journal = try workflow.journalOrFail(id)
        let snapshot = try workflow.snapshot(id, &context) // sets aside a torn tail, if any, and reports it
        guard snapshot.revision > 0 else { throw CommandFailure("\(id) has no revisions") }
        func number(_ text: String?, _ name: String) throws -> Int {
            guard let text else { return snapshot.revision }
            guard let number = Int(text) else { throw UsageError("<\(name)> takes a revision number, not '\(text)'") }
            guard (1...snapshot.revision).contains(number) else {
                throw CommandFailure("no revision \(number) of \(id); revisions run 1 to \(snapshot.revision)")
            }
            return number
        }
        let fromNumber = try number(context.arguments.argument("from"), "from")
        let toNumber = try number(context.arguments.argument("to"), "to")
        // Only the two revisions' lines are decoded.
        let states = try workflow.run { try journal.states(ofRevisions: [fromNumber, toNumber]) }.states
        guard let from = states[fromNumber], let to = states[toNumber] else {
            throw CommandFailure("revision \(states[fromNumber] == nil ? fromNumber : toNumber) of \(id) cannot be found in its journal; run chorus verify \(id)")
        }
        let changes = StateDiff.changes(from: from, to: to)
        if changes.isEmpty { context.print("no differences"); return ExitStatus.success }
        for change in changes {
            context.print(TerminalText.escape(change.path))
            if let before = change.before { context.print("  - \(TerminalText.escape(before))") }
            if let after = change.after { context.print("  + \(TerminalText.escape(after))") }
        }
        return ExitStatus.success
    }
}
