import ChorusSupport
import Foundation

/// A torn last line found in a journal: the bytes after the last newline, left by a write that
/// was interrupted (power loss, `kill -9`). Only a last line *without* its newline is torn; a
/// complete line is never cut.
public struct TornTail: Sendable, Equatable {
    /// Where the journal now ends (the torn bytes start here).
    public var offset: Int
    public var byteCount: Int
    /// The file the bytes were moved to; nil when they could not be set aside (see `problem`).
    public var recoveryFile: String?
    /// Why the torn bytes were left in place (a read-only store, a full disk); the next write
    /// that can sets them aside. Nil when they were set aside.
    public var problem: String?
}

/// One incident's journal: `journal.jsonl` (append-only JSON Lines), `checkpoint.json` (the
/// snapshot, rebuilt when missing or behind), `lock`, and `recovered.jsonl` for torn tails.
public struct IncidentJournal: Sendable {
    public let id: String
    public let folder: URL

    var journalPath: String { folder.appendingPathComponent("journal.jsonl").path }
    var checkpointPath: String { folder.appendingPathComponent("checkpoint.json").path }
    var lockPath: String { folder.appendingPathComponent("lock").path }
    public var recoveryPath: String { folder.appendingPathComponent("recovered.jsonl").path }

    public var exists: Bool { FileManager.default.fileExists(atPath: journalPath) }

    // MARK: Reading

    /// The current snapshot. Reads the checkpoint and only the journal lines written after it,
    /// and saves the caught-up checkpoint when it can (so the next read starts from it). Works
    /// on a store this process may not write to. A torn last line is set aside into
    /// `recovered.jsonl` under the writers' lock when possible, and reported in `torn`.
    public func snapshot() throws -> (snapshot: JournalSnapshot, torn: TornTail?) {
        let first: Loaded
        do {
            let lock = try FileLock.forReading(path: lockPath)
            first = try load()
            if first.caughtUp > 0 { try? writeCheckpoint(first.snapshot) }
            withExtendedLifetime(lock) {}
        }
        guard let torn = first.torn else { return (first.snapshot, nil) }
        // A torn tail: take the writers' lock, look again, and set it aside.
        let lock: FileLock
        do {
            lock = try FileLock(path: lockPath, mode: .exclusive)
        } catch {
            return (first.snapshot, TornTail(offset: torn.offset, byteCount: torn.bytes.count, recoveryFile: nil, problem: "\(error)"))
        }
        defer { withExtendedLifetime(lock) {} }
        let loaded = try load()
        do {
            return (loaded.snapshot, try setAside(loaded))
        } catch {
            let tail = loaded.torn ?? torn
            return (loaded.snapshot, TornTail(offset: tail.offset, byteCount: tail.bytes.count, recoveryFile: nil, problem: "\(error)"))
        }
    }

    /// Every complete entry, in order (for `chorus log` and `chorus diff`). A torn last line is
    /// left out (`snapshot()` reports and sets it aside).
    public func entries() throws -> [JournalEntry] {
        let lock = try FileLock.forReading(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        guard let bytes = DurableFile.read(journalPath) else { return [] }
        return try parse(bytes, after: JournalSnapshot(incidentID: id)).entries
    }

    // MARK: Writing

    /// What an append wrote.
    public typealias AppendResult = (snapshot: JournalSnapshot, appended: [JournalEntry], torn: TornTail?)

    /// Appends the entries `build` makes from the current snapshot, under the writers' lock.
    /// `build` also gets the time of the write, read from `clock` once the lock is held, so a
    /// writer that waited for the lock is never "earlier" than the entry written meanwhile.
    /// With `expectRevision`, refuses (writing nothing) unless the journal is still at that
    /// revision. Entries are synced to disk before this returns; the checkpoint follows.
    @discardableResult
    public func append(
        author: String, clock: JournalClock, expectRevision: Int? = nil,
        _ build: (JournalSnapshot, Date) throws -> [JournalEntry]
    ) throws -> AppendResult {
        guard !author.trimmingCharacters(in: .whitespaces).isEmpty else { throw JournalError.missingAuthor }
        if let problem = AuthorName.problem(author) { throw JournalError.rejected(problem) }
        try DurableFile.createFolder(folder)
        let lock = try FileLock(path: lockPath, mode: .exclusive)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try load()
        let torn = try setAside(loaded)
        var snapshot = loaded.snapshot
        let date = try clock.timeOfWrite(after: snapshot.lastAt)
        if let expectRevision, expectRevision != snapshot.revision {
            throw JournalError.conflict(expected: expectRevision, actual: snapshot.revision, by: snapshot.revisionAuthor)
        }
        var entries = try build(snapshot, date)
        guard !entries.isEmpty else {
            if loaded.caughtUp > 0 { try? writeCheckpoint(snapshot) }
            return (snapshot, [], torn)
        }
        var bytes: [UInt8] = []
        let encoder = StateCoding.encoder(pretty: false)
        for index in entries.indices {
            entries[index].seq = snapshot.seq + 1
            entries[index].author = author
            entries[index].at = date
            entries[index].clock = clock.marker
            entries[index].prev = snapshot.lastHash ?? JournalRules.genesis(id)
            if entries[index].kind == .revision { entries[index].revision = snapshot.revision + 1 }
            snapshot.apply(entries[index])
            let line = Array(try encoder.encode(entries[index]))
            snapshot.lastHash = JournalRules.hash(ofLine: line[...])
            bytes += line + [0x0A]
        }
        do {
            try DurableFile.append(bytes, to: journalPath)
        } catch {
            throw JournalError.io("\(error)")
        }
        snapshot.bytes += bytes.count
        // The checkpoint only saves work; if writing it fails, the next read catches up.
        try? writeCheckpoint(snapshot)
        return (snapshot, entries, torn)
    }

    /// `append` at a fixed time: a replayed clock (tests, imports). Entries are marked as replayed.
    @discardableResult
    public func append(
        author: String, at date: Date, expectRevision: Int? = nil,
        _ build: (JournalSnapshot) throws -> [JournalEntry]
    ) throws -> AppendResult {
        try append(author: author, clock: .replay(date), expectRevision: expectRevision) { snapshot, _ in try build(snapshot) }
    }

    // MARK: Internals

    struct Loaded {
        var snapshot: JournalSnapshot
        /// A torn last line: where it starts and its bytes.
        var torn: (offset: Int, bytes: [UInt8])?
        /// How many entries were read after the checkpoint (0: the checkpoint was current).
        var caughtUp = 0
    }

    /// The checkpoint, when it can be trusted for a journal of `size` bytes: its numbers are in
    /// range (so nothing computed from them can overflow) and it ends at a line boundary. The
    /// line it ends at must still hash to the head it recorded: if not, that line was changed
    /// after it was written, and this throws rather than build on it.
    func readCheckpoint(journalSize size: Int) throws -> JournalSnapshot? {
        guard let bytes = DurableFile.read(checkpointPath),
              let snapshot = try? StateCoding.decoder().decode(JournalSnapshot.self, from: Data(bytes)),
              snapshot.layout == JournalSnapshot.layoutVersion, snapshot.incidentID == id,
              (0...size).contains(snapshot.bytes), (0...snapshot.bytes).contains(snapshot.seq),
              (0...snapshot.seq).contains(snapshot.revision), (snapshot.seq == 0) == (snapshot.lastHash == nil) else { return nil }
        if snapshot.bytes > 0 {
            guard let line = lastLine(endingAt: snapshot.bytes) else { return nil } // not at a line boundary
            guard JournalRules.hash(ofLine: line[...]) == snapshot.lastHash else {
                throw JournalError.damaged(path: journalPath, line: snapshot.seq, reason: "the line no longer matches the hash recorded when it was written (checkpoint.json): it was changed afterwards. Run chorus verify")
            }
        }
        if snapshot.bytes == size, let stamp = snapshot.journalStamp, stamp != DurableFile.stamp(journalPath) {
            return nil // changed behind chorus's back: rebuild, checking every line
        }
        return snapshot
    }

    /// The complete line that ends (with its newline) just before `offset`, or nil when the byte
    /// before `offset` is not a newline. Reads backwards in chunks: a line costs its own length.
    func lastLine(endingAt offset: Int) -> [UInt8]? {
        guard offset > 0, let handle = FileHandle(forReadingAtPath: journalPath) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset - 1))
            guard try handle.read(upToCount: 1) == Data([0x0A]) else { return nil }
            var chunks: [[UInt8]] = [] // last first
            var end = offset - 1
            while end > 0 {
                let start = max(0, end - 65_536)
                try handle.seek(toOffset: UInt64(start))
                let chunk = [UInt8](try handle.read(upToCount: end - start) ?? Data())
                guard chunk.count == end - start else { return nil }
                if let newline = chunk.lastIndex(of: 0x0A) {
                    chunks.append(Array(chunk[(newline + 1)...]))
                    break
                }
                chunks.append(chunk)
                end = start
            }
            return Array(chunks.reversed().joined())
        } catch {
            return nil
        }
    }

    private func writeCheckpoint(_ snapshot: JournalSnapshot) throws {
        var snapshot = snapshot
        snapshot.journalStamp = DurableFile.stamp(journalPath)
        let data = try StateCoding.encoder(pretty: false).encode(snapshot)
        // A cache: written after the entries it covers are synced, never itself synced.
        try DurableFile.replace(checkpointPath, with: Array(data), sync: false)
    }

    /// Reads the checkpoint and the lines after it. Changes nothing on disk.
    private func load() throws -> Loaded {
        let size = DurableFile.size(journalPath) ?? 0
        var snapshot = try readCheckpoint(journalSize: size) ?? JournalSnapshot(incidentID: id)
        snapshot.journalStamp = nil
        let start = snapshot.bytes
        guard start < size else { return Loaded(snapshot: snapshot) }
        guard let tail = DurableFile.read(journalPath, from: start) else {
            throw JournalError.io("cannot read \(journalPath)")
        }
        let parsed = try parse(tail, after: snapshot)
        snapshot = parsed.snapshot
        snapshot.bytes = start + parsed.goodBytes
        let torn = parsed.goodBytes < tail.count ? (offset: snapshot.bytes, bytes: Array(tail[parsed.goodBytes...])) : nil
        return Loaded(snapshot: snapshot, torn: torn, caughtUp: parsed.entries.count)
    }

    /// Moves a torn tail into `recovered.jsonl` (synced first) and cuts it off the journal.
    /// Only ever called under the writers' lock, on a tail `load` found incomplete.
    private func setAside(_ loaded: Loaded) throws -> TornTail? {
        guard let (offset, tornBytes) = loaded.torn else {
            if loaded.caughtUp > 0 { try? writeCheckpoint(loaded.snapshot) }
            return nil
        }
        var record = Array("# torn tail set aside from journal.jsonl at byte \(offset), \(tornBytes.count) bytes, \(ISO8601.format(Date())):\n".utf8)
        record += tornBytes
        record.append(0x0A)
        do {
            try DurableFile.append(record, to: recoveryPath) // synced, folder too, before the cut
            try DurableFile.truncate(journalPath, to: offset)
        } catch {
            throw JournalError.io("\(error)")
        }
        try? writeCheckpoint(loaded.snapshot)
        return TornTail(offset: offset, byteCount: tornBytes.count, recoveryFile: recoveryPath, problem: nil)
    }

    struct Parsed {
        var entries: [JournalEntry]
        /// `previous` with the entries applied.
        var snapshot: JournalSnapshot
        /// Bytes of complete, valid lines; anything after them is a torn last line.
        var goodBytes: Int
    }

    /// Parses JSON Lines that follow `previous`. Only a last line without its newline is torn;
    /// a complete line that does not decode, or breaks the journal's order (sequence numbers,
    /// contiguous revisions), stops here with its line number: nothing complete is ever cut.
    private func parse(_ bytes: [UInt8], after previous: JournalSnapshot) throws -> Parsed {
        let decoder = StateCoding.decoder()
        var entries: [JournalEntry] = []
        var current = previous
        var lineStart = 0
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else {
                return Parsed(entries: entries, snapshot: current, goodBytes: lineStart)
            }
            let lineNumber = current.seq + 1
            let line = bytes[lineStart..<newline]
            let entry: JournalEntry
            do {
                entry = try decoder.decode(JournalEntry.self, from: Data(line))
            } catch {
                throw JournalError.unreadable(path: journalPath, line: lineNumber, reason: JournalRules.whyUndecodable(line, error))
            }
            if let broken = JournalRules.orderProblem(entry, after: current) ?? JournalRules.chainProblem(entry, after: current) {
                throw JournalError.damaged(path: journalPath, line: lineNumber, reason: broken)
            }
            current.apply(entry)
            current.lastHash = JournalRules.hash(ofLine: line)
            entries.append(entry)
            lineStart = newline + 1
        }
        return Parsed(entries: entries, snapshot: current, goodBytes: bytes.count)
    }
}
