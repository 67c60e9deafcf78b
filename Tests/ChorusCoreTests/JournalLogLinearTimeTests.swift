import ChorusCore
import ChorusSupport
import ChorusTestSupport
import Foundation
import Testing

/// `chorus log` and `chorus diff` read a journal in one pass without decoding its states.
@Suite("Linear time: log and diff")
struct JournalLogLinearTimeTests {
    let journals: JournalTests

    init() throws { journals = try JournalTests() }

    /// A journal of `count` revisions written straight to disk (a valid chain, no fsync per
    /// line), each carrying `state` as its state's JSON.
    func journal(revisions count: Int, state stateJSON: String? = nil) throws -> IncidentJournal {
        let journal = try journals.scratchStore().journal(for: "INC-2041")
        try FileManager.default.createDirectory(at: journal.folder, withIntermediateDirectories: true)
        let base = try JournalTests.example()
        let encoder = StateCoding.encoder(pretty: false)
        var previous = SHA256.hex("chorus-journal:INC-2041")
        var bytes: [UInt8] = []
        for number in 1...count {
            var entry = JournalEntry(seq: number, at: base.lastUpdatedAt, author: "tester", kind: .revision)
            entry.revision = number
            entry.prev = previous
            entry.summary = "update \(number)"
            entry.changed = ["$.workaround"]
            var line: [UInt8]
            if let stateJSON {
                entry.state = nil
                line = Array(try encoder.encode(entry))
                line.removeLast() // "}"
                line += Array(",\"state\":\(stateJSON)}".utf8)
            } else {
                var state = base
                state.workaround = "Workaround \(number)"
                entry.state = state
                line = Array(try encoder.encode(entry))
            }
            previous = SHA256.hex(line)
            bytes += line + [0x0A]
        }
        try Data(bytes).write(to: journal.folder.appendingPathComponent("journal.jsonl"))
        return journal
    }

    /// The states are skipped, not decoded: a line whose state could not even be decoded still
    /// gives its header to `log`.
    @Test func logReadsHeadersWithoutDecodingStates() throws {
        let journal = try journal(revisions: 3, state: "{\"not\":[\"a\",\"state\",{\"}\":\"]\"}]}")
        #expect(throws: (any Error).self) { try journal.entries() }
        let headers = try journal.entryHeaders()
        #expect(headers.map(\.seq) == [1, 2, 3])
        #expect(headers.map(\.summary) == ["update 1", "update 2", "update 3"])
        #expect(headers.allSatisfy { $0.state == nil && $0.author == "tester" && $0.changed == ["$.workaround"] })
    }

    @Test func diffDecodesOnlyTheTwoRevisionsItCompares() throws {
        let journal = try journal(revisions: 50)
        let (states, latest) = try journal.states(ofRevisions: [3, 50])
        #expect(latest == 50)
        #expect(states.keys.sorted() == [3, 50])
        #expect(states[3]?.workaround == "Workaround 3")
        #expect(states[50]?.workaround == "Workaround 50")
    }

    @Test func logCostGrowsInProportionToTheJournal() throws {
        let small = try journal(revisions: 250), large = try journal(revisions: 1_000)
        var counts: [Int] = []
        let (smallTime, largeTime, ratio) = try GrowthRatio.measure(small: { counts.append(try small.entryHeaders().count) },
                                                                    large: { counts.append(try large.entryHeaders().count) })
        #expect(counts == [250, 1_000, 250, 1_000, 250, 1_000])
        print("log headers: 250 revisions \(smallTime) s, 1,000 revisions \(largeTime) s, ×\(ratio)")
        #expect(ratio < 9, "×4 the revisions cost ×\(ratio)")
    }
}
