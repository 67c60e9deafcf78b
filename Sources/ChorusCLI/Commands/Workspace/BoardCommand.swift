import ChorusBoard
import ChorusCore
import Foundation

/// `chorus board [--out DIR]`: writes the static site of approved wording.
enum BoardCommand {
    static let spec = CommandSpec(
        name: "board",
        abstract: "Write the board: a static site with each incident's approved wording, for people who never open a terminal.",
        discussion: """
        Writes index.html (open incidents and the recently resolved: severity, status, owner,
        last update, next update due or OVERDUE, each audience's approval) and one page per
        incident (the pinned summary; for each audience the approved wording with copy buttons,
        or a stale / not approved banner instead of it; what was published to whom and when).
        HTML and CSS only, plus a few lines of script for the copy buttons: serve the folder
        from any web server, shared drive or object store.

        The folder is --out DIR, else the workspace's "board": {"out": …}. When the workspace
        names it, every command that writes to the store rewrites the board, so it is never older
        than the journal; run chorus board from cron to keep "overdue" current between writes.
        The board only writes into an empty folder or one it wrote before.
        """,
        options: [
            .value("out", short: "o", "dir", help: "The folder to write (default: the workspace's board.out)."),
            .value("title", "text", help: "The site's title (default: the workspace's board.title, else Incidents)."),
        ] + Workflow.readOptions + [ResourceLocator.audiencesOption]
    ) { context in
        let workflow = try Workflow(context)
        let workspace = try context.workspace()
        let folder: URL
        if let out = context.arguments.value("out") {
            folder = URL(fileURLWithPath: context.resolve(out))
        } else if let out = workspace?.boardOutput {
            folder = out
        } else {
            throw UsageError("Missing '--out <dir>' (or name the folder in the workspace's chorus.json: \"board\": { \"out\": \"board\" })")
        }
        try workflow.requireStore()
        let audiences = try BoardRefresh.audiences(context, option: context.arguments.value("audiences"))
        var settings = BoardRefresh.settings(workspace: workspace, workflow: workflow)
        if let title = context.arguments.value("title") { settings.title = title }
        let result: BoardWriteResult
        do throws(BoardError) {
            result = try BoardWriter(folder: folder).write(store: workflow.store, audiences: audiences, settings: settings)
        } catch {
            throw CommandFailure(error.message)
        }
        for problem in result.unreadable { context.printError("warning: left off the board: \(problem)") }
        let pages = result.written.filter { $0 != "index.html" }.count
        context.print("Wrote the board to \(folder.path): index.html and \(pages) incident page\(pages == 1 ? "" : "s")" + (result.removed.isEmpty ? "" : "; removed \(result.removed.joined(separator: ", "))"))
        context.print("Open \(folder.appendingPathComponent("index.html").path)")
        return ExitStatus.success
    }
}

/// Keeps the workspace's board in step with its store: after every command that uses the
/// store, when the workspace names a board folder and a journal changed since the board was
/// written, the board is rewritten. A failure is a warning: the command itself succeeded.
enum BoardRefresh {
    static var generator: String { "chorus \(ChorusCommandLine.version)" }

    static func settings(workspace: Workspace?, workflow: Workflow) -> BoardSettings {
        BoardSettings(
            title: workspace?.config.boardTitle?.value ?? "Incidents",
            statusPage: workspace?.config.statusPage?.value,
            recentDays: workspace?.config.boardRecentDays?.value ?? Workspace.defaultRecentDays,
            clock: workflow.clock,
            generator: generator
        )
    }

    static func audiences(_ context: CommandContext, option: String?) throws -> [Audience] {
        let folder = try ResourceLocator.locate(.audiences, option: option, in: context)
        do throws(AudienceLoadError) {
            return try AudienceCatalog.load(from: folder).audiences
        } catch {
            throw CommandFailure("the audiences cannot be loaded:\n" + error.description)
        }
    }

    /// Runs after `spec` ran in `context`; writes warnings to the context's standard error.
    static func afterCommand(_ spec: CommandSpec, _ context: inout CommandContext) {
        guard spec.name != BoardCommand.spec.name, spec.options.contains(where: { $0.long == Workflow.storeOption.long }) else { return }
        guard let workspace = try? context.workspace(), let folder = workspace.boardOutput,
              let workflow = try? Workflow(context) else { return }
        // The board shows the workspace's store; a command pointed at another store leaves it be.
        guard workflow.store.root.standardizedFileURL.path == workspace.store.path else { return }
        let writer = BoardWriter(folder: folder)
        guard writer.isBehind(workflow.store, generator: generator) else { return }
        do {
            let audiences = try audiences(context, option: nil)
            _ = try writer.write(store: workflow.store, audiences: audiences, settings: settings(workspace: workspace, workflow: workflow),
                                 onlyIfBehind: true)
        } catch let error as CommandFailure {
            context.printError("warning: the board in \(folder.path) was not updated: \(error.message)")
        } catch {
            context.printError("warning: the board in \(folder.path) was not updated: \(error)")
        }
    }
}
