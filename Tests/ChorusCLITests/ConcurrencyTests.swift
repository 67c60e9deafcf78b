import ChorusCore
import Foundation
import Testing

/// The built `chorus` executable, next to this test bundle (the test target depends on it).
enum ChorusBinary {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chorus"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("chorus"),
            Bundle.main.bundleURL.appendingPathComponent("chorus"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

@Suite("Concurrent writers")
struct ConcurrencyTests {
    /// How many writers and updates each: 8 × 5 in the suite (a few seconds: 40 processes
    /// contending for the lock already refused writes when times were taken before it), the
    /// issue's 16 × 25 with `CHORUS_CONCURRENT_WRITES=16x25` (CI runs that too).
    static func shape(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> (writers: Int, updates: Int)? {
        guard let text = environment["CHORUS_CONCURRENT_WRITES"], !text.isEmpty else { return (8, 5) }
        let parts = text.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let writers = parts[0], let updates = parts[1], (1...64).contains(writers), (1...1000).contains(updates) else { return nil }
        return (writers, updates)
    }

    @Test func theShapeIsReadFromTheEnvironment() throws {
        let suite = try #require(Self.shape([:]))
        #expect(suite.writers == 8 && suite.updates == 5)
        let issue = try #require(Self.shape(["CHORUS_CONCURRENT_WRITES": "16x25"]))
        #expect(issue.writers == 16 && issue.updates == 25)
        #expect(Self.shape(["CHORUS_CONCURRENT_WRITES": "16"]) == nil)
        #expect(Self.shape(["CHORUS_CONCURRENT_WRITES": "0x5"]) == nil)
    }

    /// Several processes each write several revisions to one incident at once, on the real
    /// clock: every write is acknowledged (none refused for ordering: each is dated under the
    /// lock), all are present, sequence numbers have no gaps, times never run backwards, and
    /// every write's value is present exactly once, each writer's in the order it made them.
    @Test(.timeLimit(.minutes(10)))
    func concurrentRealClockUpdatesAreAllAcknowledgedAndKept() throws {
        let shape = try #require(Self.shape(), "CHORUS_CONCURRENT_WRITES must read WRITERSxUPDATES, such as 16x25")
        let binary = try #require(ChorusBinary.url, "the chorus executable is built with the tests (ChorusCLITests depends on it)")
        let scratch = try Repo.scratch()
        defer { withExtendedLifetime(scratch) {} } // the folder lives until the test ends
        let store = scratch.path
        let open = Process()
        open.executableURL = binary
        open.arguments = ["open", "--from", Repo.path("examples/checkout-investigating.json"), "--next-update", "+30m", "--store", store, "--as", "setup"]
        try open.run()
        open.waitUntilExit()
        #expect(open.terminationStatus == 0)

        let (writers, updates) = shape
        print("Concurrent writers: \(writers) processes × \(updates) real-clock updates")
        var processes: [(process: Process, acknowledged: Pipe)] = []
        for writer in 1...writers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // Each write acknowledged (exit 0) prints one line; a refused one prints nothing.
            let script = """
            i=1
            while [ $i -le \(updates) ]; do
              "$0" update INC-2041 --workaround "writer \(writer) update $i" --next-update +30m --store "$1" --as "writer\(writer)" >/dev/null && echo ok
              i=$((i+1))
            done
            """
            process.arguments = ["-c", script, binary.path, store]
            let pipe = Pipe()
            process.standardOutput = pipe
            processes.append((process, pipe))
        }
        for writer in processes { try writer.process.run() }
        var acknowledged = 0
        for writer in processes {
            // At most a few bytes per update: the pipe never fills, so reading after the exit is safe.
            writer.process.waitUntilExit()
            let output = writer.acknowledged.fileHandleForReading.readDataToEndOfFile()
            acknowledged += String(decoding: output, as: UTF8.self).split(separator: "\n").count
        }
        #expect(acknowledged == writers * updates, "every write acknowledged")

        let journal = try JournalStore(root: URL(fileURLWithPath: store)).journal(for: "INC-2041")
        let (snapshot, torn) = try journal.snapshot()
        #expect(torn == nil)
        #expect(snapshot.revision == 1 + writers * updates)
        let entries = try journal.entries()
        #expect(entries.map(\.seq) == Array(1...(1 + writers * updates)))
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.at <= $1.at }, "times never run backwards")
        #expect(entries.allSatisfy { $0.clock == nil }, "real-clock entries are not marked as replayed")
        let written = entries.dropFirst().compactMap { $0.state?.workaround }
        var expected: [String] = []
        for writer in 1...writers { for i in 1...updates { expected.append("writer \(writer) update \(i)") } }
        #expect(written.sorted() == expected.sorted())
        print("Concurrent writers: \(writers) processes × \(updates) real-clock updates: \(acknowledged) of \(writers * updates) acknowledged, \(written.count) present")
        // Each writer's own updates landed in the order it made them.
        for writer in 1...writers {
            let mine = written.filter { $0.hasPrefix("writer \(writer) ") }
            #expect(mine == (1...updates).map { "writer \(writer) update \($0)" })
        }
    }
}
