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
    /// Sixteen processes each write 25 revisions to one incident at once, on the real clock:
    /// every write is acknowledged (none refused for ordering: each is dated under the lock),
    /// all 400 are present, sequence numbers have no gaps, times never run backwards, and every
    /// write's value is present exactly once, each writer's in the order it made them.
    @Test(.timeLimit(.minutes(10)))
    func sixteenProcessesTimesTwentyFiveRealClockUpdatesAreAllAcknowledgedAndKept() throws {
        let binary = try #require(ChorusBinary.url, "the chorus executable is built with the tests (ChorusCLITests depends on it)")
        let scratch = try Repo.scratch()
        defer { withExtendedLifetime(scratch) {} } // the folder lives until the test ends
        let store = scratch.path
        let open = Process()
        open.executableURL = binary
        open.arguments = ["open", "--from", Repo.path("examples/checkout-investigating.json"), "--store", store, "--as", "setup"]
        try open.run()
        open.waitUntilExit()
        #expect(open.terminationStatus == 0)

        let writers = 16, updates = 25
        var processes: [Process] = []
        for writer in 1...writers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // Every write must be acknowledged (exit 0); a refused one fails the writer.
            let script = """
            i=1
            while [ $i -le \(updates) ]; do
              "$0" update INC-2041 --workaround "writer \(writer) update $i" --next-update +30m --store "$1" --as "writer\(writer)" >/dev/null || exit 1
              i=$((i+1))
            done
            """
            process.arguments = ["-c", script, binary.path, store]
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: writers), "every write acknowledged")

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
        // Each writer's own updates landed in the order it made them.
        for writer in 1...writers {
            let mine = written.filter { $0.hasPrefix("writer \(writer) ") }
            #expect(mine == (1...updates).map { "writer \(writer) update \($0)" })
        }
    }
}
