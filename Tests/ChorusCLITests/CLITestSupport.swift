import ChorusCLI
import Foundation

/// Paths into the repository, and a scratch folder per test.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A new empty folder under the system's temporary folder.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs `chorus` in process from the repository root.
func chorus(_ arguments: String..., stdin: String = "", environment: [String: String] = [:]) -> ChorusCommandLine.Result {
    chorus(arguments, stdin: stdin, environment: environment)
}

func chorus(_ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String = Repo.root.path) -> ChorusCommandLine.Result {
    let bytes = Array(stdin.utf8)
    return ChorusCommandLine.run(arguments, environment: environment, currentDirectory: directory, standardInput: { bytes })
}
