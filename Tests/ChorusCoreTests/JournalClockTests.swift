import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Journal writes are dated under the writers' lock: never refused for ordering on the real
/// clock, never backdated or dated ahead on a replayed one.
@Suite("Journal: times taken under the lock")
struct JournalClockTests {
    static let opened = Date(timeIntervalSince1970: 1_795_597_380) // 2026-11-25T09:03:00Z
    /// The stores of this test, removed when it ends.
    let journals: JournalTests

    init() throws { journals = try JournalTests() }

    /// A journal with its first revision written at `opened` (replayed), in its own store.
    func journal() throws -> IncidentJournal {
        let journal = try journals.scratchStore().journal(for: "INC-2041")
        let state = try JournalTests.example()
        try journal.append(author: "tester", at: Self.opened) { _ in
            var entry = JournalEntry(seq: 0, at: Self.opened, author: "", kind: .revision)
            entry.state = state
            return [entry]
        }
        return journal
    }

    static func note(_ journal: IncidentJournal, _ clock: JournalClock) throws -> JournalEntry? {
        try journal.append(author: "writer", clock: clock) { _, _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }.appended.first
    }

    @Test func aRealClockSlightlyBehindTheLastEntryTakesItsTimeInsteadOfBeingRefused() throws {
        let journal = try journal()
        let behind = Self.opened.addingTimeInterval(-90)
        let entry = try #require(try Self.note(journal, .system { behind }))
        #expect(entry.at == Self.opened, "dated as the last entry, not before it")
        #expect(entry.clock == nil, "a real-clock entry is not marked")
        let later = Self.opened.addingTimeInterval(60)
        #expect(try Self.note(journal, .system { later })?.at == later)
    }

    @Test func aRealClockFarBehindTheLastEntryIsRefusedAndNamesTheClock() throws {
        let journal = try journal()
        do {
            _ = try Self.note(journal, .system { Self.opened.addingTimeInterval(-3600) })
            Issue.record("expected a refusal")
        } catch let error as JournalError {
            #expect(error.description.contains("ahead of this machine's clock"))
            #expect(error.description.contains("chorus verify"))
        }
        #expect(try journal.entries().count == 1)
    }

    @Test func aReplayedTimeIsMarkedAndNeverBackdatedNorAhead() throws {
        let journal = try journal()
        let entry = try #require(try Self.note(journal, .replay(Self.opened.addingTimeInterval(60))))
        #expect(entry.clock == "replay")
        #expect(try journal.entries().last?.clock == "replay", "the mark is written to the journal")
        #expect(throws: JournalError.self) { try Self.note(journal, .replay(Self.opened)) }
        let future = Date().addingTimeInterval(JournalClock.allowedSkew + 60)
        do {
            _ = try Self.note(journal, .replay(future))
            Issue.record("a time in the future was accepted")
        } catch let error as JournalError {
            #expect(error.description.contains("is in the future"))
        }
        #expect(try journal.entries().count == 2)
    }

    @Test func theBuilderGetsTheTimeOfTheWrite() throws {
        let journal = try journal()
        let now = Self.opened.addingTimeInterval(120)
        var seen: Date?
        try journal.append(author: "writer", clock: .system { now }) { _, at in
            seen = at
            return [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)]
        }
        #expect(seen == now)
    }
}
