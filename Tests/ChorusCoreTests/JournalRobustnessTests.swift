import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Reads that keep working (a stale checkpoint, a tail that cannot be set aside) and numbers
/// from files that can never make the journal trap.
@Suite("Journal: robust reads, range-checked numbers")
struct JournalRobustnessTests {
    /// The stores of this test, removed when it ends.
    let journals: JournalTests

    init() throws { journals = try JournalTests() }

    static func path(_ journal: IncidentJournal, _ name: String) -> URL { journal.folder.appendingPathComponent(name) }

    static func appendRaw(_ text: String, to journal: IncidentJournal) throws {
        let handle = try FileHandle(forWritingTo: path(journal, "journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    static func lines(_ journal: IncidentJournal) throws -> [String] {
        try String(contentsOf: path(journal, "journal.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aReadSavesTheCheckpointItRebuilt() throws {
        let journal = try journals.journal(revisions: 3)
        let checkpoint = Self.path(journal, "checkpoint.json")
        try FileManager.default.removeItem(at: checkpoint)
        let snapshot = try journal.snapshot().snapshot
        #expect(FileManager.default.fileExists(atPath: checkpoint.path), "the read saved the checkpoint it rebuilt")
        var saved = try StateCoding.decoder().decode(JournalSnapshot.self, from: Data(contentsOf: checkpoint))
        #expect(saved.journalStamp != nil, "the checkpoint records the journal it was saved for")
        saved.journalStamp = nil
        #expect(saved == snapshot)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: journal.folder.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left behind")
    }

    /// A full disk or a read-only store: the torn tail cannot be set aside, yet the read works,
    /// says so, and changes nothing.
    @Test func aTornTailThatCannotBeSetAsideStillReads() throws {
        let journal = try journals.journal(revisions: 2)
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: journal.recoveryPath), withIntermediateDirectories: true)
        try Self.appendRaw("{\"seq\":3,\"kind\":\"rev", to: journal)
        let before = try Data(contentsOf: Self.path(journal, "journal.jsonl"))
        let (snapshot, torn) = try journal.snapshot()
        #expect(snapshot.revision == 2)
        let report = try #require(torn)
        #expect(report.recoveryFile == nil)
        #expect(report.problem != nil)
        #expect(report.byteCount == 20)
        #expect(try Data(contentsOf: Self.path(journal, "journal.jsonl")) == before, "nothing was cut")
        #expect(try journal.entries().count == 2, "log reads the complete entries")
    }

    @Test(arguments: [
        "{\"layout\":2,\"incidentID\":\"INC-2041\",\"seq\":9223372036854775807,\"bytes\":0,\"revision\":0,\"approvals\":{},\"publications\":{}}",
        "{\"layout\":2,\"incidentID\":\"INC-2041\",\"seq\":1,\"bytes\":9223372036854775807,\"revision\":9223372036854775807,\"approvals\":{},\"publications\":{}}",
        "{\"layout\":2,\"incidentID\":\"INC-2041\",\"seq\":-5,\"bytes\":0,\"revision\":-9223372036854775808,\"approvals\":{},\"publications\":{}}",
    ])
    func aCheckpointWithNumbersOutOfRangeIsRebuiltNotTrusted(checkpoint: String) throws {
        let journal = try journals.journal(revisions: 2)
        try Data(checkpoint.utf8).write(to: Self.path(journal, "checkpoint.json"))
        #expect(try journal.snapshot().snapshot.revision == 2)
        try journal.append(author: "next", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
        #expect(try journal.entries().map(\.seq) == [1, 2, 3])
    }

    /// Revision and sequence numbers are checked line by line: Int.max, a repeat or a gap is
    /// reported with its line, never trusted, never a trap.
    @Test(arguments: [
        ("\"revision\":2", "\"revision\":9223372036854775807", "expected revision 2"),
        ("\"revision\":2", "\"revision\":1", "expected revision 2"),
        ("\"seq\":2", "\"seq\":9223372036854775807", "expected entry 2"),
        ("\"seq\":2", "\"seq\":3", "expected entry 2"),
    ])
    func numbersThatBreakTheOrderAreReportedWithTheirLine(find: String, replace: String, reason: String) throws {
        let journal = try journals.journal(revisions: 1)
        let first = try #require(try Self.lines(journal).first)
        let forged = first.replacingOccurrences(of: "\"revision\":1", with: "\"revision\":2").replacingOccurrences(of: "\"seq\":1", with: "\"seq\":2")
        try Self.appendRaw(forged.replacingOccurrences(of: find, with: replace) + "\n", to: journal)
        for attempt in 0..<2 {
            do {
                if attempt == 0 { _ = try journal.snapshot() } else {
                    try journal.append(author: "next", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
                }
                Issue.record("the forged line was accepted")
            } catch let error as JournalError {
                #expect(error.description.contains("journal.jsonl:2:"), "\(error)")
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }
}
