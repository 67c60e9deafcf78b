@testable import ChorusCLI
import ChorusSupport
import Foundation
import Testing

/// One exit-status convention for every command (README, `chorus help`): 0 success, 1 the input
/// was checked and has problems, 2 the command could not do what was asked, 64 usage, 3 stale.
@Suite("Exit statuses of every command")
struct ExitStatusTests {
    /// A store with INC-2041 open at 09:12 (next update 09:40), approved for customer.
    static func harness() throws -> WorkflowHarness {
        let h = try WorkflowHarness()
        _ = h.open()
        _ = h.run(["approve", "INC-2041", "customer"])
        return h
    }

    struct Case: Sendable {
        var arguments: [String]
        var status: Int32
        /// Writes need an author; reads do not take --as.
        var writes = false
        /// Commands that use the store take --store and --now.
        var journal: Bool {
            !["validate", "schema", "lint", "audiences", "mustache"].contains(arguments.first ?? "")
                && !(arguments.first == "render" && !arguments.contains("--incident"))
        }
        var testDescription: String { "chorus \(arguments.joined(separator: " ")) → \(status)" }
    }

    static let cases: [Case] = [
        // validate, schema
        Case(arguments: ["validate", "examples/checkout-identified.json"], status: 0),
        Case(arguments: ["validate", "Tests/ChorusCLITests/Fixtures/invalid-state.json"], status: 1),
        Case(arguments: ["validate", "no-such.json"], status: 2),
        Case(arguments: ["validate"], status: 64),
        Case(arguments: ["schema"], status: 0),
        Case(arguments: ["schema", "extra"], status: 64),
        // render
        // The example promises its next update by 09:55 UTC on 24 Nov 2026; later, the draft is an error.
        Case(arguments: ["render", "examples/checkout-identified.json", "--audience", "customer", "--now", "2026-11-24T09:30:00Z"], status: 0),
        Case(arguments: ["render", "Tests/ChorusCLITests/Fixtures/speculative-state.json", "--audience", "customer"], status: 1),
        Case(arguments: ["render", "Tests/ChorusCLITests/Fixtures/invalid-state.json", "--audience", "customer"], status: 1),
        Case(arguments: ["render", "no-such.json", "--audience", "customer"], status: 2),
        Case(arguments: ["render", "examples/checkout-identified.json", "--audience", "review", "--now", "2026-11-24T09:40:00Z"], status: 0),
        Case(arguments: ["render", "examples/maintenance-database-upgrade.json", "--audience", "review"], status: 2),
        Case(arguments: ["render", "examples/checkout-identified.json", "--audience", "custmer"], status: 64),
        Case(arguments: ["render", "examples/checkout-identified.json"], status: 64),
        // lint
        Case(arguments: ["lint", "examples/support-reply-clean.txt", "--audience", "support"], status: 0),
        Case(arguments: ["lint", "examples/support-reply.txt", "--audience", "support"], status: 1),
        Case(arguments: ["lint", "no-such.txt", "--audience", "support"], status: 2),
        Case(arguments: ["lint", "examples/support-reply.txt", "--audience", "suport"], status: 64),
        // audiences, mustache
        Case(arguments: ["audiences"], status: 0),
        Case(arguments: ["audiences", "--audiences", "no-such-folder"], status: 2),
        Case(arguments: ["mustache", "no-such.mustache"], status: 2),
        Case(arguments: ["mustache"], status: 64),
        // journal reads
        Case(arguments: ["show", "INC-2041"], status: 0),
        Case(arguments: ["show", "INC-9999"], status: 2),
        Case(arguments: ["show"], status: 64),
        Case(arguments: ["list"], status: 0),
        Case(arguments: ["log", "INC-2041"], status: 0),
        Case(arguments: ["log", "INC-9999"], status: 2),
        Case(arguments: ["diff", "INC-2041", "1"], status: 0),
        Case(arguments: ["diff", "INC-2041", "7"], status: 2),
        Case(arguments: ["diff", "INC-2041", "one"], status: 64),
        Case(arguments: ["pull", "INC-2041", "customer"], status: 0),
        Case(arguments: ["pull", "INC-2041", "support"], status: 2),
        Case(arguments: ["due"], status: 0),
        // journal writes
        Case(arguments: ["open", "INC-3001", "--title", "T", "--severity", "sev3", "--impact", "Some customers cannot log in.",
                         "--affected", "Customers on the web", "--lead", "Dana", "--next-update", "+30m"], status: 0, writes: true),
        Case(arguments: ["open", "--from", "examples/checkout-investigating.json"], status: 2, writes: true),
        Case(arguments: ["open", "--from", "Tests/ChorusCLITests/Fixtures/invalid-state.json"], status: 1, writes: true),
        Case(arguments: ["open", "--from", "no-such.json"], status: 2, writes: true),
        Case(arguments: ["open", "INC-3002", "--title", "T"], status: 64, writes: true),
        Case(arguments: ["update", "INC-2041", "--workaround", "Pay with PayPal."], status: 0, writes: true),
        Case(arguments: ["update", "INC-2041", "--eta-confidence", "confirmed"], status: 1, writes: true),
        Case(arguments: ["update", "INC-9999", "--workaround", "x"], status: 2, writes: true),
        Case(arguments: ["update", "INC-2041", "--workaround", "x", "--expect-revision", "7"], status: 2, writes: true),
        Case(arguments: ["update", "INC-2041"], status: 64, writes: true),
        Case(arguments: ["update", "INC-2041", "--next-update", "08:00"], status: 64, writes: true),
        Case(arguments: ["fact", "INC-2041", "More tickets", "--source", "support"], status: 0, writes: true),
        Case(arguments: ["fact", "INC-2041", "More tickets", "--source", "support", "--at", "+10m"], status: 1, writes: true),
        Case(arguments: ["fact", "INC-2041", "More tickets"], status: 64, writes: true),
        Case(arguments: ["hypothesis", "INC-2041", "The cache is cold"], status: 0, writes: true),
        Case(arguments: ["confirm", "INC-2041", "H1"], status: 0, writes: true),
        Case(arguments: ["confirm", "INC-2041", "H9"], status: 2, writes: true),
        Case(arguments: ["rule-out", "INC-2041", "H2"], status: 0, writes: true),
        Case(arguments: ["retract", "INC-2041", "F1", "--correct", "Six reports came in by 09:10."], status: 0, writes: true),
        Case(arguments: ["retract", "INC-2041", "F9", "--correct", "x"], status: 2, writes: true),
        Case(arguments: ["retract", "INC-2041", "F1"], status: 64, writes: true),
        Case(arguments: ["step", "INC-2041", "Check the logs", "--owner", "Marco"], status: 0, writes: true),
        Case(arguments: ["step", "INC-2041", "S9", "--state", "done"], status: 2, writes: true),
        Case(arguments: ["step", "INC-2041", "Check the logs"], status: 64, writes: true),
        Case(arguments: ["follow-up", "INC-2041", "Add an alert", "--owner", "Aiko", "--due", "2026-12-01"], status: 0, writes: true),
        Case(arguments: ["follow-up", "INC-2041", "Add an alert", "--owner", "Aiko", "--due", "tomorrow"], status: 64, writes: true),
        Case(arguments: ["component", "INC-2041", "payments-callback", "--status", "operational"], status: 0, writes: true),
        Case(arguments: ["component", "INC-2041", "ledger", "--status", "operational"], status: 1, writes: true),
        Case(arguments: ["note", "INC-2041", "Called the provider."], status: 0, writes: true),
        Case(arguments: ["note", "INC-2041", " "], status: 64, writes: true),
        Case(arguments: ["approve", "INC-2041", "support"], status: 0, writes: true),
        Case(arguments: ["approve", "INC-2041", "review"], status: 2, writes: true),
        Case(arguments: ["approve", "INC-2041", "suport"], status: 64, writes: true),
        Case(arguments: ["publish", "INC-2041", "customer", "--channel", "statuspage"], status: 0, writes: true),
        Case(arguments: ["publish", "INC-2041", "support", "--channel", "desk"], status: 2, writes: true),
        Case(arguments: ["publish", "INC-2041"], status: 64, writes: true),
        Case(arguments: ["publish", "INC-2041", "customer", "--all"], status: 64, writes: true),
        Case(arguments: ["approve", "INC-2041"], status: 64, writes: true),
        Case(arguments: ["resolve", "INC-2041"], status: 1, writes: true),
        Case(arguments: ["resolve", "INC-9999"], status: 2, writes: true),
        Case(arguments: ["resolve"], status: 64, writes: true),
        // every field: set, add, remove, get
        Case(arguments: ["set", "INC-2041", "workaround", "Pay with PayPal."], status: 0, writes: true),
        Case(arguments: ["set", "INC-2041", "lastUpdatedAt", "now"], status: 1, writes: true),
        Case(arguments: ["set", "INC-9999", "workaround", "x"], status: 2, writes: true),
        Case(arguments: ["set", "INC-2041", "impact.sumary", "x"], status: 64, writes: true),
        Case(arguments: ["add", "INC-2041", "asks", "Approve a goodwill credit"], status: 0, writes: true),
        Case(arguments: ["add", "INC-9999", "asks", "x"], status: 2, writes: true),
        Case(arguments: ["add", "INC-2041", "asks"], status: 64, writes: true),
        Case(arguments: ["remove", "INC-2041", "links.1"], status: 0, writes: true),
        Case(arguments: ["remove", "INC-2041", "links.9"], status: 2, writes: true),
        Case(arguments: ["remove", "INC-2041"], status: 64, writes: true),
        Case(arguments: ["get", "INC-2041", "impact.summary"], status: 0),
        Case(arguments: ["get", "INC-9999"], status: 2),
        Case(arguments: ["get", "INC-2041", "impact.sumary"], status: 64),
        // reopen (only a resolved incident), verify
        Case(arguments: ["reopen", "INC-2041", "--reason", "It came back.", "--next-update", "+30m"], status: 1, writes: true),
        Case(arguments: ["reopen", "INC-9999", "--reason", "It came back.", "--next-update", "+30m"], status: 2, writes: true),
        Case(arguments: ["reopen", "INC-2041", "--next-update", "+30m"], status: 64, writes: true),
        Case(arguments: ["verify", "INC-2041"], status: 0),
        Case(arguments: ["verify", "INC-9999"], status: 2),
    ]

    /// Commands whose statuses need a workspace folder, an editor or a corpus, and the tests
    /// that check them.
    static let testedElsewhere: [String: String] = [
        "edit": "FieldCommandTests (0, an invalid edit 1, a failed editor 2, no editor 64)",
        "eval": "VocabularyAndEvalTests", "init": "WorkspaceCommandTests", "doctor": "WorkspaceCommandTests",
        "board": "BoardCommandTests", "remind": "RemindCommandTests (reminders need a workspace)",
    ]

    /// The convention is shown for every command: a new command gets its cases here.
    @Test func everyCommandHasItsExitStatusesChecked() {
        let cased = Set(Self.cases.compactMap(\.arguments.first))
        for command in CommandRegistry.commands.map(\.name) {
            #expect(cased.contains(command) || Self.testedElsewhere[command] != nil, "chorus \(command) has no exit-status case")
        }
    }

    /// Every case runs on its own copy of one prepared store (preparing it renders and lints,
    /// which is the slow part), one after the other.
    @Test func everyCommandFollowsTheConvention() throws {
        let prepared = try Self.harness()
        for c in Self.cases {
            var h = try WorkflowHarness()
            try FileManager.default.removeItem(atPath: h.store)
            try FileManager.default.copyItem(atPath: prepared.store, toPath: h.store)
            h.now = "2026-11-24T09:20:00Z"
            let result = c.writes ? h.run(c.arguments) : c.journal ? h.read(c.arguments) : chorus(c.arguments)
            #expect(result.status == c.status, "\(c.testDescription)\nstdout: \(result.stdout)\nstderr: \(result.stderr)")
            if c.status == 64 { #expect(result.stderr.contains("See 'chorus"), "\(c.testDescription): usage errors show the usage") }
            if c.status == 1 || c.status == 2 { #expect(!result.stderr.isEmpty, "\(c.testDescription): a failure says why") }
        }
    }

    @Test func aMissingAuthorIsAUsageError() throws {
        let h = try Self.harness()
        let result = chorus(["note", "INC-2041", "x", "--store", h.store, "--now", h.now])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: who is writing? Pass --as NAME or set CHORUS_AUTHOR"))
    }

    /// In --format json mode every error is JSON on standard output, so a program never parses prose.
    @Test func jsonModeErrorsAreJSONOnStandardOutput() throws {
        let missing = chorus("render", "no-such.json", "--audience", "customer", "--format", "json")
        #expect(missing.status == 2)
        #expect(missing.stderr.isEmpty)
        let node = try JSONParser.parse(missing.stdout)
        #expect(node["error"]?["status"]?.value == .number(2, text: "2"))
        #expect(node["error"]?["kind"]?.stringValue == "could-not-run")
        #expect(node["error"]?["message"]?.stringValue?.contains("no-such.json: no such file") == true)

        let invalid = chorus("render", "Tests/ChorusCLITests/Fixtures/invalid-state.json", "--audience", "customer", "--format", "json")
        #expect(invalid.status == 1)
        let problems = try JSONParser.parse(invalid.stdout)["error"]?["problems"]
        #expect(problems?[0]?["path"]?.stringValue == "$.severity")
        #expect(problems?[0]?["line"] != nil && problems?[0]?["column"] != nil)

        let usage = chorus("render", "examples/checkout-identified.json", "--format", "json", "--audence", "customer")
        #expect(usage.status == 64)
        #expect(try JSONParser.parse(usage.stdout)["error"]?["kind"]?.stringValue == "usage")
        let unknownAudience = chorus("lint", "--audience", "suport", "--format=json", stdin: "Hello.")
        #expect(unknownAudience.status == 64)
        #expect(try JSONParser.parse(unknownAudience.stdout)["error"]?["message"]?.stringValue?.contains("Did you mean 'support'?") == true)
        let lintMissing = chorus("lint", "no-such.txt", "--audience", "support", "-f", "json")
        #expect(lintMissing.status == 2)
        #expect(try JSONParser.parse(lintMissing.stdout)["error"]?["kind"]?.stringValue == "could-not-run")
        let pullNone = chorus("pull", "INC-2041", "support", "--format", "json", "--store", try Self.harness().store)
        #expect(pullNone.status == 2)
        #expect(try JSONParser.parse(pullNone.stdout)["error"] != nil)
    }

    @Test func validateAsJSONListsEveryFileAndProblem() throws {
        let result = chorus("validate", "examples/checkout-identified.json", "Tests/ChorusCLITests/Fixtures/invalid-state.json", "--format", "json")
        #expect(result.status == 1)
        let files = try JSONParser.parse(result.stdout)["files"]
        #expect(files?[0]?["valid"]?.value == .bool(true))
        #expect(files?[1]?["valid"]?.value == .bool(false))
        #expect(files?[1]?["problems"]?[0]?["message"]?.stringValue?.contains("\"sev5\" is not allowed here") == true)
    }

    /// Foundation's errors never reach users raw.
    @Test func aStorePathThatIsAFileIsASentence() throws {
        let scratch = try Repo.scratch()
        let file = scratch.appendingPathComponent("not-a-folder")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let result = chorus(["open", "--from", "examples/checkout-investigating.json", "--store", file.path, "--as", "dana"])
        #expect(result.status == 2)
        #expect(result.stderr == "Error: the store \(file.path) is a file, not a folder; pass --store DIR (or set CHORUS_STORE) to a folder, which is created when missing\n")
        let nested = chorus(["open", "--from", "examples/checkout-investigating.json", "--next-update", "+30m", "--store", file.path + "/store", "--as", "dana"])
        #expect(nested.status == 2)
        #expect(!nested.stderr.contains("NSCocoaErrorDomain"), "\(nested.stderr)")
        #expect(nested.stderr.contains("\(file.path) is a file, not a folder"), "\(nested.stderr)")
    }

    /// An out-of-range number is reported where it stands, not as "not valid JSON" at 1:1.
    @Test func outOfRangeNumbersAreReportedAtTheirPosition() throws {
        let text = try String(contentsOfFile: Repo.path("examples/checkout-identified.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"value\": 38", with: "\"value\": 1e400")
        let result = chorus("validate", "-", stdin: text)
        #expect(result.status == 1)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("1e400") }.map { $0 + 1 }
        #expect(result.stderr.contains("<stdin>:\(line ?? 0):"), "\(result.stderr)")
        #expect(result.stderr.contains("1e400 is out of range"))
        #expect(!result.stderr.contains("not valid JSON"))
    }

    @Test func messagesAreGrammatical() throws {
        let review = chorus("render", "examples/maintenance-database-upgrade-in-progress.json", "--audience", "review")
        #expect(review.stderr.contains("does not apply to an in_progress maintenance"), "\(review.stderr)")
        let text = try String(contentsOfFile: Repo.path("examples/checkout-identified.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"status\": \"identified\"", with: "\"status\": \"scheduled\"")
        #expect(chorus("validate", "-", stdin: text).stderr.contains("is not a status of an incident"))
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        _ = h.run(["hypothesis", "INC-2041", "x"])
        _ = h.run(["rule-out", "INC-2041", "H1"])
        _ = h.run(["rule-out", "INC-2041", "H2"])
        _ = h.run(["step", "INC-2041", "S2", "--state", "done"])
        let show = h.read(["show", "INC-2041"])
        #expect(show.stdout.contains("work:         2 facts, 1 open hypothesis, 1 next step ("), "\(show.stdout)")
    }
}
