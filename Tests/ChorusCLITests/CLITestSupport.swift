import ChorusCLI
import Foundation

/// Paths into the repository, and a scratch folder per test.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A new empty folder under the system's temporary folder, removed when the test lets go of it.
    static func scratch() throws -> Scratch { try Scratch() }
}

/// A folder under the system's temporary folder for one test, removed with everything in it
/// when the last reference goes away, so `swift test` leaves nothing behind. Keep it in a
/// `let` (or a stored property) for as long as the test uses the folder.
final class Scratch: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func appendingPathComponent(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Runs `chorus` in process from the repository root.
func chorus(_ arguments: String..., stdin: String = "", environment: [String: String] = [:]) -> ChorusCommandLine.Result {
    chorus(arguments, stdin: stdin, environment: environment)
}

func chorus(_ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String = Repo.root.path) -> ChorusCommandLine.Result {
    let bytes = Array(stdin.utf8)
    return ChorusCommandLine.run(arguments, environment: environment, currentDirectory: directory, standardInput: { bytes })
}
