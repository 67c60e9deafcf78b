import ChorusCore
import ChorusSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Workspace configuration")
struct WorkspaceConfigTests {
    @Test func everySettingIsReadWithItsPosition() throws {
        let text = """
        {
          "store": "journals",
          "timeZone": "Europe/Berlin",
          "statusPage": "https://status.example.com",
          "vocabulary": "vocabulary",
          "audiences": "audiences",
          "phrasebook": "/srv/chorus/phrasebook",
          "board": { "out": "site", "title": "Acme incidents", "recentDays": 7 },
          "destinations": { "customer": [ { "type": "statuspage", "pageId": "abc", "apiKeyEnv": "STATUSPAGE_API_KEY" } ] }
        }
        """
        let config = try WorkspaceConfig.parse(text, file: "chorus.json")
        #expect(config.publishing["customer"]?.first?.name == "statuspage")
        #expect(config.store?.value == "journals")
        #expect(config.timeZone?.value == "Europe/Berlin")
        #expect(config.timeZone?.position == SourcePosition(line: 3, column: 15, offset: 39))
        #expect(config.statusPage?.value == "https://status.example.com")
        #expect(config.vocabulary?.value == "vocabulary")
        #expect(config.boardOut?.value == "site")
        #expect(config.boardTitle?.value == "Acme incidents")
        #expect(config.boardRecentDays?.value == 7)
        #expect(config.destinations?["customer"]?[0]?["type"]?.stringValue == "statuspage")
        let workspace = Workspace(root: URL(fileURLWithPath: "/teams/acme"), config: config)
        #expect(workspace.store.path == "/teams/acme/journals")
        #expect(workspace.phrasebook?.path == "/srv/chorus/phrasebook")
        #expect(workspace.boardOutput?.path == "/teams/acme/site")
        #expect(workspace.timeZone?.identifier == "Europe/Berlin")
    }

    @Test func anEmptyObjectIsAWorkspaceWithDefaults() throws {
        let workspace = Workspace(root: URL(fileURLWithPath: "/w"), config: try WorkspaceConfig.parse("{}", file: "chorus.json"))
        #expect(workspace.store.path == "/w/.chorus")
        #expect(workspace.audiences == nil)
        #expect(workspace.boardOutput == nil)
        #expect(workspace.timeZone == nil)
    }

    @Test func everyProblemIsReportedAtItsPositionInOrder() {
        let text = """
        {
          "timeZone": "Europe/Berln",
          "statusPage": "status.example.com",
          "boardd": { "out": "site" },
          "board": { "recentDays": -1 },
          "destinations": { "customer": { "type": "statuspage" }, "support": [ 3, { "url": "x" } ] }
        }
        """
        #expect(throws: WorkspaceError.self) { try WorkspaceConfig.parse(text, file: "chorus.json") }
        let problems = WorkspaceConfig.read(text, file: "chorus.json").problems.map(\.description)
        #expect(problems == [
            "chorus.json:2:15: error: at $.timeZone: unknown time zone \"Europe/Berln\"; expected an IANA name such as UTC or Europe/Berlin. Did you mean \"Europe/Berlin\"?",
            "chorus.json:3:17: error: at $.statusPage: \"status.example.com\" is not a link: expected an http:// or https:// URL",
            "chorus.json:4:3: error: at $.boardd: unknown key \"boardd\" in the workspace configuration. Did you mean \"board\"?",
            "chorus.json:5:28: error: at $.board.recentDays: must be at least 0, found -1",
            "chorus.json:6:33: error: at $.destinations.customer: expected a list of destinations ([ { \"type\": … } ]), found an object",
            "chorus.json:6:72: error: at $.destinations.support[0]: expected a destination object, found a number",
            "chorus.json:6:75: error: at $.destinations.support[1]: a destination needs a \"type\": one of \"slack\", \"statuspage\", \"email\", \"webhook\"",
        ])
    }

    @Test func aSyntaxErrorNamesLineAndColumn() {
        let problems = WorkspaceConfig.read("{\n  \"store\": \".chorus\",\n}\n", file: "chorus.json").problems
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("chorus.json:3:1: error: ") == true)
    }

    @Test func theInitialTextIsAValidConfig() throws {
        let text = WorkspaceConfig.initialText(timeZone: "Europe/Berlin", statusPage: "https://status.example.com",
                                               customized: ["audiences"], boardOut: "board")
        let config = try WorkspaceConfig.parse(text, file: "chorus.json")
        #expect(config.store?.value == ".chorus")
        #expect(config.audiences?.value == "audiences")
        #expect(config.phrasebook == nil)
        #expect(config.boardOut?.value == "board")
        #expect(config.destinations?.members?.isEmpty == true)
    }
}

@Suite("Workspace discovery")
struct WorkspaceDiscoveryTests {
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url.resolvingSymlinksInPath())
    }

    @Test func theNearestChorusJsonFromTheWorkingDirectoryUpIsTheWorkspace() throws {
        try Self.withFolder { folder in
            let nested = folder.appendingPathComponent("team/projects/checkout")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try "{ \"store\": \"journals\" }".write(to: folder.appendingPathComponent("team/chorus.json"), atomically: true, encoding: .utf8)
            let found = try #require(try Workspace.discover(currentDirectory: nested.path, environment: [:]))
            #expect(found.root.path == folder.appendingPathComponent("team").path)
            #expect(found.store.path == folder.appendingPathComponent("team/journals").path)
            #expect(try Workspace.discover(currentDirectory: folder.path, environment: [:]) == nil)
        }
    }

    @Test func theEnvironmentVariableNamesTheFolderOrTheFile() throws {
        try Self.withFolder { folder in
            try "{}".write(to: folder.appendingPathComponent("chorus.json"), atomically: true, encoding: .utf8)
            let elsewhere = FileManager.default.temporaryDirectory.path
            let byFolder = try Workspace.discover(currentDirectory: elsewhere, environment: ["CHORUS_WORKSPACE": folder.path])
            #expect(byFolder?.root.path == folder.path)
            let byFile = try Workspace.discover(currentDirectory: elsewhere, environment: ["CHORUS_WORKSPACE": folder.appendingPathComponent("chorus.json").path])
            #expect(byFile?.root.path == folder.path)
            let empty = folder.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            #expect {
                try Workspace.discover(currentDirectory: elsewhere, environment: ["CHORUS_WORKSPACE": empty.path])
            } throws: { error in
                "\(error)".contains("holds no chorus.json; create one with chorus init \(empty.path)")
            }
            #expect {
                try Workspace.discover(currentDirectory: elsewhere, environment: ["CHORUS_WORKSPACE": "/no/such/workspace"])
            } throws: { error in
                "\(error)".contains("CHORUS_WORKSPACE names this, but it does not exist")
            }
        }
    }

    // A chorus.json found by walking up names the store, the lint policy and the commands
    // `publish --send` runs: one that another user could have put there is passed over.

    @Test func aChorusJsonInAFolderOthersMayWriteIsPassedOverUnlessNamed() throws {
        try Self.withFolder { folder in
            let shared = folder.appendingPathComponent("share")
            let below = shared.appendingPathComponent("sub")
            try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
            try "{}".write(to: shared.appendingPathComponent("chorus.json"), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: shared.path)
            let lookup = try Workspace.lookup(currentDirectory: below.path, environment: [:])
            #expect(lookup.configFile == nil)
            #expect(lookup.ignored.map(\.configFile.path) == [shared.appendingPathComponent("chorus.json").path])
            #expect(lookup.ignored.first?.reason == "its folder may be written by other users (mode 1777)")
            #expect(lookup.ignored.first?.description.contains("CHORUS_WORKSPACE=\(shared.path)") == true)
            #expect(try Workspace.discover(currentDirectory: below.path, environment: [:]) == nil)
            // Named explicitly, it is the person's choice.
            let named = try Workspace.discover(currentDirectory: below.path, environment: ["CHORUS_WORKSPACE": shared.path])
            #expect(named?.root.path == shared.path)
        }
    }

    @Test func aFolderOthersMayWriteBetweenTheWorkspaceAndTheWorkingDirectoryDistrustsIt() throws {
        try Self.withFolder { folder in
            let open = folder.appendingPathComponent("team/drop")
            let below = open.appendingPathComponent("x")
            try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
            try "{}".write(to: folder.appendingPathComponent("team/chorus.json"), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: open.path)
            let lookup = try Workspace.lookup(currentDirectory: below.path, environment: [:])
            #expect(lookup.configFile == nil)
            #expect(lookup.ignored.first?.reason == "\(open.path), between it and the working directory, may be written by other users (mode 0777)")
            // From the workspace folder itself, nothing others may write is in the way.
            #expect(try Workspace.lookup(currentDirectory: folder.appendingPathComponent("team").path, environment: [:]).configFile != nil)
        }
    }

    @Test func aChorusJsonOthersMayWriteIsPassedOverAndTheWalkGoesOnUp() throws {
        try Self.withFolder { folder in
            let inner = folder.appendingPathComponent("team/inner")
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            try "{}".write(to: folder.appendingPathComponent("team/chorus.json"), atomically: true, encoding: .utf8)
            let writable = inner.appendingPathComponent("chorus.json")
            try "{}".write(to: writable, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: writable.path)
            let lookup = try Workspace.lookup(currentDirectory: inner.path, environment: [:])
            #expect(lookup.configFile?.path == folder.appendingPathComponent("team/chorus.json").path)
            #expect(lookup.ignored.first?.reason == "other users may write it (mode 0666)")
        }
    }

    @Test func aChorusJsonOwnedByAnotherUserIsPassedOver() throws {
        guard getuid() == 0 else {
            print("skipped aChorusJsonOwnedByAnotherUserIsPassedOver: giving a file to another user needs root")
            return
        }
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("chorus.json")
            try "{}".write(to: file, atomically: true, encoding: .utf8)
            #expect(chown(file.path, 65534, 65534) == 0)
            let lookup = try Workspace.lookup(currentDirectory: folder.path, environment: [:])
            #expect(lookup.configFile == nil)
            #expect(lookup.ignored.first?.reason == "it is owned by another user (user id 65534)")
            // A link of ours to another user's file is passed over too.
            let mine = folder.appendingPathComponent("mine")
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: mine.appendingPathComponent("chorus.json").path, withDestinationPath: file.path)
            let linked = try Workspace.lookup(currentDirectory: mine.path, environment: [:])
            #expect(linked.ignored.map(\.reason) == ["the file it links to is owned by another user (user id 65534)", "it is owned by another user (user id 65534)"])
        }
    }
}

