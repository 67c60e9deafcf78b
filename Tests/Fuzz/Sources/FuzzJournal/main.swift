import ChorusCore
import ChorusSupport
import Foundation
import FuzzSupport

/// The journal reader: the input is a journal file, optionally followed by a line
/// "#checkpoint" and a checkpoint file. Every read (snapshot, entries, log headers, diff,
/// verify) gives an answer or a JournalError, never a crash (a revision or checkpoint seq of
/// Int.max trapped). The files are rewritten for every input, in a folder of this process.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let marker = Array("\n#checkpoint\n".utf8)
    var journalBytes = bytes, checkpointBytes: [UInt8]?
    if let cut = (0..<max(0, bytes.count - marker.count + 1)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }) {
        journalBytes = Array(bytes[..<(cut + 1)])
        checkpointBytes = Array(bytes[(cut + marker.count)...])
    }
    let store = JournalStore(root: Repository.scratch)
    guard let journal = try? store.journal(for: "INC-1") else { return 0 }
    try? FileManager.default.removeItem(at: journal.folder)
    try? FileManager.default.createDirectory(at: journal.folder, withIntermediateDirectories: true)
    try? Data(journalBytes).write(to: journal.folder.appendingPathComponent("journal.jsonl"))
    if let checkpointBytes { try? Data(checkpointBytes).write(to: journal.folder.appendingPathComponent("checkpoint.json")) }
    _ = try? journal.snapshot()
    _ = try? journal.entries()
    _ = try? journal.entryHeaders(texts: true)
    _ = try? journal.states(ofRevisions: [1, 2])
    _ = try? journal.verify()
    _ = try? journal.append(author: "fuzz", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
    return 0
}
