import ChorusBoard
import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// `chorus doctor`: checks the workspace and everything it points at, and prints each problem
/// as `FILE:LINE:COL: error: …`.
enum DoctorCommand {
    static let spec = CommandSpec(
        name: "doctor",
        abstract: "Check the workspace: chorus.json, audiences, templates, phrasebook, vocabulary, store and board folders.",
        discussion: """
        Finds the workspace as every command does (CHORUS_WORKSPACE, else the nearest chorus.json
        from the working directory up) and checks the configuration, the audiences and their
        templates, the phrasebook, the vocabulary, the store (a folder you may write, journals
        that can be read and that verify intact, as chorus verify checks them) and the board
        folder. Every problem is printed as FILE:LINE:COL: error: … (or warning:), and
        everything that is fine as ok: …
        --format json prints {"errors","warnings","problems":[{"severity","file","line",
        "column","path","message"}],"checks":[{"status","message"}]} (the parts of a place
        that are known), and usage errors as {"error":{…}}.

        Exit status: 0 when nothing is wrong (warnings allowed), 1 when any error was found
        (anything doctor cannot read is such an error), 64 for a usage error.
        """,
        options: [Workflow.storeOption] + ResourceLocator.options + [
            .value("format", short: "f", "format", help: "text or json.", default: "text", allowed: ["text", "json"]),
        ]
    ) { context in
        var report = DoctorReport()
        let workspace = checkWorkspace(&report, context)
        checkResources(&report, context, workspace: workspace)
        checkStore(&report, context, workspace: workspace)
        if let workspace { checkWorkspacePaths(&report, workspace) }
        if context.arguments.value("format") == "json" {
            context.print(report.json.rendered())
        } else {
            for line in report.lines { context.print(line) }
            context.print(report.summary)
        }
        return report.errors > 0 ? ExitStatus.failure : ExitStatus.success
    }

    /// The workspace, or nil when there is none or it cannot be loaded (reported).
    static func checkWorkspace(_ report: inout DoctorReport, _ context: CommandContext) -> Workspace? {
        let file: URL?
        var passedOver = false
        do throws(WorkspaceError) {
            let lookup = try Workspace.lookup(currentDirectory: context.currentDirectory, environment: context.environment)
            // A chorus.json passed over on the way up (another user's, or in a folder others may write).
            for untrusted in lookup.ignored {
                report.add([WorkspaceProblem(file: untrusted.configFile.path, severity: .warning, message: untrusted.description)])
            }
            file = lookup.configFile
            passedOver = !lookup.ignored.isEmpty
        } catch {
            report.add(error.problems)
            return nil
        }
        guard let file else {
            report.note("no workspace: no \(passedOver ? "trusted " : "")\(Workspace.configFileName) in \(context.currentDirectory) or above, and \(Workspace.environmentVariable) is not set; using ./\(Workspace.defaultStore) and the installed defaults (create one with chorus init)")
            return nil
        }
        let (workspace, problems) = Workspace.read(configFile: file)
        var settings: [String] = []
        if let zone = workspace.config.timeZone { settings.append("time zone \(zone.value)") }
        if let page = workspace.config.statusPage { settings.append("status page \(page.value)") }
        if let destinations = workspace.config.destinations?.members, !destinations.isEmpty {
            settings.append("destinations for \(destinations.map(\.key).joined(separator: ", "))")
        }
        let summary = "workspace \(workspace.root.path): \(file.path)" + (settings.isEmpty ? "" : " (\(settings.joined(separator: ", ")))")
        if problems.isEmpty { report.ok(summary) } else { report.note(summary) }
        report.add(problems)
        return workspace
    }

    static func checkResources(_ report: inout DoctorReport, _ context: CommandContext, workspace: Workspace?) {
        var audiencesFolder: ResourceLocator.Located?
        var phrasebookFolder: ResourceLocator.Located?
        do {
            audiencesFolder = try ResourceLocator.lookup(.audiences, option: context.arguments.value("audiences"), in: context, workspace: workspace)
        } catch {
            report.add(DoctorFinding(diagnostic: message(error)))
        }
        do {
            phrasebookFolder = try ResourceLocator.lookup(.phrasebook, option: context.arguments.value("phrasebook"), in: context, workspace: workspace)
        } catch {
            report.add(DoctorFinding(diagnostic: message(error)))
        }
        if let located = audiencesFolder {
            do throws(AudienceLoadError) {
                let catalog = try AudienceCatalog.load(from: located.folder)
                let shared = located.folder.appendingPathComponent(AudienceCatalog.sharedPartialsFolder)
                let sharedPartials = FileManager.default.fileExists(atPath: shared.path) ? shared : nil
                var templateProblems = 0
                for audience in catalog.audiences {
                    do throws(AudienceLoadError) { _ = try AudienceTemplates.load(for: audience, sharedPartials: sharedPartials) } catch {
                        templateProblems += error.problems.count
                        for problem in error.problems { report.add(DoctorFinding(problem)) }
                    }
                }
                if templateProblems == 0 {
                    report.ok("audiences and templates: \(catalog.audiences.map(\.name).joined(separator: ", ")) from \(located.folder.path) (\(located.origin))")
                }
                if let workspace { checkDestinations(&report, workspace, audiences: catalog.audiences.map(\.name), environment: context.environment) }
            } catch {
                for problem in error.problems { report.add(DoctorFinding(problem)) }
            }
        }
        if let located = phrasebookFolder {
            do throws(PhrasebookError) {
                _ = try Phrasebook.load(from: located.folder)
                report.ok("phrasebook: \(located.folder.path) (\(located.origin))")
            } catch {
                for problem in error.problems { report.add(DoctorFinding(problem)) }
            }
        }
    }

    /// Publishing destinations: each for an audience that exists, each secret's variable set.
    static func checkDestinations(_ report: inout DoctorReport, _ workspace: Workspace, audiences: [String], environment: [String: String]) {
        guard let members = workspace.config.destinations?.members, !members.isEmpty else { return }
        let file = workspace.configFile.path
        var problems: [WorkspaceProblem] = []
        for member in members where !audiences.contains(member.key) {
            var message = "destinations for \"\(member.key)\", which is not an audience (audiences: \(audiences.joined(separator: ", ")))"
            if let near = NameSuggestion.closest(to: member.key, among: audiences) { message += ". Did you mean \"\(near)\"?" }
            problems.append(WorkspaceProblem(file: file, position: member.keyPosition, path: JSONPath.root.appending("destinations").appending(member.key), message: message))
        }
        var count = 0
        for (_, destinations) in workspace.config.publishing {
            for destination in destinations {
                count += 1
                for variable in destination.environmentVariables where (environment[variable] ?? "").isEmpty {
                    problems.append(WorkspaceProblem(file: file, position: destination.position, path: destination.path, severity: .warning,
                                                     message: "the environment variable \(variable) is not set here; chorus publish --send to \(destination.audience)/\(destination.name) needs it"))
                }
            }
        }
        problems.sort { ($0.position?.offset ?? 0) < ($1.position?.offset ?? 0) }
        report.add(problems)
        if problems.isEmpty { report.ok("destinations: \(count) for \(workspace.config.publishing.keys.sorted().joined(separator: ", ")), their variables set") }
    }

    static func checkWorkspacePaths(_ report: inout DoctorReport, _ workspace: Workspace) {
        let file = workspace.configFile.path
        if let setting = workspace.config.vocabulary {
            let url = workspace.resolve(setting.value)
            if FileManager.default.isReadableFile(atPath: url.path) {
                report.ok("vocabulary: \(url.path)")
            } else {
                report.add([WorkspaceProblem(file: file, position: setting.position, path: setting.path,
                                             message: "the vocabulary \(url.path) does not exist or cannot be read")])
            }
        }
        if let setting = workspace.config.boardOut, let url = workspace.boardOutput {
            if let problem = writableFolderProblem(url, creatable: true) {
                report.add([WorkspaceProblem(file: file, position: setting.position, path: setting.path, message: "the board folder \(url.path) \(problem)")])
            } else if let problem = BoardWriter(folder: url).folderProblem {
                report.add([WorkspaceProblem(file: file, position: setting.position, path: setting.path, message: "the board cannot be written: \(problem)")])
            } else {
                report.ok("board: \(url.path) (rewritten after every write)")
            }
        }
    }

    static func checkStore(_ report: inout DoctorReport, _ context: CommandContext, workspace: Workspace?) {
        let folder: URL
        if let option = context.arguments.value("store") {
            folder = URL(fileURLWithPath: context.resolve(option))
        } else if let variable = context.environment["CHORUS_STORE"], !variable.isEmpty {
            folder = URL(fileURLWithPath: context.resolve(variable))
        } else if let workspace {
            folder = workspace.store
        } else {
            folder = URL(fileURLWithPath: context.resolve(Workspace.defaultStore))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            if let problem = writableFolderProblem(folder, creatable: true) {
                report.add(DoctorFinding(.error, file: folder.path, message: "the store \(problem)"))
            } else {
                report.ok("store: \(folder.path) does not exist yet; chorus open creates it")
            }
            return
        }
        if let problem = writableFolderProblem(folder, creatable: false) {
            report.add(DoctorFinding(.error, file: folder.path, message: "the store \(problem); writes (open, update, approve) will fail"))
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path),
           let permissions = attributes[.posixPermissions] as? Int, permissions & 0o002 != 0 {
            report.add(DoctorFinding(.warning, file: folder.path,
                                     message: "the store is writable by every user on this machine (mode \(String(permissions, radix: 8))); anyone could append to the journals: chmod o-w \(folder.path)"))
        }
        let store = JournalStore(root: folder)
        var damaged = 0
        let ids = store.incidentIDs()
        for id in ids {
            do {
                let journal = try store.journal(for: id)
                _ = try journal.entries()
                // What chorus verify checks: the hash chain, contiguous revisions, plain authors.
                let verification = try journal.verify()
                for problem in verification.problems {
                    report.add(DoctorFinding(.error, file: verification.journalPath, line: problem.line,
                                             message: "\(TerminalText.escape(problem.message)) (chorus verify \(id))"))
                }
                if !verification.isIntact { damaged += 1 }
                // A journal (or its folder) any user may write can be appended to or replaced by anyone.
                for path in [journal.folder.path, verification.journalPath] {
                    if let info = FileOwnership.of(path, followingLinks: true), info.isWritableByOthers {
                        report.add(DoctorFinding(.warning, file: path,
                                                 message: "writable by every user on this machine (mode \(info.octalPermissions)); anyone could append to or replace \(id)'s journal: chmod o-w \(path)"))
                    }
                }
            } catch {
                damaged += 1
                report.add(unreadableJournal(error, id: id, folder: folder))
            }
        }
        if damaged == 0 {
            report.ok("store: \(folder.path) (\(ids.count) incident\(ids.count == 1 ? "" : "s"), journals readable and verified intact)")
        }
    }

    /// A journal that cannot be read: at its line when the journal names one (a damaged or
    /// undecodable line), else at the incident's folder.
    static func unreadableJournal(_ error: any Error, id: String, folder: URL) -> DoctorFinding {
        let text = "\(error)"
        switch error as? JournalError {
        case .damaged(let path, let line, _)?, .unreadable(let path, let line, _)?:
            let place = "\(path):\(line): "
            let message = text.hasPrefix(place) ? String(text.dropFirst(place.count)) : text
            return DoctorFinding(.error, file: path, line: line, message: "the journal cannot be read: \(TerminalText.escape(message)) (chorus verify \(id))")
        default:
            return DoctorFinding(.error, file: "\(folder.path)/incidents/\(id)", message: "the journal cannot be read: \(TerminalText.escape(text))")
        }
    }

    /// Why `url` cannot be written as a folder, or nil when it can (or, with `creatable`, could
    /// be created).
    static func writableFolderProblem(_ url: URL, creatable: Bool) -> String? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return "is a file, not a folder" }
            return fileManager.isWritableFile(atPath: url.path) ? nil : "is not writable by you"
        }
        guard creatable else { return "does not exist" }
        var parent = url.deletingLastPathComponent()
        while !fileManager.fileExists(atPath: parent.path, isDirectory: &isDirectory) {
            let next = parent.deletingLastPathComponent()
            if next.path == parent.path { return "cannot be created" }
            parent = next
        }
        guard isDirectory.boolValue else { return "cannot be created: \(parent.path) is a file" }
        return fileManager.isWritableFile(atPath: parent.path) ? nil : "cannot be created: \(parent.path) is not writable by you"
    }

    private static func message(_ error: any Error) -> String {
        if let failure = error as? CommandFailure {
            return failure.message.contains(": error: ") ? failure.message : "error: " + failure.message
        }
        return "error: \(error)"
    }
}
