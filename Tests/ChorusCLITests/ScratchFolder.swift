import Foundation

/// A new empty folder under the system's temporary folder, removed by `remove()`; tests use
/// `ScratchFolder.with { … }` so nothing is left behind, whatever the test's outcome.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `body` with a fresh folder and removes the folder afterwards.
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        return try body(scratch.url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

extension URL {
    /// `self` with `path` appended (folders separated by `/`).
    func at(_ path: String) -> URL { appendingPathComponent(path) }

    /// Writes `text` as UTF-8, creating the folders it needs.
    func write(_ text: String) throws {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: self, atomically: true, encoding: .utf8)
    }
}

/// Runs a real process and returns its exit status and output.
func runProcess(_ executable: URL, _ arguments: [String], directory: URL, environment: [String: String]) throws -> ChorusProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ChorusProcessResult(status: process.terminationStatus,
                               stdout: String(decoding: outData, as: UTF8.self),
                               stderr: String(decoding: errData, as: UTF8.self))
}

struct ChorusProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}
