import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// `chorus verify`, and output that cannot be forged by what users typed.
@Suite("chorus verify and escaped output")
struct VerifyCommandTests {
    func incident() throws -> WorkflowHarness {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        #expect(h.run(["approve", "INC-2041", "customer"]).status == 0)
        h.now = "2026-11-24T09:14:00Z"
        #expect(h.run(["update", "INC-2041", "--workaround", "Pay with PayPal."]).status == 0)
        return h
    }

    func journalFile(_ h: WorkflowHarness) -> URL {
        URL(fileURLWithPath: h.store).appendingPathComponent("incidents/INC-2041/journal.jsonl")
    }

    @Test func anIntactJournalVerifiesWithItsHead() throws {
        let h = try incident()
        let result = h.read(["verify", "INC-2041"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("INC-2041: intact: 3 entries, 2 revisions, 3 dated by a replayed clock"))
        let head = SHA256.hex(String(try #require(try String(contentsOf: journalFile(h), encoding: .utf8).split(separator: "\n").last)))
        #expect(result.stdout.contains("head: entry 3, sha256 \(head)"))
        let all = h.read(["verify"])
        #expect(all.status == 0)
        #expect(all.stdout.contains("INC-2041: intact"))
        let json = h.read(["verify", "INC-2041", "--format", "json"])
        let parsed = try JSONParser.parse(json.stdout)
        #expect(parsed.elements?.first?["intact"]?.value == .bool(true))
        #expect(parsed.elements?.first?["head"]?.stringValue == head)
    }

    @Test func aHandEditedDuplicatedOrReorderedEntryIsReportedWithItsLine() throws {
        let h = try incident()
        let file = journalFile(h)
        let original = try String(contentsOf: file, encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        let cases: [(String, [String], String)] = [
            ("edited", [lines[0].replacingOccurrences(of: "Dana Kim", with: "Dana Kin"), lines[1], lines[2]], ":2: error: the entry does not follow line 1"),
            ("duplicated", lines + [lines[1]], ":4: error: expected entry 4, found 2"),
            ("reordered", [lines[0], lines[2], lines[1]], ":2: error: expected entry 2, found 3"),
        ]
        for (name, tampered, expected) in cases {
            try Data((tampered.joined(separator: "\n") + "\n").utf8).write(to: file)
            let result = h.read(["verify", "INC-2041"])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr.contains(file.path + expected), "\(name): \(result.stderr)")
            #expect(result.stdout.contains("INC-2041: 1 problem") || result.stdout.contains("problems"), "\(name)")
        }
        lines = original.split(separator: "\n").map(String.init)
        try Data(original.utf8).write(to: file)
        #expect(h.read(["verify", "INC-2041"]).status == 0)
    }

    /// doctor reads every journal and runs verify on it, naming the line of what it found.
    @Test func doctorReportsAForgedLineWithItsPlace() throws {
        let h = try incident()
        let file = journalFile(h)
        let clean = chorus(["doctor", "--store", h.store])
        #expect(clean.stdout.contains("journals readable and verified intact"), "\(clean.stdout)")
        let original = try String(contentsOf: file, encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        // An edited line in the middle: the next line's hash no longer matches (reads see it too).
        lines[0] = lines[0].replacingOccurrences(of: "Dana Kim", with: "Dana Kin")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let edited = chorus(["doctor", "--store", h.store])
        #expect(edited.status == 1)
        #expect(edited.stdout.contains(file.path + ":2: "), "\(edited.stdout)")
        #expect(!edited.stdout.contains("verified intact"))
        // The last line dated in 2099 and the checkpoint gone: reads accept it, verify does not.
        lines = original.split(separator: "\n").map(String.init)
        let last = lines.count - 1
        lines[last] = try #require(lines[last].replacing(#/"at":"[^"]*"/#, with: "\"at\":\"2099-01-01T00:00:00Z\"") as String?)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        try FileManager.default.removeItem(at: file.deletingLastPathComponent().appendingPathComponent("checkpoint.json"))
        let future = chorus(["doctor", "--store", h.store])
        #expect(future.status == 1)
        #expect(future.stdout.contains(file.path + ":\(lines.count): error: "), "\(future.stdout)")
        #expect(future.stdout.contains("in the future") && future.stdout.contains("(chorus verify INC-2041)"), "\(future.stdout)")
    }

    @Test func authorsThatCouldForgeOutputAreRefused() throws {
        let h = try incident()
        for name in ["Eve\n#9  2026-11-24T09:20:00Z  Dana Kim  approved customer", "Dana\u{202E}", "Dana\u{2060}Kim"] {
            let result = h.run(["note", "INC-2041", "x"], as: name)
            #expect(result.status == 64)
            #expect(result.stderr.contains("the author name"), "\(result.stderr)")
        }
    }

    /// A note (or any user text) with a newline or a bidi control cannot forge a log line.
    @Test func logEscapesEveryUserSuppliedString() throws {
        var h = try incident()
        h.now = "2026-11-24T09:15:00Z"
        let forged = "ok\n#9  2026-11-24T09:20:00Z  Dana Kim  approved customer for revision 2 \u{202E}"
        #expect(h.run(["note", "INC-2041", forged]).status == 0)
        let log = h.read(["log", "INC-2041"])
        #expect(log.status == 0)
        #expect(!log.stdout.contains("\n#9"), "no forged line")
        #expect(!log.stdout.unicodeScalars.contains("\u{202E}"))
        #expect(log.stdout.contains("note: ok\\u{A}#9  2026-11-24T09:20:00Z  Dana Kim  approved customer for revision 2 \\u{202E}"))
        #expect(log.stdout.contains("[replayed clock]"))
    }
}
