import ChorusCore
import Foundation

/// The verbs that add to an incident's record: facts, hypotheses, corrections, steps,
/// follow-ups and components. Each writes one validated revision.
enum RecordCommands {
    static let idArgument = ArgumentSpec("id", help: "The incident id.")

    static func id(_ context: CommandContext) throws -> String {
        guard let id = context.arguments.argument("id") else { throw UsageError("Missing expected argument '<id>'") }
        return id
    }

    static let fact = CommandSpec(
        name: "fact",
        abstract: "Record a confirmed fact with its source.",
        arguments: [idArgument, ArgumentSpec("text", help: "What is known to be true.")],
        options: [
            .value("source", "source", help: "Who reported it.", allowed: FactSource.allCases.map(\.rawValue)),
            .value("at", "time", help: "When it was observed: 14:06 (the most recent such time), -10m or a full date (default: now)."),
        ] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let source = try Workflow.requiredChoice("source", "source", as: FactSource.self, in: context)
        let text = context.arguments.argument("text") ?? ""
        let at = try context.arguments.value("at").map { try workflow.time($0, option: "--at", .past) } ?? workflow.now
        var newID = ""
        try workflow.revise(try id(context), &context, summary: "fact from \(source.rawValue)") { state in
            let (next, id) = IncidentEdits.addFact(state, text: text, source: source, at: at)
            newID = id
            return next
        }
        context.print("  recorded \(newID)")
        return ExitStatus.success
    }

    static let hypothesis = CommandSpec(
        name: "hypothesis",
        abstract: "Record an open hypothesis (shown to engineering only, labelled as unconfirmed).",
        arguments: [idArgument, ArgumentSpec("text", help: "The possible explanation.")],
        options: Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let text = context.arguments.argument("text") ?? ""
        var newID = ""
        try workflow.revise(try id(context), &context, summary: "hypothesis") { state in
            let (next, id) = IncidentEdits.addHypothesis(state, text: text)
            newID = id
            return next
        }
        context.print("  recorded \(newID)")
        return ExitStatus.success
    }

    static func hypothesisState(_ name: String, _ newState: HypothesisState, _ abstract: String) -> CommandSpec {
        CommandSpec(
            name: name, abstract: abstract,
            arguments: [idArgument, ArgumentSpec("hypothesis", help: "The hypothesis id, e.g. H2.")],
            options: Workflow.writeOptions
        ) { context in
            let workflow = try Workflow(context)
            let hypothesis = context.arguments.argument("hypothesis") ?? ""
            try workflow.revise(try id(context), &context, summary: "\(name) \(hypothesis)") { state in
                try IncidentEdits.setHypothesis(state, id: hypothesis, to: newState)
            }
            return ExitStatus.success
        }
    }

    static let ruleOut = hypothesisState("rule-out", .ruledOut, "Mark a hypothesis as ruled out.")
    static let confirm = hypothesisState("confirm", .confirmed, "Mark a hypothesis as confirmed.")

    static let retract = CommandSpec(
        name: "retract",
        abstract: "Retract a fact or a published statement and say what is true instead; edit or withdraw a correction.",
        discussion: """
        chorus retract ID F3 --correct "…" retracts a recorded fact: the audiences that see facts
        (engineering, the review) carry the correction. chorus retract ID --said "what we told
        customers" --correct "…" corrects a statement that went out: every audience's next draft
        carries a "Correction:" line with what was said before and what is true now. A statement
        is corrected once: a second correction of the same words is refused (edit the first).
        chorus retract ID --edit 2 --correct "…" [--said "…"] changes correction 2 (corrections
        count from 1, as chorus get ID corrections lists them); chorus retract ID --withdraw 2
        --reason "…" withdraws it (a withdrawn fact retraction puts the fact back). Each is one
        journaled revision, the reason in its summary.
        """,
        arguments: [idArgument, ArgumentSpec("fact", help: "The fact id, e.g. F3 (or use --said).", arity: .optional)],
        options: [
            .value("correct", "text", help: "What is true instead."),
            .value("said", "text", help: "A statement that went out and was wrong (instead of a fact id)."),
            .value("edit", "n", help: "Change correction N (its --correct, its --said)."),
            .value("withdraw", "n", help: "Withdraw correction N; give --reason."),
            .value("reason", "text", help: "Why the correction is withdrawn."),
        ] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = try id(context)
        let a = context.arguments
        if let number = a.value("withdraw") {
            guard a.value("edit") == nil, a.value("correct") == nil, a.value("said") == nil, a.argument("fact") == nil else {
                throw UsageError("--withdraw N takes only --reason")
            }
            guard let reason = a.value("reason"), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError("Missing '--reason <text>': say why the correction is withdrawn (it is journaled)")
            }
            let index = try correctionIndex(number)
            let history = try workflow.run { try workflow.journalOrFail(id).entries() }.compactMap(\.state)
            try workflow.revise(id, &context, summary: "withdraw correction \(number): \(reason)") { state in
                try IncidentEdits.withdrawCorrection(state, at: index, history: history)
            }
            return ExitStatus.success
        }
        if let number = a.value("edit") {
            guard a.argument("fact") == nil, a.value("reason") == nil else { throw UsageError("--edit N takes --correct and --said") }
            guard a.value("correct") != nil || a.value("said") != nil else {
                throw UsageError("Missing '--correct <text>' or '--said <text>': say what the correction should say")
            }
            let index = try correctionIndex(number)
            let correct = a.value("correct"), said = a.value("said")
            try workflow.revise(id, &context, summary: "edit correction \(number)") { state in
                try IncidentEdits.editCorrection(state, at: index, said: said, correct: correct)
            }
            return ExitStatus.success
        }
        guard let correct = a.value("correct") else { throw UsageError("Missing '--correct <text>': say what is true instead") }
        let fact = a.argument("fact"), said = a.value("said")
        guard (fact == nil) != (said == nil) else {
            throw UsageError(fact == nil ? "Missing '<fact>' (a fact id such as F3) or '--said <text>'" : "Give a fact id or --said, not both")
        }
        let now = workflow.now
        try workflow.revise(id, &context, summary: fact.map { "retract \($0)" } ?? "correct a statement") { state in
            if let fact { return try IncidentEdits.retract(state, factID: fact, correct: correct, at: now) }
            var state = state
            state.corrections.append(Correction(said: said ?? "", correct: correct, at: now))
            return state
        }
        return ExitStatus.success
    }

    /// A correction's number as typed (from 1) as an index.
    static func correctionIndex(_ text: String) throws -> Int {
        guard let number = Int(text), number >= 1 else {
            throw UsageError("'\(text)' is not a correction number: corrections count from 1 (chorus get ID corrections lists them)")
        }
        return number - 1
    }

    static let step = CommandSpec(
        name: "step",
        abstract: "Add a step with its owner, or change a step's state (chorus step ID S2 --state done).",
        arguments: [idArgument, ArgumentSpec("text", help: "What is being done, or an existing step id such as S2.")],
        options: [
            .value("owner", "name", help: "Who owns the step (required for a new step)."),
            .value("state", "state", help: "planned, in_progress, done or failed.", allowed: StepState.allCases.map(\.rawValue)),
        ] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let text = context.arguments.argument("text") ?? ""
        let owner = context.arguments.value("owner")
        let stepState = context.arguments.value("state").flatMap(StepState.init(rawValue:))
        let now = workflow.now
        let isExisting = text.first == "S" && Int(text.dropFirst()) != nil
        if isExisting {
            guard let stepState else { throw UsageError("Missing '--state <state>' to change step \(text)") }
            try workflow.revise(try id(context), &context, summary: "step \(text) \(stepState.rawValue)") { state in
                try IncidentEdits.setStep(state, id: text, to: stepState, owner: owner, at: now)
            }
            return ExitStatus.success
        }
        guard let owner else { throw UsageError("Missing '--owner <name>': every step has a named owner") }
        var newID = ""
        try workflow.revise(try id(context), &context, summary: "step") { state in
            let finished = stepState == .done || stepState == .failed
            let (next, id) = IncidentEdits.addStep(state, text: text, owner: owner, stepState: stepState ?? .planned, at: finished ? now : nil)
            newID = id
            return next
        }
        context.print("  recorded \(newID)")
        return ExitStatus.success
    }

    static let followUp = CommandSpec(
        name: "follow-up",
        abstract: "Add a follow-up with its owner and due date.",
        arguments: [idArgument, ArgumentSpec("text", help: "The work to do after the incident.")],
        options: [
            .value("owner", "name", help: "Who owns it."),
            .value("due", "date", help: "The due date, YYYY-MM-DD."),
        ] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        guard let owner = context.arguments.value("owner") else { throw UsageError("Missing '--owner <name>': every follow-up has an owner") }
        guard let due = context.arguments.value("due") else { throw UsageError("Missing '--due <date>' (YYYY-MM-DD)") }
        guard CalendarDate.isValid(due) else { throw UsageError("--due: '\(due)' is not a date; expected YYYY-MM-DD") }
        let text = context.arguments.argument("text") ?? ""
        try workflow.revise(try id(context), &context, summary: "follow-up for \(owner)") { state in
            var state = state
            state.followUps.append(FollowUp(text: text, owner: owner, due: due))
            return state
        }
        return ExitStatus.success
    }

    static let component = CommandSpec(
        name: "component",
        abstract: "Set a component's status, adding it (with --public NAME) if it is new.",
        arguments: [idArgument, ArgumentSpec("name", help: "The component's internal name.")],
        options: [
            .value("status", "status", help: "The component's status.", allowed: ComponentStatus.allCases.map(\.rawValue)),
            .value("public", "name", help: "The name customers know (required for a new component)."),
            .value("statuspage-id", "id", help: "The component's id on the status page."),
        ] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let status = try Workflow.requiredChoice("status", "status", as: ComponentStatus.self, in: context)
        let name = context.arguments.argument("name") ?? ""
        let publicName = context.arguments.value("public"), statuspageID = context.arguments.value("statuspage-id")
        try workflow.revise(try id(context), &context, summary: "component \(name) \(status.rawValue)") { state in
            try IncidentEdits.setComponent(state, internalName: name, status: status, publicName: publicName, statuspageID: statuspageID)
        }
        return ExitStatus.success
    }

    static let note = CommandSpec(
        name: "note",
        abstract: "Add a note to the journal (a decision, a call made, a message sent outside Chorus).",
        arguments: [idArgument, ArgumentSpec("text", help: "The note.")],
        options: Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let author = try workflow.author(context)
        let id = try id(context)
        let text = context.arguments.argument("text") ?? ""
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("the note is empty") }
        let journal = try workflow.journalOrFail(id)
        let result = try workflow.run {
            try journal.append(author: author, clock: try workflow.writeClock(context), expectRevision: try workflow.expectedRevision(context)) { _, _ in
                var entry = JournalEntry(seq: 0, at: workflow.now, author: author, kind: .note)
                entry.note = text
                return [entry]
            }
        }
        workflow.report(result.torn, &context)
        context.print("\(id): note #\(result.snapshot.seq) by \(author)")
        return ExitStatus.success
    }
}
