import ChorusCLI
import Foundation
import Testing

/// What the person typed is echoed with control and bidi characters escaped, in errors, write
/// confirmations, lint diagnostics and `get`: nothing typed can colour, hide, reorder or forge
/// a line of what the terminal shows.
@Suite("Terminal escaping of typed text")
struct TerminalEscapingTests {
    static let hostile = "x\u{1B}[31mRED\u{202E}evil\nFAKE"
    static let escaped = "x\\u{1B}[31mRED\\u{202E}evil\\u{A}FAKE"

    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\r" } && !text.contains("\nFAKE")
    }

    @Test func errorsEchoTypedArgumentsEscapedOnOneLine() throws {
        let h = try WorkflowHarness()
        #expect(h.open().status == 0)
        for arguments in [["render", "--incident", "INC-2041", "--audience", Self.hostile], ["show", Self.hostile],
                          ["get", "INC-2041", Self.hostile], ["pull", "INC-2041", Self.hostile], ["diff", "INC-2041", Self.hostile]] {
            let result = h.read(arguments)
            #expect(result.status != 0)
            #expect(Self.isClean(result.stderr), "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains(Self.escaped), "\(arguments[0]): \(result.stderr)")
        }
        let update = h.run(["update", "INC-2041", "--next-update", Self.hostile])
        #expect(update.status == 64)
        #expect(Self.isClean(update.stderr), "\(update.stderr)")
        let json = h.read(["pull", "INC-2041", Self.hostile, "--format", "json"])
        #expect(json.status == 64)
        #expect(Self.isClean(json.stdout.replacingOccurrences(of: "\\n", with: " ")), "\(json.stdout)")
        #expect(json.stdout.contains("x\\u001b[31mRED\\u202eevil\\nFAKE"), "\(json.stdout)")
    }

    @Test func writeConfirmationsEscapeTheChannelAndTheOverrideReason() throws {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        #expect(h.run(["approve", "INC-2041", "support"]).status == 0)
        let published = h.run(["publish", "INC-2041", "support", "--channel", "x\n#999 forged \u{1B}[2J\u{202E}"])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.split(separator: "\n").count == 1, "\(published.stdout)")
        #expect(published.stdout.contains("published to x\\u{A}#999 forged \\u{1B}[2J\\u{202E} by dana"), "\(published.stdout)")
        #expect(h.run(["update", "INC-2041", "--impact", "We probably broke card payments."]).status == 0)
        let overridden = h.run(["approve", "INC-2041", "customer", "--override", "oops\n#1 FORGED \u{1B}[31m"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("OVERRIDE: oops\\u{A}#1 FORGED \\u{1B}[31m"), "\(overridden.stdout)")
        #expect(!overridden.stdout.contains("\n#1 FORGED"))
    }

    @Test func lintPrintsAHostileFileNameEscaped() throws {
        let scratch = try Repo.scratch()
        let name = "evil\u{1B}[2K\rclean.txt:1:1: note\u{202E}.txt"
        try Data("We suspect a bug.\n".utf8).write(to: scratch.appendingPathComponent(name))
        let linted = chorus(["lint", scratch.appendingPathComponent(name).path, "--audience", "customer"])
        #expect(linted.status == 1, "\(linted.stderr)")
        #expect(Self.isClean(linted.stdout) && Self.isClean(linted.stderr), "\(linted.stdout)\(linted.stderr)")
        #expect(linted.stdout.contains("evil\\u{1B}[2K\\u{D}clean.txt:1:1: note\\u{202E}.txt:1:"), "\(linted.stdout)")
    }

    @Test func getEscapesTextAndWritesJSONEscapes() throws {
        let h = try WorkflowHarness()
        #expect(h.open().status == 0)
        let value = "Use it\nFAKE LINE \u{202E}evil \u{1B}[31mRED"
        #expect(h.run(["set", "INC-2041", "workaround", value]).status == 0)
        let text = h.read(["get", "INC-2041", "workaround"])
        #expect(text.stdout == "Use it\\u{A}FAKE LINE \\u{202E}evil \\u{1B}[31mRED\n", "\(text.stdout)")
        let json = h.read(["get", "INC-2041", "workaround", "--format", "json"])
        #expect(json.stdout.contains("\\u202eevil \\u001b[31mRED"), "\(json.stdout)")
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8), options: .fragmentsAllowed) as? String == value)
        let whole = h.read(["get", "INC-2041"])
        #expect(!whole.stdout.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" }, "\(whole.stdout)")
        let state = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any]
        #expect(state?["workaround"] as? String == value)
    }
}
