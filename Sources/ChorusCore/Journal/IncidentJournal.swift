import ChorusSupport
import Foundation

/// A torn last line found in a journal and set aside.
public struct TornTail: Sendable, Equatable {
    /// Where the journal now ends (the torn bytes started here).
    public var offset: Int
    public var byteCount: Int
    /// The file the bytes were moved to.
    public var recoveryFile: String
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

    /// The current snapshot. Reads the checkpoint and only the journal lines written after it.
    /// A torn last line is set aside into `recovered.jsonl` (under the writers' lock) and
    /// reported in `torn`.
    public func snapshot() throws -> (snapshot: JournalSnapshot, torn: TornTail?) {
        do {
            let lock = try FileLock(path: lockPath, mode: .shared)
            let result = try load(repair: false)
            withExtendedLifetime(lock) {}
            if result.tornBytes == nil { return (result.snapshot, nil) }
        }
        // A torn tail: take the writers' lock, look again, and set it aside.
        let lock = try FileLock(path: lockPath, mode: .exclusive)
        let result = try load(repair: true)
        withExtendedLifetime(lock) {}
        return (result.snapshot, result.torn)
    }

    /// Every entry, in order (for `chorus log` and `chorus diff`).
    public func entries() throws -> [JournalEntry] {
        let lock = try FileLock(path: lockPath, mode: .shared)
        defer { withExtendedLifetime(lock) {} }
        guard let bytes = DurableFile.read(journalPath) else { return [] }
        return try parse(bytes, startingAt: 0, firstLine: 1).entries
    }

    // MARK: Writing

    /// Appends the entries `build` makes from the current snapshot, under the writers' lock.
    /// With `expectRevision`, refuses (writing nothing) unless the journal is still at that
    /// revision. Entries are synced to disk before this returns; the checkpoint follows.
    @discardableResult
    public func append(
        author: String, at date: Date, expectRevision: Int? = nil,
        _ build: (JournalSnapshot) throws -> [JournalEntry]
    ) throws -> (snapshot: JournalSnapshot, appended: [JournalEntry], torn: TornTail?) {
        guard !author.trimmingCharacters(in: .whitespaces).isEmpty else { throw JournalError.missingAuthor }
        try DurableFile.createFolder(folder)
        let lock = try FileLock(path: lockPath, mode: .exclusive)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try load(repair: true)
        var snapshot = loaded.snapshot
        if let last = snapshot.lastAt, date < last {
            throw JournalError.rejected("the time of this write (\(ISO8601.format(date))) is before the journal's last entry (\(ISO8601.format(last))); the journal is never backdated. Check --now, CHORUS_NOW or the clock")
        }
        if let expectRevision, expectRevision != snapshot.revision {
            throw JournalError.conflict(expected: expectRevision, actual: snapshot.revision, by: snapshot.revisionAuthor)
        }
        var entries = try build(snapshot)
        guard !entries.isEmpty else { return (snapshot, [], loaded.torn) }
        var bytes: [UInt8] = []
        let encoder = StateCoding.encoder(pretty: false)
        for index in entries.indices {
            entries[index].seq = snapshot.seq + 1
            entries[index].author = author
            entries[index].at = date
            if entries[index].kind == .revision { entries[index].revision = snapshot.revision + 1 }
            snapshot.apply(entries[index])
            bytes += Array(try encoder.encode(entries[index])) + [0x0A]
        }
        do {
            try DurableFile.append(bytes, to: journalPath)
        } catch {
            throw JournalError.io("\(error)")
        }
        snapshot.bytes += bytes.count
        // The checkpoint only saves work; if writing it fails, the next read catches up.
        try? writeCheckpoint(snapshot)
        return (snapshot, entries, loaded.torn)
    }

    // MARK: Internals

    struct Loaded {
        var snapshot: JournalSnapshot
        var tornBytes: Int?
        var torn: TornTail?
    }

    private func readCheckpoint() -> JournalSnapshot? {
        guard let bytes = DurableFile.read(checkpointPath),
              let snapshot = try? StateCoding.decoder().decode(JournalSnapshot.self, from: Data(bytes)),
              snapshot.layout == JournalSnapshot.layoutVersion, snapshot.incidentID == id else { return nil }
        return snapshot
    }

    /// Whether the journal's byte before `offset` ends a line (a checkpoint that points into the
    /// middle of a line belongs to another journal and is not trusted).
    private func endsAtLineBoundary(_ offset: Int) -> Bool {
        guard offset > 0 else { return true }
        guard let handle = FileHandle(forReadingAtPath: journalPath) else { return false }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset - 1))
            return try handle.read(upToCount: 1) == Data([0x0A])
        } catch {
            return false
        }
    }

    private func writeCheckpoint(_ snapshot: JournalSnapshot) throws {
        let data = try StateCoding.encoder(pretty: false).encode(snapshot)
        try DurableFile.replace(checkpointPath, with: Array(data))
    }

    private func load(repair: Bool) throws -> Loaded {
        let size = DurableFile.size(journalPath) ?? 0
        var snapshot = JournalSnapshot(incidentID: id)
        var start = 0
        var firstLine = 1
        if let checkpoint = readCheckpoint(), checkpoint.bytes <= size, endsAtLineBoundary(checkpoint.bytes) {
            snapshot = checkpoint
            start = checkpoint.bytes
            firstLine = checkpoint.seq + 1
        }
        guard start < size else { return Loaded(snapshot: snapshot) }
        guard let tail = DurableFile.read(journalPath, from: start) else {
            throw JournalError.io("cannot read \(journalPath)")
        }
        var parsed = try parse(tail, startingAt: snapshot.seq, firstLine: firstLine)
        for entry in parsed.entries { snapshot.apply(entry) }
        snapshot.bytes = start + parsed.goodBytes
        var torn: TornTail?
        if parsed.tornBytes > 0, repair {
            let tornBytes = Array(tail[parsed.goodBytes...])
            var record = Array("# torn tail set aside from journal.jsonl at byte \(snapshot.bytes), \(tornBytes.count) bytes, \(ISO8601.format(Date())):\n".utf8)
            record += tornBytes
            if tornBytes.last != 0x0A { record.append(0x0A) }
            do {
                try DurableFile.append(record, to: recoveryPath) // synced, folder too, before the cut
                try DurableFile.truncate(journalPath, to: snapshot.bytes)
            } catch {
                throw JournalError.io("\(error)")
            }
            torn = TornTail(offset: snapshot.bytes, byteCount: tornBytes.count, recoveryFile: recoveryPath)
            parsed.tornBytes = 0
            if !parsed.entries.isEmpty { try? writeCheckpoint(snapshot) }
        } else if !parsed.entries.isEmpty, repair {
            try? writeCheckpoint(snapshot)
        }
        return Loaded(snapshot: snapshot, tornBytes: parsed.tornBytes > 0 ? parsed.tornBytes : nil, torn: torn)
    }

    struct Parsed {
        var entries: [JournalEntry]
        /// Bytes of complete, valid lines.
        var goodBytes: Int
        /// Bytes after them: a torn last line.
        var tornBytes: Int
    }

    /// Parses JSON Lines. A last line without its newline, or a last line that does not decode,
    /// is a torn tail; any earlier line that does not decode is damage, reported, never repaired.
    private func parse(_ bytes: [UInt8], startingAt previousSeq: Int, firstLine: Int) throws -> Parsed {
        let decoder = StateCoding.decoder()
        var entries: [JournalEntry] = []
        var lineStart = 0
        var expectedSeq = previousSeq + 1
        var lineNumber = firstLine
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else {
                return Parsed(entries: entries, goodBytes: lineStart, tornBytes: bytes.count - lineStart)
            }
            let line = bytes[lineStart..<newline]
            let isLast = newline == bytes.count - 1
            do {
                let entry = try decoder.decode(JournalEntry.self, from: Data(line))
                guard entry.seq == expectedSeq else {
                    throw JournalError.damaged(path: journalPath, line: lineNumber, reason: "expected entry \(expectedSeq), found \(entry.seq)")
                }
                entries.append(entry)
            } catch let error as JournalError {
                throw error
            } catch {
                if isLast { return Parsed(entries: entries, goodBytes: lineStart, tornBytes: bytes.count - lineStart) }
                throw JournalError.damaged(path: journalPath, line: lineNumber, reason: "line does not decode as an entry")
            }
            expectedSeq += 1
            lineNumber += 1
            lineStart = newline + 1
        }
        return Parsed(entries: entries, goodBytes: bytes.count, tornBytes: 0)
    }
}
