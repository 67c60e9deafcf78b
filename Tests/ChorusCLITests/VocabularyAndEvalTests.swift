@testable import ChorusCLI
import ChorusSupport
import Foundation
import Testing

/// The organization's vocabulary (`--vocabulary`, `CHORUS_VOCABULARY`, the workspace's
/// `"vocabulary"`) and `chorus eval`.
@Suite("Vocabulary and eval")
struct VocabularyAndEvalTests {
    /// Removed when the test ends.
    let scratch: Scratch

    init() throws { scratch = try Repo.scratch() }

    func write(_ name: String, _ text: String) throws -> String {
        let file = scratch.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static let draft = "EC2 instances in one region were slow. Next update in 30 minutes.\n"

    func jargon(_ result: ChorusCommandLine.Result) -> [String] {
        result.stdout.split(separator: "\n").filter { $0.contains("[jargon/") }.map { line in
            String(line.split(separator: "\"")[1])
        }
    }

    @Test func aTeamsOwnProductNamesAreNeverJargon() throws {
        let draft = try write("draft.md", Self.draft)
        #expect(jargon(chorus("lint", draft, "--audience", "customer")) == ["EC2 instances"])
        // A list without a header is the team's names.
        let names = try write("vocabulary.txt", "# Our product names\nEC2\n")
        #expect(jargon(chorus("lint", draft, "--audience", "customer", "--vocabulary", names)) == ["instances"])
        #expect(jargon(chorus(["lint", draft, "--audience", "customer"], environment: ["CHORUS_VOCABULARY": names])) == ["instances"])
        // A phrasebook file works too, and can add terms the team never wants.
        let book = try write("terms.txt", "[accept]\nEC2\n\n[existence jargon]\nmessage: \"{match}\" is our internal word\nslow\n")
        #expect(jargon(chorus("lint", draft, "--audience", "customer", "--vocabulary", book)) == ["instances", "slow"])
    }

    @Test func aBrokenVocabularyIsReportedWithItsPositionAndChangesNothing() throws {
        let draft = try write("draft.md", Self.draft)
        let bad = try write("bad.txt", "[accept]\nEC2\n[existence jargon]\nfoo {bar}\n")
        let result = chorus("lint", draft, "--audience", "customer", "--vocabulary", bad)
        #expect(result.status == ExitStatus.couldNotRun)
        #expect(result.stderr.contains("\(bad):3:1: error: the section needs a 'message:' line right under its header"))
        #expect(result.stderr.contains("\(bad):4:5: error: placeholders such as {number} belong in a [pattern …] section"))
        let missing = chorus("lint", draft, "--audience", "customer", "--vocabulary", scratch.appendingPathComponent("nope.txt").path)
        #expect(missing.status == ExitStatus.couldNotRun)
        #expect(missing.stderr.contains("--vocabulary:") && missing.stderr.contains("does not exist"))
    }

    static let corpus = """
        {"id": "acme-001", "org": "Acme", "text": "We suspect the cache. Next update in 30 minutes.", "labels": [{"category": "speculation", "start": 0, "end": 10}, {"category": "update_cadence", "start": 22, "end": 47}]}
        {"id": "acme-002", "org": "Acme", "text": "It should be back in 20 minutes.", "labels": []}
        {"id": "zed-001", "org": "Zed", "text": "All good now.", "labels": [{"category": "minimizing", "start": 0, "end": 3}]}
        """

    @Test func evalPrintsPrecisionRecallAndMistakes() throws {
        let file = try write("corpus.jsonl", Self.corpus)
        let result = chorus("eval", file, "--show", "5")
        #expect(result.status == ExitStatus.success, "\(result.stderr)")
        #expect(result.stdout.contains("3 messages, customer policy"))
        #expect(result.stdout.contains("update_cadence spans flagged as ETA: 0 of 1"))
        let speculation = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("speculation") })
        #expect(speculation.contains("1.00"))
        #expect(result.stdout.contains("eta false alarms (1 of 1):"))
        #expect(result.stdout.contains("acme-002 \"in 20 minutes\" [eta-estimate]"))
        #expect(result.stdout.contains("minimizing missed (1 of 1):"))
        #expect(result.stdout.contains("zed-001 \"All\""))
    }

    @Test func evalFiltersOrganizationsAndWritesJSON() throws {
        let file = try write("corpus.jsonl", Self.corpus)
        let held = chorus("eval", file, "--exclude-orgs", "acme", "--format", "json")
        #expect(held.status == ExitStatus.success)
        #expect(held.stdout.contains("\"messages\": 1"))
        let only = chorus("eval", file, "--orgs", "Acme", "--format", "json", "--show", "1", "--category", "eta")
        #expect(only.stdout.contains("\"messages\": 2"))
        #expect(only.stdout.contains("\"kind\": \"false-alarm\""))
        #expect(!only.stdout.contains("\"category\": \"minimizing\","))
    }

    /// A typo in an organization's name, or nothing left to score, is an error: a table of 1.00
    /// over no messages would read as a perfect score.
    @Test func evalRefusesAnUnknownOrganizationAndAnEmptySelection() throws {
        let file = try write("corpus.jsonl", Self.corpus)
        let typo = chorus("eval", file, "--orgs", "Acem")
        #expect(typo.status == ExitStatus.usage)
        #expect(typo.stderr.contains("no organization 'Acem'") && typo.stderr.contains("Did you mean"), "\(typo.stderr)")
        #expect(chorus("eval", file, "--exclude-orgs", "nosuch").status == ExitStatus.usage)
        let empty = try write("empty.jsonl", "")
        let none = chorus("eval", empty)
        #expect(none.status == ExitStatus.couldNotRun)
        #expect(none.stderr.contains("no messages to evaluate"), "\(none.stderr)")
        #expect(!none.stdout.contains("1.00"))
    }

    @Test func evalRefusesABrokenCorpusWithEveryPosition() throws {
        let file = try write("corpus.jsonl", "{\"id\": \"a-1\", \"text\": \"Hi\"}\nnot json\n{\"id\": \"a-1\", \"text\": \"x\"}\n")
        let result = chorus("eval", file)
        #expect(result.status == ExitStatus.failure, "checked and found wrong, as invalid input elsewhere (QA #19)")
        #expect(result.stderr.hasPrefix("Error: the corpus has 2 problems:\n"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file):2:"))
        #expect(result.stderr.contains("\(file):3:1: error: duplicate id \"a-1\" (first on line 1)"))
        let json = chorus("eval", file, "--format", "json")
        #expect(json.status == ExitStatus.failure)
        let problems = try JSONParser.parse(json.stdout)["error"]?["problems"]
        #expect(problems?[1]?["line"]?.value == .number(3, text: "3"), "\(json.stdout)")
        #expect(problems?[1]?["message"]?.stringValue == "duplicate id \"a-1\" (first on line 1)", "\(json.stdout)")
        #expect(chorus("eval", file, "--show", "many").status == ExitStatus.usage)
        #expect(chorus("eval", file, "--orgs", "a", "--exclude-orgs", "b").status == ExitStatus.usage)
    }
}
