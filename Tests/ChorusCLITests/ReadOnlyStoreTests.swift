import ChorusCLI
import ChorusCore
import Foundation
import Testing

/// A store the reader may not write to (another user's files, a read-only mount, a full disk)
/// can still be read: reads never need to write.
@Suite("Reading a store one cannot write to")
struct ReadOnlyStoreTests {
    /// Runs the built `chorus` as a user who cannot write to the store: `nobody` (via setpriv)
    /// when the tests run as root, which ignores permissions; the current user otherwise, on a
    /// store made read-only. Nil (and a printed reason) when neither is possible.
    static func runner(for store: URL) -> (([String]) throws -> (status: Int32, stdout: String, stderr: String))? {
        guard let binary = ChorusBinary.url else { print("skipped: the chorus executable was not found"); return nil }
        let asRoot = getuid() == 0
        let setpriv = "/usr/bin/setpriv"
        if asRoot && !FileManager.default.isExecutableFile(atPath: setpriv) {
            print("skipped: running as root, and without setpriv there is no way to read as a user who cannot write")
            return nil
        }
        if !asRoot { _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a-w", store.path]).waitUntilExit() }
        return { arguments in
            let process = Process()
            if asRoot {
                process.executableURL = URL(fileURLWithPath: setpriv)
                process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
            } else {
                process.executableURL = binary
                process.arguments = arguments
            }
            process.currentDirectoryURL = Repo.root
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stderr)
        }
    }

    @Test func everyReadWorksWithoutWriteAccessEvenWithoutLockOrCheckpointAndWithATornTail() throws {
        var h = try WorkflowHarness()
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+w", h.store]).waitUntilExit() }
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        #expect(h.run(["approve", "INC-2041", "support"]).status == 0)
        h.now = "2026-11-24T09:14:00Z"
        #expect(h.run(["update", "INC-2041", "--workaround", "Pay with PayPal."]).status == 0)
        let folder = URL(fileURLWithPath: h.store).appendingPathComponent("incidents/INC-2041")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("lock"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("checkpoint.json"))
        let journal = folder.appendingPathComponent("journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":4,\"kind\":\"no".utf8))
        try handle.close()
        let before = try Data(contentsOf: journal)
        guard let run = Self.runner(for: URL(fileURLWithPath: h.store)) else { return }
        let store = ["--store", h.store, "--now", h.now]
        for command in [["show", "INC-2041"], ["log", "INC-2041"], ["list"], ["pull", "INC-2041", "support"],
                        ["diff", "INC-2041", "1"]] {
            let result = try run(command + store)
            #expect(result.status == (command[0] == "pull" ? 3 : 0), "\(command[0]): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command[0]) printed its answer")
            if command[0] != "list" {
                #expect(result.stderr.contains("it was left in place"), "\(command[0]) reports the torn tail: \(result.stderr)")
            }
        }
        #expect(try Data(contentsOf: journal) == before, "the reads changed nothing")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path))
        // A write fails cleanly, with the reason.
        let write = try run(["note", "INC-2041", "x", "--store", h.store, "--as", "nobody"])
        #expect(write.status == 2, "the store cannot be written: the command could not run")
        #expect(write.stderr.contains("Error: "), "\(write.stderr)")
    }
}
