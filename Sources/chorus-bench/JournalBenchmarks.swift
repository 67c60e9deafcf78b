import ChorusCore
import ChorusSupport
import Foundation

/// `show` and `pull` as whole processes on a 10-revision and a 10,000-revision journal, and
/// the latency of one append (written and synced).
let journalBenchmarks = BenchmarkGroup(name: "journal") { root in
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let example = try StateDocument.load(String(contentsOf: root.appendingPathComponent("examples/checkout-investigating.json"), encoding: .utf8)).state
    var figures: [Figure] = []

    /// A store whose journal has `revisions` revisions and one approval, written in bulk (the
    /// checkpoint is rebuilt by the first read, as after a crash).
    func store(revisions: Int) throws -> URL {
        let folder = scratch.appendingPathComponent("r\(revisions)")
        _ = try BulkJournal.write(revisions: revisions, of: example, store: folder).snapshot()
        return folder
    }

    guard let chorus = ProcessTimer.chorusExecutable() else {
        throw ProcessTimer.Failure(description: "build chorus beside chorus-bench (swift build -c release) to time whole processes")
    }
    for revisions in [10, 10_000] {
        let folder = try store(revisions: revisions)
        let approve = Process()
        approve.executableURL = chorus
        approve.arguments = ["approve", example.id, "support", "--store", folder.path, "--as", "bench", "--now", "2026-11-24T09:20:00Z"]
        approve.currentDirectoryURL = root
        approve.environment = ProcessInfo.processInfo.environment.merging(["CHORUS_REPLAY": "1"]) { $1 } // a fixed timeline
        approve.standardOutput = FileHandle.nullDevice
        try approve.run()
        approve.waitUntilExit()
        let journalBytes = DurableFileSize.of(folder.appendingPathComponent("incidents/\(example.id)/journal.jsonl"))
        for command in ["show", "pull"] {
            var arguments = [command, example.id]
            if command == "pull" { arguments.append("support") }
            arguments += ["--store", folder.path, "--now", "2026-11-24T09:20:00Z"]
            let ms = try ProcessTimer.medianMilliseconds(chorus, arguments, directory: root)
            figures.append(Figure(name: "journal.process_\(command)", value: ms, unit: "ms",
                                  inputs: ["revisions": String(revisions), "journal_bytes": String(journalBytes), "runs": "21 (median)"]))
        }
    }

    let journal = try JournalStore(root: scratch.appendingPathComponent("append")).journal(for: example.id)
    var state = example
    var counter = 0
    let perAppend = try Stopwatch.nanosecondsPerCall(seconds: 1, warmup: 2) {
        counter += 1
        state.workaround = "Workaround \(counter)"
        let revised = state
        try journal.append(author: "bench", at: example.lastUpdatedAt) { _ in
            var entry = JournalEntry(seq: 0, at: Date(), author: "", kind: .revision)
            entry.state = revised
            return [entry]
        }
    }
    figures.append(Figure(name: "journal.append_synced", value: perAppend / 1000, unit: "us",
                          inputs: ["includes": "lock, checkpoint read and its last line hashed, append + fsync, checkpoint replace"]))

    // log and diff on 100,000 revisions: one pass over the bytes, states skipped, not decoded.
    for revisions in [10_000, 100_000] {
        let folder = scratch.appendingPathComponent("log\(revisions)")
        _ = try BulkJournal.write(revisions: revisions, of: example, store: folder).snapshot()
        let journalBytes = DurableFileSize.of(folder.appendingPathComponent("incidents/\(example.id)/journal.jsonl"))
        for arguments in [["log", example.id], ["diff", example.id, "1"]] {
            let ms = try ProcessTimer.medianMilliseconds(chorus, arguments + ["--store", folder.path, "--now", "2026-11-24T09:20:00Z"],
                                                         directory: root, runs: 5)
            figures.append(Figure(name: "journal.process_\(arguments[0])", value: ms, unit: "ms",
                                  inputs: ["revisions": String(revisions), "journal_bytes": String(journalBytes), "runs": "5 (median)"]))
        }
        try? FileManager.default.removeItem(at: folder)
    }
    return figures
}

enum DurableFileSize {
    static func of(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
