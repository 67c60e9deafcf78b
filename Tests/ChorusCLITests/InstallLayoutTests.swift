@testable import ChorusCLI
import Foundation
import Testing

/// The defaults (audiences, phrasebook) are found beside the executable, so an installed or
/// copied tree works from any directory; options and environment variables come first.
@Suite("Installed defaults")
struct InstallLayoutTests {
    /// A PREFIX with `share/chorus/{audiences,phrasebook}` copied from the repository.
    static func makePrefix(in folder: URL) throws -> URL {
        let prefix = folder.at("prefix")
        try FileManager.default.createDirectory(at: prefix.at("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.at("share/chorus"), withIntermediateDirectories: true)
        for kind in ["audiences", "phrasebook"] {
            try FileManager.default.copyItem(atPath: Repo.path(kind), toPath: prefix.at("share/chorus/\(kind)").path)
        }
        return prefix
    }

    @Test func anInstalledBinaryFindsItsDefaultsFromAnyDirectory() throws {
        try ScratchFolder.with { folder in
            let prefix = try Self.makePrefix(in: folder)
            let elsewhere = folder.at("somewhere/else")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            let result = ChorusCommandLine.run(["audiences"], currentDirectory: elsewhere.path,
                                               executablePath: prefix.at("bin/chorus").path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("customer\n"))
        }
    }

    @Test func withoutDefaultsTheErrorSaysWhereItLooked() throws {
        try ScratchFolder.with { folder in
            let bare = folder.at("bare/bin/chorus")
            let result = ChorusCommandLine.run(["lint", "-", "--audience", "customer"], currentDirectory: folder.path,
                                               executablePath: bare.path)
            #expect(result.status != 0)
            #expect(result.stderr.contains("no audiences folder found: pass --audiences DIR or set CHORUS_AUDIENCES"))
            #expect(result.stderr.contains(folder.at("bare/share/chorus/audiences").path))
        }
    }

    @Test func theOptionBeatsTheEnvironmentWhichBeatsTheInstalledDefaults() throws {
        try ScratchFolder.with { folder in
            let prefix = try Self.makePrefix(in: folder)
            let team = folder.at("team-audiences")
            try FileManager.default.copyItem(atPath: Repo.path("audiences"), toPath: team.path)
            try FileManager.default.removeItem(at: team.at("sales"))
            let other = folder.at("other-audiences")
            try FileManager.default.copyItem(atPath: Repo.path("audiences"), toPath: other.path)
            try FileManager.default.removeItem(at: other.at("leadership"))
            let executable = prefix.at("bin/chorus").path
            func lookup(_ arguments: [String], _ environment: [String: String]) throws -> ResourceLocator.Located {
                let parsed = try ArgumentParser.parse(arguments, for: AudiencesCommand.spec)
                let context = CommandContext(arguments: parsed, environment: environment, currentDirectory: folder.path,
                                             readStandardInput: { [] }, now: { Date() }, executable: URL(fileURLWithPath: executable))
                return try ResourceLocator.lookup(.audiences, option: parsed.value("audiences"), in: context)
            }
            let installed = try lookup([], [:])
            #expect(installed.folder.path == prefix.at("share/chorus/audiences").path)
            #expect(installed.origin == .installed)
            let fromEnvironment = try lookup([], ["CHORUS_AUDIENCES": team.path])
            #expect(fromEnvironment.folder.path == team.path)
            #expect(fromEnvironment.origin == .environment)
            let fromOption = try lookup(["--audiences", "other-audiences"], ["CHORUS_AUDIENCES": team.path])
            #expect(fromOption.folder.path == other.path)
            #expect(fromOption.origin == .option)
        }
    }

    @Test func aBinaryInACheckoutsBuildFolderUsesTheCheckoutsFolders() {
        let executable = Repo.root.at(".build/x86_64-unknown-linux-gnu/debug/chorus")
        let candidates = ResourceLocator.installedCandidates(.phrasebook, executable: executable)
        #expect(candidates.last == Repo.root.at("phrasebook"))
    }

    /// The real binary, copied out of the checkout into PREFIX/bin and started by its bare name
    /// from PATH in an unrelated folder, lints a reply with the installed defaults.
    @Test func aCopiedBinaryStartedFromPathLintsWithItsDefaults() throws {
        let binary = try #require(ChorusBinary.url, "the chorus executable is built with the tests (ChorusCLITests depends on it)")
        try ScratchFolder.with { folder in
            let prefix = try Self.makePrefix(in: folder)
            try FileManager.default.copyItem(at: binary, to: prefix.at("bin/chorus"))
            let links = folder.at("links")
            try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: links.at("chorus"), withDestinationURL: prefix.at("bin/chorus"))
            let work = folder.at("work")
            try work.at("reply.txt").write("We suspect the database is probably the cause.\n")
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["chorus", "lint", "reply.txt", "--audience", "customer"],
                                        directory: work, environment: ["PATH": links.path + ":/usr/bin:/bin"])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.contains("reply.txt:1:1: error: [speculation/") || result.stderr.contains("reply.txt:1:1: error: [speculation/"),
                    "\(result.stdout)\(result.stderr)")
            #expect(!result.stderr.contains("no audiences folder"))
        }
    }
}
