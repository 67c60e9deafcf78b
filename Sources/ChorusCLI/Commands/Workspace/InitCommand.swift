import ChorusCore
import ChorusSupport
import Foundation

/// `chorus init [DIR]`: creates a team workspace.
enum InitCommand {
    static let customizable = ResourceLocator.Kind.allCases.map(\.rawValue)

    static let spec = CommandSpec(
        name: "init",
        abstract: "Create a team workspace: chorus.json (store, time zone, status page, board) and, on request, copies of the defaults.",
        discussion: """
        Writes DIR/chorus.json (DIR defaults to the working directory) and creates the store
        folder. Every chorus command run in DIR or below it (or with CHORUS_WORKSPACE=DIR) then
        uses this workspace: its store, time zone, audiences and phrasebook, and regenerates its
        board after every write.

        --customize audiences,phrasebook copies the installed defaults into the workspace to
        edit and points chorus.json at the copies; in an existing workspace it adds the copies
        it does not have yet. Run chorus doctor after editing them.
        """,
        arguments: [ArgumentSpec("dir", help: "The workspace folder (created if missing; default: the working directory).", arity: .optional)],
        options: [
            .value("customize", "folders", help: "Copy these defaults to edit: audiences, phrasebook (comma-separated)."),
            .value("tz", "zone", help: "The team's time zone, an IANA name such as Europe/Berlin.", default: "UTC"),
            .value("status-page", "url", help: "The public status page's address, linked from the board."),
            .value("board", "dir", help: "Where the board is written, relative to the workspace (default: board)."),
            .flag("no-board", help: "Do not write a board after every change (chorus board --out DIR still works)."),
        ]
    ) { context in
        let a = context.arguments
        let folder = URL(fileURLWithPath: context.resolve(a.argument("dir") ?? ".")).standardizedFileURL
        let customize = try requestedFolders(a.value("customize"))
        let zone = a.value("tz") ?? "UTC"
        guard TimeZone(identifier: zone) != nil else {
            var message = "--tz: unknown time zone '\(zone)'; use an IANA name such as UTC or Europe/Berlin"
            if let near = NameSuggestion.closest(to: zone, among: TimeZone.knownTimeZoneIdentifiers) { message += ". Did you mean '\(near)'?" }
            throw UsageError(message)
        }
        let statusPage = a.value("status-page")
        if let statusPage, !(statusPage.lowercased().hasPrefix("https://") || statusPage.lowercased().hasPrefix("http://")) || statusPage.contains(" ") {
            throw UsageError("--status-page: '\(statusPage)' is not a link; expected an http:// or https:// URL")
        }
        if a.flag("no-board") && a.value("board") != nil {
            throw UsageError("Give either --board DIR or --no-board, not both.")
        }
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandFailure("\(folder.path) is a file, not a folder; chorus init DIR makes DIR a workspace folder (created when missing)")
        }
        let configFile = folder.appendingPathComponent(Workspace.configFileName)
        let exists = fileManager.fileExists(atPath: configFile.path)
        if exists && customize.isEmpty {
            throw CommandFailure("\(folder.path) is already a workspace (\(configFile.path)); edit that file, or run chorus init --customize audiences,phrasebook to copy the defaults into it")
        }
        // Find every source before writing anything, so a failure leaves nothing half made.
        var sources: [(ResourceLocator.Kind, URL)] = []
        for kind in customize {
            let target = folder.appendingPathComponent(kind.rawValue)
            if fileManager.fileExists(atPath: target.path) {
                throw CommandFailure("\(target.path) already exists; move it away first, or point chorus.json's \"\(kind.rawValue)\" at it")
            }
            sources.append((kind, try ResourceLocator.lookup(kind, option: nil, in: context, workspace: nil).folder))
        }
        var existing: Workspace?
        if exists {
            do throws(WorkspaceError) { existing = try Workspace.load(configFile: configFile) } catch {
                throw CommandFailure("the workspace cannot be used:\n" + error.description)
            }
        }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            for (kind, source) in sources {
                try fileManager.copyItem(at: source, to: folder.appendingPathComponent(kind.rawValue))
            }
            if let existing {
                let added = customize.filter { kind in
                    (kind == .audiences ? existing.config.audiences : existing.config.phrasebook) == nil
                }.map(\.rawValue)
                let text = String(decoding: fileManager.contents(atPath: configFile.path) ?? Data(), as: UTF8.self)
                try atomicWrite(addingSettings(added, to: text), to: configFile)
            } else {
                let board = a.flag("no-board") ? nil : (a.value("board") ?? "board")
                let text = WorkspaceConfig.initialText(timeZone: zone, statusPage: statusPage, customized: customize.map(\.rawValue), boardOut: board)
                try atomicWrite(text, to: configFile)
                try fileManager.createDirectory(at: folder.appendingPathComponent(Workspace.defaultStore), withIntermediateDirectories: true)
            }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("cannot write the workspace in \(folder.path): \(FoundationErrorText.describe(error))")
        }
        context.print(exists ? "Updated workspace \(folder.path)" : "Created workspace \(folder.path)")
        if !exists {
            var settings = "store \(Workspace.defaultStore), time zone \(zone)"
            if let statusPage { settings += ", status page \(statusPage)" }
            if !a.flag("no-board") { settings += ", board written to \(a.value("board") ?? "board")/ after every change" }
            context.print("  \(Workspace.configFileName): \(settings)")
            // Every write rewrites the board folder: one outside the workspace is worth a word.
            if !a.flag("no-board"), let board = a.value("board") {
                let resolved = (board.hasPrefix("/") ? URL(fileURLWithPath: board) : folder.appendingPathComponent(board)).standardizedFileURL.path
                if !(resolved + "/").hasPrefix(folder.path + "/") {
                    context.printError("warning: the board folder \(resolved) is outside the workspace \(folder.path); every change to an incident rewrites it")
                }
            }
        }
        for (kind, source) in sources {
            context.print("  \(kind.rawValue)/: a copy of \(source.path) to edit")
        }
        context.print("Next: chorus open … (in this folder or below, or with CHORUS_WORKSPACE=\(folder.path)); chorus doctor checks the workspace.")
        return ExitStatus.success
    }

    /// `audiences,phrasebook` → the kinds, with "did you mean" for a misspelling.
    static func requestedFolders(_ value: String?) throws -> [ResourceLocator.Kind] {
        guard let value else { return [] }
        var kinds: [ResourceLocator.Kind] = []
        for part in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let kind = ResourceLocator.Kind(rawValue: part) else {
                var message = "--customize: '\(part)' cannot be customized; choose from \(customizable.joined(separator: ", "))"
                if let near = NameSuggestion.closest(to: part, among: customizable) { message += ". Did you mean '\(near)'?" }
                throw UsageError(message)
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        if kinds.isEmpty { throw UsageError("--customize needs a list: \(customizable.joined(separator: ","))") }
        return kinds
    }

    /// `text` (a `chorus.json`) with `"name": "name"` settings added after its opening brace,
    /// leaving everything else as the team wrote it.
    static func addingSettings(_ names: [String], to text: String) -> String {
        guard !names.isEmpty, let brace = text.firstIndex(of: "{") else { return text }
        let after = text[text.index(after: brace)...]
        let isEmptyObject = after.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("}")
        var inserted = names.map { "\n  \"\($0)\": \"\($0)\"" }.joined(separator: ",")
        if !isEmptyObject { inserted += "," }
        return String(text[...brace]) + inserted + after
    }

    static func atomicWrite(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
