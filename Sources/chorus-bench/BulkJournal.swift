import ChorusCore
import ChorusSupport
import Foundation

/// Journals written in bulk for benchmarks: `revisions` revisions of a state, each changing its
/// workaround, with a valid hash chain, straight to disk (no lock, no fsync per line).
enum BulkJournal {
    static func write(revisions: Int, of example: IncidentState, store folder: URL) throws -> IncidentJournal {
        let journal = try JournalStore(root: folder).journal(for: example.id)
        try FileManager.default.createDirectory(at: journal.folder, withIntermediateDirectories: true)
        let encoder = StateCoding.encoder(pretty: false)
        var data = Data()
        var state = example
        var previous = SHA256.hex("chorus-journal:\(example.id)")
        for number in 1...revisions {
            state.workaround = "Workaround \(number)"
            var entry = JournalEntry(seq: number, at: example.lastUpdatedAt, author: "bench", kind: .revision)
            entry.revision = number
            entry.prev = previous
            entry.state = state
            entry.changed = ["$.workaround"]
            entry.summary = "update --workaround"
            let line = try encoder.encode(entry)
            previous = SHA256.hex([UInt8](line))
            data += line + Data([0x0A])
        }
        try data.write(to: journal.folder.appendingPathComponent("journal.jsonl"))
        return journal
    }
}
