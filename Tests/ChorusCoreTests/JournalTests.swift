import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Journal: append-only, checkpointed, crash-safe")
struct JournalTests {
    /// Every store a test makes lives in this folder, removed when the test ends.
    let scratch: ScratchFolder

    init() throws { scratch = try ScratchFolder(prefix: "chorus-journal") }

    func scratchStore() throws -> JournalStore {
        let url = scratch.url.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return JournalStore(root: url)
    }

    static func example() throws -> IncidentState {
        try StateDocument.load(Repository.text(Repository.examples.appendingPathComponent("checkout-investigating.json"))).state
    }

    /// Writes `count` revisions, each changing the workaround, and returns the journal.
    func journal(revisions count: Int) throws -> IncidentJournal {
        let journal = try scratchStore().journal(for: "INC-2041")
        var state = try Self.example()
        for index in 1...count {
            state.workaround = "Workaround \(index)"
            let revised = state
            try journal.append(author: "tester", at: state.lastUpdatedAt) { _ in
                var entry = JournalEntry(seq: 0, at: Date(), author: "", kind: .revision)
                entry.state = revised
                entry.changed = ["$.workaround"]
                return [entry]
            }
        }
        return journal
    }

    @Test func appendsNumberRevisionsAndReadsBackTheLatest() throws {
        let journal = try self.journal(revisions: 3)
        let (snapshot, torn) = try journal.snapshot()
        #expect(torn == nil)
        #expect(snapshot.revision == 3)
        #expect(snapshot.seq == 3)
        #expect(snapshot.state?.workaround == "Workaround 3")
        let entries = try journal.entries()
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries.map(\.author) == ["tester", "tester", "tester"])
        #expect(entries.allSatisfy { $0.kind == .revision })
    }

    @Test func theCheckpointIsRebuiltWhenMissingOrBehind() throws {
        let journal = try self.journal(revisions: 4)
        let checkpoint = journal.folder.appendingPathComponent("checkpoint.json")
        let withCheckpoint = try journal.snapshot().snapshot
        try FileManager.default.removeItem(at: checkpoint)
        #expect(try journal.snapshot().snapshot == withCheckpoint)
        // A checkpoint that claims more than the journal holds is ignored, not trusted.
        try Data("{\"layout\":1,\"incidentID\":\"INC-2041\",\"seq\":99,\"bytes\":999999999,\"revision\":99,\"approvals\":{},\"publications\":{}}".utf8).write(to: checkpoint)
        #expect(try journal.snapshot().snapshot.revision == 4)
        // Garbage in the checkpoint is also ignored.
        try Data("not json".utf8).write(to: checkpoint)
        #expect(try journal.snapshot().snapshot.state?.workaround == "Workaround 4")
    }

    @Test func anExpectedRevisionThatMovedOnIsAConflictAndWritesNothing() throws {
        let journal = try self.journal(revisions: 2)
        let before = try Data(contentsOf: journal.folder.appendingPathComponent("journal.jsonl"))
        #expect(throws: JournalError.conflict(expected: 1, actual: 2, by: "tester")) {
            try journal.append(author: "late", at: Date(), expectRevision: 1) { _ in
                [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)]
            }
        }
        #expect(try Data(contentsOf: journal.folder.appendingPathComponent("journal.jsonl")) == before)
    }

    @Test func aWriteWithoutAnAuthorIsRefused() throws {
        let journal = try self.journal(revisions: 1)
        #expect(throws: JournalError.missingAuthor) {
            try journal.append(author: "  ", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
        }
    }

    /// kill -9 or power loss mid-append leaves a prefix of the last line. At every byte offset of
    /// a real entry: the earlier entries survive, the torn bytes are reported and preserved in
    /// the recovery file, and the journal is cut back to its last complete line.
    @Test func aTornLastLineAtEveryByteOffsetIsSetAsideAndEarlierEntriesSurvive() throws {
        let source = try self.journal(revisions: 3)
        let full = try Data(contentsOf: source.folder.appendingPathComponent("journal.jsonl"))
        let bytes = [UInt8](full)
        let lastLineStart = (bytes.dropLast().lastIndex(of: 0x0A) ?? -1) + 1
        let intact = Array(bytes[..<lastLineStart])
        #expect(bytes.count - lastLineStart > 1000, "a realistic entry with a full state")
        for cut in lastLineStart..<(bytes.count - 1) {
            let journal = try scratchStore().journal(for: "INC-2041")
            try FileManager.default.createDirectory(at: journal.folder, withIntermediateDirectories: true)
            let path = journal.folder.appendingPathComponent("journal.jsonl")
            try Data(bytes[..<cut]).write(to: path)
            let (snapshot, torn) = try journal.snapshot()
            #expect(snapshot.revision == 2, "cut at \(cut)")
            #expect(snapshot.state?.workaround == "Workaround 2")
            #expect(try Data(contentsOf: path) == Data(intact), "cut at \(cut): the journal ends at its last complete line")
            if cut == lastLineStart {
                #expect(torn == nil)
                continue
            }
            let report = try #require(torn, "cut at \(cut)")
            #expect(report.offset == lastLineStart)
            #expect(report.byteCount == cut - lastLineStart)
            let recovered = try Data(contentsOf: URL(fileURLWithPath: try #require(report.recoveryFile)))
            #expect(recovered.range(of: Data(bytes[lastLineStart..<cut])) != nil, "cut at \(cut): the torn bytes are kept")
            // The next append continues the sequence after the surviving entries.
            try journal.append(author: "next", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
            #expect(try journal.entries().map(\.seq) == [1, 2, 3])
            if cut > lastLineStart + 200 { break } // the remaining offsets are covered below without the append
        }
        // Every remaining offset up to the line's end (without its newline): same guarantees.
        for cut in stride(from: lastLineStart + 201, to: bytes.count, by: 1) {
            let journal = try scratchStore().journal(for: "INC-2041")
            try FileManager.default.createDirectory(at: journal.folder, withIntermediateDirectories: true)
            let path = journal.folder.appendingPathComponent("journal.jsonl")
            try Data(bytes[..<cut]).write(to: path)
            let (snapshot, torn) = try journal.snapshot()
            #expect(snapshot.revision == 2, "cut at \(cut)")
            #expect(torn?.byteCount == cut - lastLineStart, "cut at \(cut)")
            #expect(try Data(contentsOf: path) == Data(intact))
        }
    }

    @Test func damageBeforeTheLastLineIsReportedAndNothingIsTouched() throws {
        let journal = try self.journal(revisions: 3)
        let path = journal.folder.appendingPathComponent("journal.jsonl")
        try? FileManager.default.removeItem(at: journal.folder.appendingPathComponent("checkpoint.json"))
        var bytes = [UInt8](try Data(contentsOf: path))
        let firstNewline = try #require(bytes.firstIndex(of: 0x0A))
        bytes[firstNewline + 5] = UInt8(ascii: "#")
        try Data(bytes).write(to: path)
        #expect(throws: JournalError.self) { try journal.snapshot() }
        do { _ = try journal.snapshot() } catch let error as JournalError {
            #expect(error.description.contains("journal.jsonl:2: this entry was written by a newer version of chorus (or is damaged)"))
        }
        #expect([UInt8](try Data(contentsOf: path)) == bytes)
    }

    @Test func incidentIDsAreSafeFolderNames() throws {
        let store = try scratchStore()
        for bad in ["../etc", "a/b", "", ".hidden", "x y"] {
            #expect(throws: JournalError.invalidID(bad)) { try store.journal(for: bad) }
        }
        #expect(throws: Never.self) { try store.journal(for: "INC-2041.1") }
    }

    @Test func aMissingIncidentSuggestsTheNearest() throws {
        let journal = try self.journal(revisions: 1)
        let store = JournalStore(root: journal.folder.deletingLastPathComponent().deletingLastPathComponent())
        #expect(throws: JournalError.noSuchIncident(id: "INC-2014", known: ["INC-2041"], suggestion: "INC-2041")) {
            try store.existingJournal(for: "INC-2014")
        }
    }

    @Test func aCheckpointBehindTheJournalCatchesUpFromTheLinesAfterIt() throws {
        let journal = try self.journal(revisions: 2)
        let checkpoint = journal.folder.appendingPathComponent("checkpoint.json")
        let old = try Data(contentsOf: checkpoint)
        var state = try Self.example()
        state.workaround = "Written after the checkpoint"
        let revised = state
        try journal.append(author: "tester", at: state.lastUpdatedAt) { _ in
            var entry = JournalEntry(seq: 0, at: Date(), author: "", kind: .revision)
            entry.state = revised
            return [entry]
        }
        try old.write(to: checkpoint) // as if the writer died between the append and the checkpoint
        let snapshot = try journal.snapshot().snapshot
        #expect(snapshot.revision == 3)
        #expect(snapshot.state?.workaround == "Written after the checkpoint")
    }

    @Test func aTornTailIsFoundWithACheckpointPresentAndBeforeTheNextAppend() throws {
        let journal = try self.journal(revisions: 2)
        let path = journal.folder.appendingPathComponent("journal.jsonl")
        let intact = try Data(contentsOf: path)
        let handle = try FileHandle(forWritingTo: path)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":3,\"kind\":\"revi".utf8))
        try handle.close()
        // The next write meets the torn tail itself: it is set aside, and the write follows on.
        let result = try journal.append(author: "next", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
        #expect(result.torn?.byteCount == 21)
        #expect(result.appended.first?.seq == 3)
        let after = try Data(contentsOf: path)
        #expect(after.prefix(intact.count) == intact, "earlier entries untouched")
        #expect(try journal.entries().map(\.seq) == [1, 2, 3])
        #expect(try String(contentsOf: URL(fileURLWithPath: journal.recoveryPath), encoding: .utf8).contains("{\"seq\":3,\"kind\":\"revi"))
    }

    /// A complete last line is never a torn tail, even when this version cannot decode it (an
    /// entry kind written by a newer version): reads and writes stop with its line, and the
    /// journal is left exactly as it is.
    @Test func aCompleteLastLineThatDoesNotDecodeStopsEverythingAndIsNeverCut() throws {
        let journal = try self.journal(revisions: 2)
        let path = journal.folder.appendingPathComponent("journal.jsonl")
        let handle = try FileHandle(forWritingTo: path)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":3,\"kind\":\"redaction\",\"at\":\"2026-11-24T09:10:00Z\",\"author\":\"x\"}\n".utf8))
        try handle.close()
        let before = try Data(contentsOf: path)
        for attempt in ["read", "write"] {
            do {
                if attempt == "read" {
                    _ = try journal.snapshot()
                } else {
                    try journal.append(author: "next", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
                }
                Issue.record("the \(attempt) should have been refused")
            } catch let error as JournalError {
                #expect(error.description.contains("journal.jsonl:3: this entry was written by a newer version of chorus (or is damaged)"), "\(error)")
                #expect(error.description.contains("unknown entry kind \"redaction\""), "\(error)")
            }
            #expect(try Data(contentsOf: path) == before, "\(attempt): the journal is untouched")
        }
        #expect(!FileManager.default.fileExists(atPath: journal.recoveryPath), "nothing was set aside")
    }
}
