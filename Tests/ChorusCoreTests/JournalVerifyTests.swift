import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// `verify` finds every kind of tampering with its line; reads refuse what breaks the chain.
@Suite("Journal: a tamper-evident record")
struct JournalVerifyTests {
    let journals: JournalTests

    init() throws { journals = try JournalTests() }

    /// Three revisions, an approval of the third and a note, on a replayed clock.
    func journal() throws -> IncidentJournal {
        let journal = try journals.journal(revisions: 3)
        let state = try #require(try journal.snapshot().snapshot.state)
        try journal.append(author: "Dana Kim", at: state.lastUpdatedAt.addingTimeInterval(60)) { snapshot in
            var approval = JournalEntry(seq: 0, at: Date(), author: "", kind: .approval)
            approval.audience = "customer"
            approval.revision = snapshot.revision
            approval.text = "We are looking into it."
            approval.sha256 = SHA256.hex("We are looking into it.")
            var note = JournalEntry(seq: 0, at: Date(), author: "", kind: .note)
            note.note = "Called the provider."
            return [approval, note]
        }
        return journal
    }

    static func path(_ journal: IncidentJournal) -> URL { journal.folder.appendingPathComponent("journal.jsonl") }

    static func lines(_ journal: IncidentJournal) throws -> [String] {
        try String(contentsOf: path(journal), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func write(_ lines: [String], to journal: IncidentJournal) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: path(journal))
    }

    /// What a careful forger does: change line `index` (0-based) with `edit`, then recompute
    /// every hash link after it, and delete the checkpoint.
    static func forge(_ journal: IncidentJournal, line index: Int, _ edit: (inout [String: Any]) -> Void) throws {
        var lines = try lines(journal)
        for i in index..<lines.count {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[i].utf8)) as? [String: Any])
            if i == index { edit(&object) }
            if i > 0 { object["prev"] = SHA256.hex(lines[i - 1]) }
            lines[i] = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try write(lines, to: journal)
        try? FileManager.default.removeItem(at: journal.folder.appendingPathComponent("checkpoint.json"))
    }

    func expectProblem(_ journal: IncidentJournal, line: Int, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try journal.verify()
        #expect(!report.isIntact, sourceLocation: sourceLocation)
        #expect(report.problems.contains { $0.line == line && $0.message.contains(fragment) },
                "expected line \(line): …\(fragment)…; found \(report.problems)", sourceLocation: sourceLocation)
    }

    @Test func anIntactJournalVerifiesAndNamesItsHead() throws {
        let journal = try journal()
        let report = try journal.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.entries == 5)
        #expect(report.revisions == 3)
        #expect(report.replayed == 5)
        #expect(report.head == SHA256.hex(try #require(try Self.lines(journal).last)))
        #expect(report.checkpoint == "agrees with the last line")
        #expect(try journal.entries().allSatisfy { $0.prev?.count == 64 }, "every entry carries its link")
    }

    @Test func anEditedLineInTheMiddleIsFoundAtTheNextLineByVerifyAndByReads() throws {
        let journal = try journal()
        var lines = try Self.lines(journal)
        lines[1] = lines[1].replacingOccurrences(of: "Workaround 2", with: "Workaround 9")
        try Self.write(lines, to: journal)
        try expectProblem(journal, line: 3, "line 2 was changed after this one was written")
        // The checkpoint covers the edited line, but the journal changed behind chorus's back:
        // reads check the whole chain again instead of trusting it.
        do {
            _ = try journal.snapshot()
            Issue.record("a read trusted an edited journal")
        } catch let error as JournalError {
            #expect(error.description.contains("journal.jsonl:3:"), "\(error)")
        }
    }

    @Test func anEditedLastLineIsFoundAgainstTheCheckpoint() throws {
        let journal = try journal()
        var lines = try Self.lines(journal)
        lines[4] = lines[4].replacingOccurrences(of: "Called the provider.", with: "Called the provider!")
        try Self.write(lines, to: journal)
        try expectProblem(journal, line: 5, "does not match the hash recorded when it was written")
        #expect(throws: JournalError.self) { try journal.snapshot() }
    }

    @Test func aDuplicatedLineIsFound() throws {
        let journal = try journal()
        let lines = try Self.lines(journal)
        try Self.write(lines + [lines[1]], to: journal)
        try expectProblem(journal, line: 6, "expected entry 6, found 2")
        try expectProblem(journal, line: 6, "does not follow line 5")
    }

    @Test func reorderedLinesAreFound() throws {
        let journal = try journal()
        var lines = try Self.lines(journal)
        lines.swapAt(1, 2)
        try Self.write(lines, to: journal)
        try expectProblem(journal, line: 2, "expected entry 2, found 3")
    }

    @Test func aRemovedLineIsFound() throws {
        let journal = try journal()
        var lines = try Self.lines(journal)
        lines.remove(at: 1)
        try Self.write(lines, to: journal)
        try expectProblem(journal, line: 2, "expected entry 2, found 3")
    }

    /// A hand-appended revision that reuses revision 1 would make an old approval look current.
    @Test func aReusedRevisionNumberIsFoundEvenWithTheChainRecomputed() throws {
        let journal = try journal()
        var lines = try Self.lines(journal)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        object["seq"] = 6
        object["prev"] = SHA256.hex(lines[4])
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        try Self.write(lines, to: journal)
        try expectProblem(journal, line: 6, "expected revision 4, found 1")
        #expect(throws: JournalError.self) { try journal.snapshot() }
    }

    @Test func aForgedAuthorIsFoundWithItsLine() throws {
        let journal = try journal()
        try Self.forge(journal, line: 4) { $0["author"] = "Eve\n#9  2026-11-24T09:20:00Z  Dana Kim  approved customer" }
        try expectProblem(journal, line: 5, "forged or damaged author")
        try Self.forge(journal, line: 3) { $0["author"] = "Dana\u{202E}miK" }
        try expectProblem(journal, line: 4, "U+202E")
        try Self.forge(journal, line: 2) { $0["author"] = "Dana\u{2060}Kim" }
        try expectProblem(journal, line: 3, "U+2060")
    }

    @Test func anApprovedTextChangedAfterwardsIsFound() throws {
        let journal = try journal()
        try Self.forge(journal, line: 3) { $0["text"] = "All fixed, no action needed." }
        try expectProblem(journal, line: 4, "the approved text does not match its SHA-256")
    }

    @Test func anEntryDatedInTheFutureIsFound() throws {
        let journal = try journal()
        try Self.forge(journal, line: 4) { $0["at"] = "2099-01-01T00:00:00Z" }
        try expectProblem(journal, line: 5, "in the future")
    }

    @Test func anUndecodableLineIsFoundAndVerifyCarriesOn() throws {
        let journal = try journal()
        var lines = try Self.lines(journal)
        lines[1] = "{\"seq\":2,\"kind\":\"redaction\"}"
        try Self.write(lines, to: journal)
        try expectProblem(journal, line: 2, "written by a newer version of chorus (or damaged): unknown entry kind \"redaction\"")
        try expectProblem(journal, line: 3, "line 2 was changed")
        #expect(try journal.verify().problems.count == 2, "one problem each, no cascade")
    }

    @Test func aJournalCopiedFromAnotherIncidentDoesNotVerify() throws {
        let journal = try journal()
        let other = try journals.scratchStore().journal(for: "INC-9999")
        try FileManager.default.createDirectory(at: other.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.path(journal), to: Self.path(other))
        try expectProblem(other, line: 1, "does not start from this incident (INC-9999)")
    }

    @Test func authorsWithControlBidiOrInvisibleCharactersAreRefusedOnWrite() throws {
        let journal = try journal()
        for name in ["Eve\nDana Kim approved customer", "Dana\u{202E}", "Dana\u{2060}Kim", "Tab\there", "\u{FEFF}Dana", " Dana"] {
            do {
                try journal.append(author: name, at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
                Issue.record("\(name.debugDescription) was accepted")
            } catch let error as JournalError {
                #expect(error.description.contains("the author name"), "\(error)")
            }
        }
        #expect(try journal.entries().count == 5)
        #expect(AuthorName.problem("Zoë O'Brien-Łukasiewicz 김민준") == nil, "ordinary names in any script are fine")
    }
}
