import ChorusSupport
import Foundation

/// What `chorus verify` found in one journal: every line checked against every rule.
public struct JournalVerification: Sendable, Equatable {
    /// One broken rule, at the line (1-based) where it shows.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public var incidentID: String
    public var journalPath: String
    /// Complete lines read.
    public var entries = 0
    public var revisions = 0
    /// The hash of the last complete line: note it elsewhere, and a later verify shows whether
    /// anything up to it changed.
    public var head: String?
    /// Entries dated by a replayed clock (tests, demos), not the real one.
    public var replayed = 0
    /// Bytes of an incomplete last line (an interrupted write), which the next read sets aside.
    public var tornBytes = 0
    /// What the checkpoint says about the last line: agrees, behind, missing.
    public var checkpoint = "missing"
    public var problems: [Problem] = []

    /// True when no rule is broken.
    public var isIntact: Bool { problems.isEmpty }
}

extension IncidentJournal {
    /// Checks every line of the journal: it decodes; sequence numbers run without gaps; each
    /// entry carries the hash of the line before it; revisions are contiguous; approvals are of
    /// the current revision and carry the hash of their text; publications refer to the latest
    /// approval; times never run backwards nor lie in the future (beyond `JournalClock.allowedSkew`
    /// of `now`); authors are plain names; and the checkpoint agrees with the last line. After a
    /// broken rule it carries on from what the line says, so each problem is reported once.
    /// Reads under the readers' lock and changes nothing.
    public func verify(now: Date = Date()) throws -> JournalVerification {
        let lock = try FileLock.forReading(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        var report = JournalVerification(incidentID: id, journalPath: journalPath)
        guard let bytes = DurableFile.read(journalPath) else { throw JournalError.io("cannot read \(journalPath)") }
        let decoder = StateCoding.decoder()
        var current = JournalSnapshot(incidentID: id)
        var lineStart = 0
        var lineNumber = 0
        var afterUnreadable = false // what an unreadable line changed is unknown: take the next as it is
        func problem(_ message: String) { report.problems.append(.init(line: lineNumber, message: message)) }
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else {
                report.tornBytes = bytes.count - lineStart
                break
            }
            lineNumber += 1
            let line = bytes[lineStart..<newline]
            lineStart = newline + 1
            let hash = JournalRules.hash(ofLine: line)
            report.entries += 1
            let entry: JournalEntry
            do {
                entry = try decoder.decode(JournalEntry.self, from: Data(line))
            } catch {
                problem("written by a newer version of chorus (or damaged): " + JournalRules.whyUndecodable(line, error))
                current.seq = lineNumber
                current.lastHash = hash
                afterUnreadable = true
                continue
            }
            let order = afterUnreadable ? nil : JournalRules.orderProblem(entry, after: current)
            afterUnreadable = false
            for message in [order, JournalRules.chainProblem(entry, after: current)] + JournalRules.contentProblems(entry, after: current, now: now) {
                if let message { problem(message) }
            }
            if entry.clock == JournalEntry.replayClock { report.replayed += 1 }
            current.apply(entry)
            current.seq = lineNumber // carry on by line, so one bad number is reported once
            current.lastHash = hash
            if entry.kind == .revision { report.revisions += 1 }
        }
        report.head = current.lastHash
        checkCheckpoint(against: current, lastLine: lineNumber, into: &report)
        return report
    }

    private func checkCheckpoint(against rebuilt: JournalSnapshot, lastLine: Int, into report: inout JournalVerification) {
        guard let bytes = DurableFile.read(checkpointPath) else { report.checkpoint = "missing (the next read rebuilds it)"; return }
        guard let checkpoint = try? StateCoding.decoder().decode(JournalSnapshot.self, from: Data(bytes)),
              checkpoint.layout == JournalSnapshot.layoutVersion else {
            report.checkpoint = "unreadable or from another version (the next read rebuilds it)"
            return
        }
        guard checkpoint.incidentID == id else {
            report.checkpoint = "of another incident"
            report.problems.append(.init(line: lastLine, message: "checkpoint.json belongs to incident \(checkpoint.incidentID), not \(id)"))
            return
        }
        if checkpoint.seq > lastLine {
            report.checkpoint = "ahead of the journal"
            report.problems.append(.init(line: lastLine, message: "checkpoint.json covers \(checkpoint.seq) entries but the journal holds \(lastLine): entries were removed"))
        } else if checkpoint.seq < lastLine {
            report.checkpoint = "behind: covers \(checkpoint.seq) of \(lastLine) entries (a write ended before saving it, or lines were added by hand; the next read catches up)"
        } else if checkpoint.lastHash != rebuilt.lastHash {
            report.checkpoint = "disagrees with the last line"
            report.problems.append(.init(line: lastLine, message: "the last line does not match the hash recorded when it was written (checkpoint.json): it was changed afterwards"))
        } else {
            var expected = rebuilt
            expected.bytes = checkpoint.bytes
            expected.journalStamp = checkpoint.journalStamp
            report.checkpoint = checkpoint == expected ? "agrees with the last line" : "matches the last line's hash but not its contents (rebuilt on the next read)"
        }
    }
}

extension JournalRules {
    /// The rules about an entry's content: its time, author and hashes.
    static func contentProblems(_ entry: JournalEntry, after previous: JournalSnapshot, now: Date) -> [String?] {
        var problems: [String?] = []
        if let last = previous.lastAt, entry.at < last {
            problems.append("dated \(ISO8601.format(entry.at)), before the entry above it (\(ISO8601.format(last))): entries are never backdated")
        }
        if entry.at.timeIntervalSince(now) > JournalClock.allowedSkew {
            problems.append("dated \(ISO8601.format(entry.at)), in the future (the clock says \(ISO8601.format(now)))")
        }
        problems.append(AuthorName.problem(entry.author).map { "forged or damaged author: \($0)" })
        if entry.isApproval, let text = entry.text, entry.sha256 != SHA256.hex(text) {
            problems.append("the approved text does not match its SHA-256: the text or the hash was changed")
        }
        if entry.kind == .override, (entry.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("an override without its reason")
        }
        if entry.kind == .publication, let audience = entry.audience, let approval = previous.approvals[audience], entry.sha256 != approval.sha256 {
            problems.append("the published text's SHA-256 differs from the approval it names")
        }
        return problems
    }
}
