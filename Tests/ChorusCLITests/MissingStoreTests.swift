import ChorusSupport
import Foundation
import Testing

/// A store folder that is not there (a mistyped `--store` or `CHORUS_STORE`, a command run
/// outside the workspace) stops every command but `open` with exit 2, naming the folder and
/// where it came from: during an incident, "No open incidents" from a typo makes everything
/// look calm (QA #18).
@Suite("A store that does not exist")
struct MissingStoreTests {
    @Test func readsAndWritesOfAMissingStoreSayItIsNotThere() throws {
        try ScratchFolder.with { folder in
            let missing = folder.at("chorus-stor").path
            let commands: [[String]] = [
                ["list"], ["list", "--all"], ["due"], ["show", "INC-2041"], ["log", "INC-2041"], ["pull", "INC-2041", "customer"],
                ["verify"], ["board", "--out", folder.at("board").path],
                ["update", "INC-2041", "--workaround", "Pay by PayPal.", "--as", "dana"],
            ]
            for command in commands {
                let result = chorus(command + ["--store", missing], directory: folder.path)
                #expect(result.status == 2, "chorus \(command.joined(separator: " ")): \(result.stdout)\(result.stderr)")
                #expect(result.stdout.isEmpty, "chorus \(command.joined(separator: " ")) printed \(result.stdout)")
                #expect(result.stderr.contains("there is no store at \(missing) (given by --store)"), "\(result.stderr)")
            }
            let fromEnvironment = chorus(["list"], environment: ["CHORUS_STORE": missing], directory: folder.path)
            #expect(fromEnvironment.status == 2)
            #expect(fromEnvironment.stderr.contains("there is no store at \(missing) (given by CHORUS_STORE)"), "\(fromEnvironment.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(left.isEmpty, "nothing is created: \(left)")
        }
    }

    @Test func outsideAWorkspaceTheDefaultStoreIsNamed() throws {
        try ScratchFolder.with { folder in
            let result = chorus(["list"], directory: folder.path)
            #expect(result.status == 2)
            #expect(result.stderr.contains("there is no store at \(folder.at(".chorus").path) (the default: no --store, no CHORUS_STORE and no workspace)"),
                    "\(result.stderr)")
        }
    }

    @Test func anEmptyStoreOptionIsAUsageError() throws {
        try ScratchFolder.with { folder in
            let result = chorus(["list", "--store", ""], directory: folder.path)
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("Error: --store needs a folder, not an empty value"), "\(result.stderr)")
        }
    }

    @Test func inJSONModeTheMissingStoreIsAJSONError() throws {
        try ScratchFolder.with { folder in
            let result = chorus(["verify", "--format", "json", "--store", folder.at("nope").path], directory: folder.path)
            #expect(result.status == 2)
            let error = try JSONParser.parse(result.stdout)["error"]
            #expect(error?["kind"]?.stringValue == "could-not-run")
            #expect(error?["message"]?.stringValue?.contains("there is no store at") == true)
        }
    }

    @Test func anExistingStoreWithNoIncidentsIsStillCalm() throws {
        let h = try WorkflowHarness()
        let result = h.read(["list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "No open incidents.\n")
    }

    @Test func openCreatesTheStore() throws {
        try ScratchFolder.with { folder in
            let store = folder.at("new-store").path
            let opened = chorus(["open", "--from", Repo.path("examples/checkout-investigating.json"), "--store", store, "--as", "dana",
                                 "--now", "2026-11-24T09:12:00Z"], environment: ["CHORUS_REPLAY": "1"], directory: folder.path)
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(chorus(["list", "--store", store, "--now", "2026-11-24T09:12:00Z"], directory: folder.path).stdout.contains("INC-2041"))
        }
    }
}
