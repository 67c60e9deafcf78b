import ChorusCore
import ChorusSupport
import Foundation

/// `chorus edit ID`: the current state in `$VISUAL` / `$EDITOR`, validated on save; an invalid
/// edit is shown with FILE:LINE:COL and nothing is written.
enum EditCommand {
    static let spec = CommandSpec(
        name: "edit",
        abstract: "Edit an incident's state in $EDITOR; it is validated on save and nothing is written unless it is valid.",
        discussion: """
        Writes the current state to a file, opens it in $VISUAL (or $EDITOR), and when the editor
        exits reads it back: it must be a valid state (the same checks as chorus validate, with
        FILE:LINE:COL for every problem). A valid edit is journaled as one revision; an invalid one
        writes nothing and the file is kept, so chorus edit ID --resume FILE takes it up again. If
        someone else changes the incident while the editor is open, nothing is written (exit 2).
        Chorus keeps some fields itself: the id and kind cannot change, lastUpdatedAt becomes the
        time of the write, and a status change follows the same rules as chorus update --status.
        """,
        arguments: [ArgumentSpec("id", help: "The incident id.")],
        options: [.value("resume", "file", help: "Continue an edit that was refused: open this file again.")] + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        _ = try workflow.author(context)
        let id = context.arguments.argument("id") ?? ""
        guard let editor = [context.environment["VISUAL"], context.environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw UsageError("no editor: set VISUAL or EDITOR (for example EDITOR=nano); or change fields with chorus set, add and remove")
        }
        let snapshot = try workflow.snapshot(id, &context)
        let current = try snapshot.requireState()
        let file: URL
        let original: String
        if let resume = context.arguments.value("resume") {
            file = URL(fileURLWithPath: context.resolve(resume))
            original = try InputText.read(file.path, standardInput: context.readStandardInput).text
        } else {
            let temporary = context.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory
            let folder = temporary.appendingPathComponent("chorus-edit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            file = folder.appendingPathComponent("\(id).json")
            original = try StateCoding.readable(current)
            try Data(original.utf8).write(to: file)
        }
        let status = try runEditor(editor, on: file)
        guard status == 0 else {
            throw CommandFailure("the editor (\(editor)) exited with status \(status); nothing was written; the file is kept at \(file.path)")
        }
        let text = try InputText.read(file.path, standardInput: context.readStandardInput).text
        if text == original && context.arguments.value("resume") == nil {
            discard(file)
            context.print("\(id): no changes; nothing was written (still revision \(snapshot.revision))")
            return ExitStatus.success
        }
        let next = try check(text, file: file, current: current, now: workflow.now)
        try workflow.revise(id, &context, summary: "edit", expectRevision: snapshot.revision) { _ in next }
        discard(file)
        return ExitStatus.success
    }

    /// The edited state, or every problem with its position in `file` (which is kept).
    static func check(_ text: String, file: URL, current: IncidentState, now: Date) throws -> IncidentState {
        let kept = "nothing was written; your edit is kept at \(file.path) (chorus edit \(current.id) --resume \(file.path) takes it up again)"
        let edited: IncidentState, node: JSONNode
        do {
            (edited, node) = try StateDocument.decode(text)
        } catch {
            throw InvalidInput("the edited state is not valid; " + kept, problems: Problem.problems(of: error, file: file.path))
        }
        guard edited.id == current.id else { throw InvalidInput("the id cannot change (it was \(current.id)); " + kept) }
        guard edited.kind == current.kind else { throw InvalidInput("the kind cannot change (it is \(current.kind.rawValue)); " + kept) }
        guard edited.monitoringSince == current.monitoringSince, edited.reopened == current.reopened else {
            throw InvalidInput("monitoringSince and reopened are kept by Chorus (chorus update --status, chorus reopen); " + kept)
        }
        var next = edited
        next.status = current.status
        do {
            try IncidentLifecycle.changeStatus(&next, to: edited.status, at: now)
        } catch {
            throw InvalidInput("\(error.summary); " + kept)
        }
        IncidentLifecycle.settle(&next, after: current, at: now)
        let problems = StateValidator.validate(next).map { issue in
            let position = node.locate(issue.path).position
            return Problem(file: file.path, line: position.line, column: position.column, path: issue.path.description, message: issue.message)
        }
        guard problems.isEmpty else { throw InvalidInput("the edited state is not valid; " + kept, problems: problems) }
        return next
    }

    /// Runs the editor on `file` through the shell (so "code --wait" works), with the terminal.
    static func runEditor(_ editor: String, on file: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "chorus-edit", file.path]
        do { try process.run() } catch { throw CommandFailure("cannot start the editor (\(editor)): \(FoundationErrorText.describe(error))") }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Removes the scratch folder of an edit (a file the user named with --resume elsewhere stays).
    static func discard(_ file: URL) {
        let folder = file.deletingLastPathComponent()
        if folder.lastPathComponent.hasPrefix("chorus-edit-") { try? FileManager.default.removeItem(at: folder) }
    }
}
