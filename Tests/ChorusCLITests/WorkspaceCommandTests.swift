import ChorusCLI
import ChorusCore
import Foundation
import Testing

/// `chorus init`, workspace discovery by every command, and `chorus doctor`.
@Suite("Workspace commands")
struct WorkspaceCommandTests {
    static let now = "2026-11-24T09:12:00Z"

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) -> ChorusCommandLine.Result {
        chorus(arguments, environment: environment, directory: directory.path)
    }

    @Test func initWritesTheConfigAndTheStoreAndEveryCommandFindsThemFromBelow() throws {
        try ScratchFolder.with { folder in
            let root = folder.at("acme")
            let created = Self.run(["init", "acme", "--tz", "Europe/Berlin", "--status-page", "https://status.example.com"], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout.hasPrefix("Created workspace \(root.path)\n"))
            let config = try String(contentsOf: root.at("chorus.json"), encoding: .utf8)
            #expect(config.contains("\"timeZone\": \"Europe/Berlin\""))
            #expect(config.contains("\"statusPage\": \"https://status.example.com\""))
            #expect(FileManager.default.fileExists(atPath: root.at(".chorus").path))

            let deep = root.at("notes/2026")
            try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
            let opened = Self.run(["open", "--from", Repo.path("examples/checkout-investigating.json"), "--as", "dana", "--now", Self.now], in: deep,
                                  environment: ["CHORUS_REPLAY": "1"])
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(FileManager.default.fileExists(atPath: root.at(".chorus/incidents/INC-2041/journal.jsonl").path))
            #expect(!FileManager.default.fileExists(atPath: deep.at(".chorus").path))

            // Another folder of the workspace sees the incident; times are in the workspace's zone.
            let listed = Self.run(["list", "--now", Self.now], in: root)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.contains("INC-2041"))
            let shown = Self.run(["show", "INC-2041", "--now", Self.now], in: deep)
            #expect(shown.stdout.contains("last updated: 10:12 CET"), "\(shown.stdout)") // opened (and so updated) at --now
            // Outside the workspace, CHORUS_WORKSPACE names it.
            let outside = Self.run(["list", "--now", Self.now], in: folder, environment: ["CHORUS_WORKSPACE": root.path])
            #expect(outside.stdout.contains("INC-2041"))
            // Outside it, there is no store: said, not shown as "No open incidents" (QA #18).
            let notFound = Self.run(["list", "--now", Self.now], in: folder)
            #expect(notFound.status == 2)
            #expect(notFound.stderr.contains("there is no store at \(folder.at(".chorus").path)"), "\(notFound.stderr)")
        }
    }

    /// QA #19: Foundation's "The operation could not be completed" never reaches the user.
    @Test func initOfAFileSaysSoInASentence() throws {
        try ScratchFolder.with { folder in
            try folder.at("outside.txt").write("x")
            let file = Self.run(["init", "outside.txt"], in: folder)
            #expect(file.status == 2)
            #expect(file.stderr == "Error: \(folder.at("outside.txt").path) is a file, not a folder; chorus init DIR makes DIR a workspace folder (created when missing)\n")
            let below = Self.run(["init", "outside.txt/acme"], in: folder)
            #expect(below.status == 2)
            #expect(below.stderr.hasPrefix("Error: cannot write the workspace in \(folder.at("outside.txt/acme").path): "), "\(below.stderr)")
            #expect(!below.stderr.contains("could not be completed") && !below.stderr.contains("NSCocoaErrorDomain"), "\(below.stderr)")
            #expect(try String(contentsOf: folder.at("outside.txt"), encoding: .utf8) == "x")
        }
    }

    /// QA #20: a board folder outside the workspace is rewritten by every write: init says so.
    @Test func initWarnsAboutABoardFolderOutsideTheWorkspace() throws {
        try ScratchFolder.with { folder in
            let outside = Self.run(["init", "acme", "--board", "../escape"], in: folder)
            #expect(outside.status == 0, "\(outside.stderr)")
            #expect(outside.stderr.contains("warning: the board folder \(folder.at("escape").path) is outside the workspace \(folder.at("acme").path)"), "\(outside.stderr)")
            let inside = Self.run(["init", "beta", "--board", "site/board"], in: folder)
            #expect(inside.status == 0)
            #expect(!inside.stderr.contains("warning"), "\(inside.stderr)")
        }
    }

    @Test func initRefusesAnExistingWorkspaceButAddsCustomizedCopies() throws {
        try ScratchFolder.with { folder in
            #expect(Self.run(["init"], in: folder).status == 0)
            let again = Self.run(["init"], in: folder)
            #expect(again.status == 2, "could not do what was asked (exit-status convention)")
            #expect(again.stderr.contains("is already a workspace"))
            let customized = Self.run(["init", "--customize", "audiences"], in: folder)
            #expect(customized.status == 0, "\(customized.stderr)")
            #expect(customized.stdout.contains("audiences/: a copy of"))
            let workspace = try Workspace.load(configFile: folder.at("chorus.json"))
            #expect(workspace.config.audiences?.value == "audiences")
            #expect(FileManager.default.fileExists(atPath: folder.at("audiences/customer/audience.json").path))
            let twice = Self.run(["init", "--customize", "audiences"], in: folder)
            #expect(twice.status == 2)
            #expect(twice.stderr.contains("audiences already exists"))
            let misspelt = Self.run(["init", "--customize", "phrasebok"], in: folder)
            #expect(misspelt.status == 64)
            #expect(misspelt.stderr.contains("Did you mean 'phrasebook'?"))
        }
    }

    @Test func customizedAudiencesAreWhatRenderUses() throws {
        try ScratchFolder.with { folder in
            #expect(Self.run(["init", "--customize", "audiences,phrasebook"], in: folder).status == 0)
            let template = folder.at("audiences/customer/incident.mustache")
            let original = try String(contentsOf: template, encoding: .utf8)
            try template.write(original.replacingOccurrences(of: "# {{title}}", with: "# Acme status: {{title}}"))
            let rendered = Self.run(["render", Repo.path("examples/checkout-investigating.json"), "-a", "customer", "--now", Self.now], in: folder)
            #expect(rendered.stdout.hasPrefix("# Acme status: Card payments failing at checkout"), "\(rendered.stdout)\(rendered.stderr)")
        }
    }

    @Test func aConfigNamingAMissingFolderFailsWithItsPosition() throws {
        try ScratchFolder.with { folder in
            try folder.at("chorus.json").write("{\n  \"audiences\": \"team-audiences\"\n}\n")
            let result = Self.run(["render", Repo.path("examples/checkout-investigating.json"), "-a", "customer"], in: folder)
            #expect(result.status == 2, "a workspace that cannot be used: the command could not run")
            #expect(result.stderr.contains("\(folder.path)/chorus.json:2:16: error: at $.audiences: the audiences folder \(folder.path)/team-audiences does not exist"))
        }
    }

    @Test func aBrokenConfigStopsCommandsThatUseTheWorkspace() throws {
        try ScratchFolder.with { folder in
            try folder.at("chorus.json").write("{\n  \"stor\": \"journals\"\n}\n")
            let result = Self.run(["list"], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr == "Error: the workspace cannot be used:\n\(folder.path)/chorus.json:2:3: error: at $.stor: unknown key \"stor\" in the workspace configuration. Did you mean \"store\"?\n")
        }
    }

    @Test func doctorPassesACleanWorkspace() throws {
        try ScratchFolder.with { folder in
            #expect(Self.run(["init", "--customize", "audiences"], in: folder).status == 0)
            let result = Self.run(["doctor"], in: folder)
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stdout.contains("ok: workspace \(folder.path)"))
            #expect(result.stdout.contains("ok: audiences and templates: customer, engineering, leadership, review, sales, support from \(folder.path)/audiences (workspace)"))
            #expect(result.stdout.contains("ok: store: \(folder.path)/.chorus (0 incidents, journals readable and verified intact)"))
            #expect(result.stdout.hasSuffix("No problems found.\n"))
        }
    }

    /// The issue's "done when": a broken template and a bad config are reported with positions.
    @Test func doctorReportsABrokenTemplateAndABadConfigWithPositions() throws {
        try ScratchFolder.with { folder in
            #expect(Self.run(["init", "--customize", "audiences,phrasebook"], in: folder).status == 0)
            try folder.at("audiences/support/template.mustache").write("# {{title}}\n\n{{#status.isOpen}}\nStill open.\n")
            let config = try String(contentsOf: folder.at("chorus.json"), encoding: .utf8)
            try folder.at("chorus.json").write(config.replacingOccurrences(of: "\"timeZone\": \"UTC\"", with: "\"timeZone\": \"Mars/Olympus\", \"vocabulary\": \"words.txt\""))
            try folder.at("phrasebook/jargon.txt").write("[substitution jargon]\nmessage: jargon\nthundering herd\n")
            let result = Self.run(["doctor"], in: folder)
            #expect(result.status == 1)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains("\(folder.path)/chorus.json:3:15: error: at $.timeZone: unknown time zone \"Mars/Olympus\"; expected an IANA name such as UTC or Europe/Berlin"))
            #expect(lines.contains { $0.hasPrefix("\(folder.path)/audiences/support/template.mustache:3:1: error: ") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("\(folder.path)/phrasebook/jargon.txt:") && $0.contains(": error: ") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("\(folder.path)/chorus.json:3:") && $0.contains("the vocabulary \(folder.path)/words.txt does not exist") }, "\(result.stdout)")
            #expect(lines.last?.hasSuffix("found.") == true)
        }
    }

    @Test func doctorReportsABoardFolderOfOtherFiles() throws {
        try ScratchFolder.with { folder in
            #expect(chorus(["init"], directory: folder.path).status == 0)
            try folder.at("board/notes.txt").write("not a board")
            let result = Self.run(["doctor"], in: folder)
            #expect(result.status == 1)
            #expect(result.stdout.contains("\(folder.path)/chorus.json:"))
            #expect(result.stdout.contains("error: at $.board.out: the board cannot be written: \(folder.path)/board is not empty and holds no board (.chorus-board.json)"), "\(result.stdout)")
        }
    }

    @Test func theRootHelpSaysWhereChorusLooks() {
        let help = chorus(["--help"])
        #expect(help.stdout.contains("WHERE CHORUS LOOKS:\n  Workspace: CHORUS_WORKSPACE, else the nearest chorus.json"))
        #expect(help.stdout.contains("installed beside the binary (PREFIX/share/chorus)"))
        for command in ["init", "doctor", "board"] {
            #expect(help.stdout.contains("\n  \(command) "), "\(command) is listed")
        }
    }

    @Test func doctorWithoutAWorkspaceChecksTheDefaultsAndSaysSo() throws {
        try ScratchFolder.with { folder in
            let result = Self.run(["doctor"], in: folder)
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stdout.hasPrefix("note: no workspace: no chorus.json in \(folder.path) or above"))
            #expect(result.stdout.contains("(installed defaults)"))
        }
    }

    @Test func aChorusJsonInAFolderOthersMayWriteIsIgnoredWithANoteAndDoctorWarns() throws {
        try ScratchFolder.with { folder in
            let shared = folder.at("share")
            let below = shared.at("sub")
            try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
            try shared.at("chorus.json").write("{ \"store\": \"planted-store\" }")
            try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: shared.path)
            let listed = Self.run(["list", "--now", Self.now], in: below)
            #expect(listed.status == 2, "no workspace, so the default store below, which is not there")
            #expect(listed.stderr.hasPrefix("note: ignoring \(shared.at("chorus.json").path): its folder may be written by other users (mode 1777);"), "\(listed.stderr)")
            #expect(listed.stderr.contains("CHORUS_WORKSPACE=\(shared.path)"))
            #expect(!FileManager.default.fileExists(atPath: shared.at("planted-store").path))
            let doctor = Self.run(["doctor"], in: below)
            #expect(doctor.stdout.contains("\(shared.at("chorus.json").path): warning: ignoring"), "\(doctor.stdout)")
            #expect(doctor.stdout.contains("no workspace: no trusted chorus.json in \(below.path) or above"), "\(doctor.stdout)")
            // Named explicitly, it is used, without a note.
            try FileManager.default.createDirectory(at: shared.at("planted-store"), withIntermediateDirectories: false)
            let named = Self.run(["list", "--now", Self.now], in: below, environment: ["CHORUS_WORKSPACE": shared.path])
            #expect(named.status == 0, "\(named.stderr)")
            #expect(named.stderr.isEmpty, "\(named.stderr)")
        }
    }

    @Test func doctorWarnsAboutAJournalEveryUserMayWrite() throws {
        try ScratchFolder.with { folder in
            #expect(Self.run(["init"], in: folder).status == 0)
            let opened = Self.run(["open", "--from", Repo.path("examples/checkout-investigating.json"), "--as", "dana", "--now", Self.now], in: folder,
                                  environment: ["CHORUS_REPLAY": "1"])
            #expect(opened.status == 0, "\(opened.stderr)")
            let journal = folder.at(".chorus/incidents/INC-2041/journal.jsonl")
            #expect(!Self.run(["doctor"], in: folder).stdout.contains("warning:"))
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: journal.path)
            let result = Self.run(["doctor"], in: folder)
            #expect(result.status == 0, "a warning: \(result.stdout)")
            #expect(result.stdout.contains("\(journal.path): warning: writable by every user on this machine (mode 0666); anyone could append to or replace INC-2041's journal: chmod o-w \(journal.path)"), "\(result.stdout)")
        }
    }
}

