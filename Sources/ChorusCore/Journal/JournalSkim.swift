import ChorusSupport
import Foundation

/// Reads journal lines without decoding their heavy members: the full state of a revision and
/// the rendered source of an approval are skipped byte by byte, never built. What `chorus log`
/// and `chorus diff` need from 100,000 revisions costs one pass over the bytes, not 100,000
/// state decodes.
enum JournalSkim {
    struct Member {
        var key: Range<Int>
        var value: Range<Int>
    }

    /// The top-level members of the JSON object in `bytes[range]`, as byte ranges; nil when it
    /// is not a well-formed object at the top level (the caller then decodes the line fully).
    static func members(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Member]? {
        var scanner = Scanner(bytes: bytes, index: range.lowerBound, end: range.upperBound)
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var members: [Member] = []
        scanner.skipSpace()
        if scanner.take(UInt8(ascii: "}")) { return members }
        while true {
            scanner.skipSpace()
            let keyStart = scanner.index + 1
            guard scanner.peek == UInt8(ascii: "\""), scanner.skipString() else { return nil }
            let key = keyStart..<(scanner.index - 1)
            scanner.skipSpace()
            guard scanner.take(UInt8(ascii: ":")) else { return nil }
            scanner.skipSpace()
            let valueStart = scanner.index
            guard scanner.skipValue() else { return nil }
            members.append(Member(key: key, value: valueStart..<scanner.index))
            scanner.skipSpace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            return scanner.take(UInt8(ascii: "}")) ? members : nil
        }
    }

    /// A forward scan over JSON bytes that skips values without building them.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        var peek: UInt8? { index < end ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpace() {
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        }

        /// Past the string whose opening quote is at `index`; false when it does not close.
        mutating func skipString() -> Bool {
            index += 1
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { index += 1; return true }
                index += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            return false
        }

        /// Past the value starting at `index`: a string, an object or array (strings inside
        /// them skipped as strings, so brackets in text do not count), or a literal.
        mutating func skipValue() -> Bool {
            guard index < end else { return false }
            let first = bytes[index]
            if first == UInt8(ascii: "\"") { return skipString() }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                var depth = 0
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        guard skipString() else { return false }
                        continue
                    }
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                        depth += 1
                    } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 { index += 1; return true }
                    }
                    index += 1
                }
                return false
            }
            let start = index
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x09 || byte == 0x0D { break }
                index += 1
            }
            return index > start
        }
    }

    /// The JSON string literal at `range` (quotes included), decoded; nil when it is not one.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""), bytes[range.upperBound - 1] == UInt8(ascii: "\"") else { return nil }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if !bytes[inner].contains(UInt8(ascii: "\\")) {
            return String(validating: UnsafeBufferPointer(rebasing: bytes[inner]), as: UTF8.self)
        }
        // Escapes: let the JSON parser decode the literal (rare in the short fields read here).
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return (try? JSONParser.parse(text))?.stringValue
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func strings(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String]? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let node = try? JSONParser.parse(text), let elements = node.elements else { return nil }
        let values = elements.compactMap(\.stringValue)
        return values.count == elements.count ? values : nil
    }

    /// The entry on the line at `range` without its state and rendered source (and without the
    /// approved text unless `keepText`); nil when the line does not read this way.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, keepText: Bool) -> JournalEntry? {
        guard let members = members(bytes, range) else { return nil }
        var seq: Int?, at: Date?, author: String?, kind: JournalEntry.Kind?
        var entry = JournalEntry(seq: 0, at: Date(timeIntervalSince1970: 0), author: "", kind: .note)
        for member in members {
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[member.key]), as: UTF8.self)
            let value = member.value
            switch key {
            case "seq": guard let n = integer(bytes, value) else { return nil }; seq = n
            case "at": guard let text = string(bytes, value), let date = try? ISO8601.parse(text) else { return nil }; at = date
            case "author": guard let text = string(bytes, value) else { return nil }; author = text
            case "kind": guard let text = string(bytes, value), let k = JournalEntry.Kind(rawValue: text) else { return nil }; kind = k
            case "revision": guard let n = integer(bytes, value) else { return nil }; entry.revision = n
            case "approvalSeq": guard let n = integer(bytes, value) else { return nil }; entry.approvalSeq = n
            case "changed": guard let list = strings(bytes, value) else { return nil }; entry.changed = list
            case "errorFindings": guard let list = strings(bytes, value) else { return nil }; entry.errorFindings = list
            case "summary", "audience", "format", "sha256", "reason", "channel", "note", "clock", "prev", "text":
                if key == "text" && !keepText { continue }
                guard let text = string(bytes, value) else { return nil }
                switch key {
                case "summary": entry.summary = text
                case "audience": entry.audience = text
                case "format": entry.format = text
                case "sha256": entry.sha256 = text
                case "reason": entry.reason = text
                case "channel": entry.channel = text
                case "note": entry.note = text
                case "clock": entry.clock = text
                case "prev": entry.prev = text
                default: entry.text = text
                }
            case "checkedWith":
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
                entry.checkedWith = try? StateCoding.decoder().decode(ApprovalCheck.self, from: Data(text.utf8))
            case "dueAt": guard let text = string(bytes, value), let date = try? ISO8601.parse(text) else { return nil }; entry.dueAt = date
            case "delivery":
                // A sent or failed publication or reminder: small, and what `chorus log` shows of it.
                guard let delivery = try? StateCoding.decoder().decode(PublicationDelivery.self, from: Data(UnsafeBufferPointer(rebasing: bytes[value]))) else { return nil }
                entry.delivery = delivery
            default:
                continue // state, source: skipped unread; unknown keys are ignored, as the decoder does
            }
        }
        guard let seq, let at, let author, let kind else { return nil }
        entry.seq = seq
        entry.at = at
        entry.author = author
        entry.kind = kind
        return entry
    }
}

extension IncidentJournal {
    /// Every complete entry without the states of revisions and the rendered sources of
    /// approvals (approved texts only with `texts`): what `chorus log` prints, read in one pass
    /// that never decodes a state. Sequence numbers are checked; `verify` checks the rest.
    public func entryHeaders(texts: Bool = false) throws -> [JournalEntry] {
        try withCompleteLines { bytes, lines in
            var entries: [JournalEntry] = []
            entries.reserveCapacity(lines.count)
            for (index, line) in lines.enumerated() {
                let entry = try JournalSkim.header(bytes, line, keepText: texts) ?? decodeFully(bytes, line, number: index + 1)
                guard entry.seq == index + 1 else {
                    throw JournalError.damaged(path: journalPath, line: index + 1, reason: "expected entry \(index + 1), found \(entry.seq): entries are numbered 1, 2, 3, … without gaps")
                }
                entries.append(entry)
            }
            return entries
        }
    }

    /// The states of the revisions numbered `numbers` (for `chorus diff`), decoding only their
    /// lines, and the highest revision number in the journal.
    public func states(ofRevisions numbers: Set<Int>) throws -> (states: [Int: IncidentState], latest: Int) {
        try withCompleteLines { bytes, lines in
            var wanted: [Int: Range<Int>] = [:]
            var latest = 0
            for (index, line) in lines.enumerated() {
                let entry = try JournalSkim.header(bytes, line, keepText: false) ?? decodeFully(bytes, line, number: index + 1)
                guard entry.kind == .revision, let revision = entry.revision else { continue }
                latest = revision
                if numbers.contains(revision) { wanted[revision] = line }
            }
            var states: [Int: IncidentState] = [:]
            for (revision, line) in wanted {
                let entry = try decodeFully(bytes, line, number: revision)
                states[revision] = entry.state
            }
            return (states, latest)
        }
    }

    private func decodeFully(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, number: Int) throws -> JournalEntry {
        do {
            return try StateCoding.decoder().decode(JournalEntry.self, from: Data(UnsafeBufferPointer(rebasing: bytes[line])))
        } catch {
            throw JournalError.unreadable(path: journalPath, line: number, reason: JournalRules.whyUndecodable(ArraySlice(UnsafeBufferPointer(rebasing: bytes[line])), error))
        }
    }

    /// Runs `body` over the journal's bytes and the ranges of its complete lines (newline
    /// excluded), under the readers' lock.
    private func withCompleteLines<T>(_ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) throws -> T) throws -> T {
        let lock = try FileLock.forReading(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        guard let data = DurableFile.read(journalPath) else { return try body(UnsafeBufferPointer(start: nil, count: 0), []) }
        return try data.withUnsafeBufferPointer { bytes in
            var lines: [Range<Int>] = []
            var start = 0
            while start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, 0x0A, bytes.count - start) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(start..<newline)
                start = newline + 1
            }
            return try body(bytes, lines)
        }
    }
}
