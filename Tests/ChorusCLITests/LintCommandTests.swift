@testable import ChorusCLI
import Foundation
import Testing

/// `chorus lint`, run in process from the repository root (its audiences and phrasebook).
@Suite("chorus lint")
struct LintCommandTests {
    static let draft = """
        We suspect the database; a fix is expected within the hour.
        Next update in 30 minutes.
        """

    /// Removed when the test ends.
    let scratch: Scratch

    init() throws { scratch = try Repo.scratch() }

    func write(_ text: String) throws -> String {
        let file = scratch.appendingPathComponent("draft.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func textOutputNamesFileLineColumnSeverityCategoryRuleAndSuggestion() throws {
        let path = try write(Self.draft)
        let result = chorus("lint", path, "--audience", "customer")
        #expect(result.status == ExitStatus.failure)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):1:1: error: [speculation/speculation-cue] \"We suspect\" is speculation; state only what is confirmed (suggestion: say what is confirmed, or what is being checked)",
            "\(path):1:44: error: [eta/eta-estimate] \"within the hour\" is an estimate of when the problem will be fixed; say what is happening now and when the next update comes instead (suggestion: drop the estimate and give the next update time)",
        ])
        #expect(result.stderr == "\(path): 2 errors, 0 warnings\n")
    }

    /// A finding quotes the text; invisible and bidi characters in it are written as `\u{…}`,
    /// so a diagnostic line shows what is really there and cannot be reordered on screen.
    @Test func invisibleCharactersInQuotedTextAreEscaped() throws {
        let path = try write("It is pro\u{00AD}bably the network \u{202E}again.\nNext update in 30 minutes.\n")
        let result = chorus("lint", path, "--audience", "customer")
        #expect(result.status == ExitStatus.failure)
        #expect(result.stdout.contains("\"pro\\u{AD}bably\" is speculation"), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{00AD}" || $0 == "\u{202E}" })
    }

    /// With a cache folder, the first run keeps the compiled phrasebook there and later runs read
    /// it; the findings are the same either way, and with `off` nothing is written.
    @Test func theCompiledPhrasebookIsKeptInTheCacheFolder() throws {
        let path = try write(Self.draft)
        let cache = scratch.appendingPathComponent("cache")
        let plain = chorus("lint", path, "--audience", "customer")
        let first = chorus(["lint", path, "--audience", "customer"], environment: ["CHORUS_CACHE_DIR": cache.path])
        let kept = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("phrasebook-") }
        #expect(kept.count == 1)
        let second = chorus(["lint", path, "--audience", "customer"], environment: ["CHORUS_CACHE_DIR": cache.path])
        #expect(first.stdout == plain.stdout && second.stdout == plain.stdout && second.status == plain.status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("phrasebook-") } == kept)
        let off = scratch.appendingPathComponent("off")
        _ = chorus(["lint", path, "--audience", "customer"], environment: ["CHORUS_CACHE_DIR": "off", "XDG_CACHE_HOME": off.path])
        #expect(!FileManager.default.fileExists(atPath: off.path))
    }

    @Test func warningsPassUnlessStrict() throws {
        let path = try write(Self.draft)
        let relaxed = chorus("lint", path, "--audience", "engineering")
        #expect(relaxed.status == ExitStatus.success)
        #expect(relaxed.stdout.contains(": warning: [speculation/speculation-cue]"))
        let strict = chorus("lint", path, "--audience", "engineering", "--strict")
        #expect(strict.status == ExitStatus.failure)
        #expect(strict.stdout == relaxed.stdout)
    }

    @Test func cleanTextExitsZero() {
        let result = chorus("lint", "-", "--audience", "customer",
                            stdin: "Some customers cannot check out. We will post another update by 10:40 UTC.\n")
        #expect(result.status == ExitStatus.success)
        #expect(result.stdout == "")
        #expect(result.stderr == "<stdin>: no findings\n")
    }

    @Test func jsonOutputHasTheDocumentedKeysAndScalarOffsets() throws {
        // "Café" puts a two-byte scalar before the match: offsets count scalars, not bytes.
        let result = chorus("lint", "--audience", "support", "--format", "json",
                            stdin: "Café orders: probably a rollback.\nNext update in 30 minutes.")
        #expect(result.status == ExitStatus.failure)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Array(object.keys) == ["findings"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let keys: Set<String> = ["rule", "category", "severity", "message", "match", "start", "end", "line", "column", "suggestion"]
        for finding in findings { #expect(Set(finding.keys) == keys) }
        #expect(findings[0]["rule"] as? String == "speculation-cue")
        #expect(findings[0]["match"] as? String == "probably")
        #expect(findings[0]["start"] as? Int == 13)
        #expect(findings[0]["end"] as? Int == 21)
        #expect(findings[0]["line"] as? Int == 1)
        #expect(findings[0]["column"] as? Int == 14)
        #expect(findings[1]["category"] as? String == "jargon")
        #expect(findings[1]["suggestion"] as? String == "reversal of the recent change")
        // The text output of the same draft ends in the same places.
        let text = chorus("lint", "--audience", "support", stdin: "Café orders: probably a rollback.\nNext update in 30 minutes.")
        #expect(text.stdout.hasPrefix("<stdin>:1:14: error: [speculation/speculation-cue]"))
    }

    @Test func suggestionIsNullInJSONWhenThereIsNone() throws {
        let result = chorus("lint", "--audience", "customer", "--format", "json", stdin: "Errors came from payments-api.")
        #expect(result.stdout.contains("\"suggestion\": \"name the feature customers use instead\""))
        let none = chorus("lint", "--audience", "customer", "--format", "json", stdin: "All good. <!-- chorus-disable-line eta -->")
        #expect(none.stdout.contains("\"suggestion\": null"))
    }

    @Test func stateAddsComponentNamesWithTheirPublicNames() {
        let text = "Callbacks from payments-callback are failing.\nNext update in 30 minutes."
        let without = chorus("lint", "--audience", "customer", stdin: text)
        #expect(without.stdout.contains("[internal-name/internal-identifier]") == false)
        let with = chorus("lint", "--audience", "customer", "--state", "examples/checkout-identified.json", stdin: text)
        #expect(with.status == ExitStatus.failure)
        #expect(with.stdout == "<stdin>:1:16: error: [internal-name/component-name] 'payments-callback' is an internal component name; readers know it as 'Checkout' (suggestion: Checkout)\n")
        // Engineering sees internal names: the state's names are not looked for.
        let engineering = chorus("lint", "--audience", "engineering", "--state", "examples/checkout-identified.json", stdin: text)
        #expect(!engineering.stdout.contains("component-name"))
    }

    @Test func anInvalidStateIsReportedWithItsLocation() throws {
        let path = try write("{\n  \"id\": \"INC-1\",\n}\n")
        let result = chorus("lint", "--audience", "customer", "--state", path, stdin: "Hello.")
        #expect(result.status == ExitStatus.failure)
        #expect(result.stderr.contains("--state \(path) is not a valid state:\n\(path):3:1: error:"))
    }

    @Test func fixPrintsTheTextWithSubstitutionsAndNeverEditsTheFile() throws {
        let original = "We started a rollback after an API change.\nNext update in 30 minutes.\n"
        let path = try write(original)
        let result = chorus("lint", path, "--audience", "customer", "--fix")
        #expect(result.stdout == "We started a reversal of the recent change after a programming interface change.\nNext update in 30 minutes.\n")
        #expect(result.stderr.hasSuffix("\(path): applied 2 substitutions; no findings\n"))
        #expect(result.status == ExitStatus.success)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        // Ambiguous substitutes and inflected terms are reported, not rewritten.
        let partial = chorus("lint", "--audience", "customer", "--fix", stdin: "We rolled back the deploy.\nNext update in 30 minutes.")
        #expect(partial.stdout == "We rolled back the deploy.\nNext update in 30 minutes.")
        #expect(partial.status == ExitStatus.failure)
        #expect(partial.stderr.contains("<stdin>:1:4: error: [jargon/plain-language] \"rolled back\""))
    }

    @Test func fixAsJSONListsWhatWasAppliedAndWhatRemains() throws {
        let result = chorus("lint", "--audience", "customer", "--fix", "--format", "json",
                            stdin: "The rollback is probably done.\nNext update in 30 minutes.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "The reversal of the recent change is probably done.\nNext update in 30 minutes.")
        #expect((object["applied"] as? [[String: Any]])?.map { $0["match"] as? String } == ["rollback"])
        #expect((object["findings"] as? [[String: Any]])?.map { $0["match"] as? String } == ["probably"])
    }

    @Test func suppressionCommentsSilenceOneLineAndUnusedOnesAreReported() {
        let text = """
            We expect a fix within the hour. <!-- chorus-disable-line eta -->
            <!-- chorus-disable-next-line jargon -->
            Everything is back to normal.
            Next update in 30 minutes.
            """
        let result = chorus("lint", "--audience", "customer", stdin: text)
        #expect(result.stdout == "<stdin>:2:1: warning: [suppression/unused-suppression] 'chorus-disable-next-line jargon' suppressed nothing; remove it\n")
        #expect(result.status == ExitStatus.success)
        #expect(chorus("lint", "--audience", "customer", "--strict", stdin: text).status == ExitStatus.failure)
    }

    @Test func listRulesAndExplain() {
        let list = chorus("lint", "--list-rules")
        #expect(list.status == ExitStatus.success)
        for id in ["speculation-cue", "eta-estimate", "plain-language", "missing-cadence", "unused-suppression"] {
            #expect(list.stdout.contains("  \(id) "))
        }
        let explain = chorus("lint", "--explain", "eta-estimate")
        #expect(explain.status == ExitStatus.success)
        #expect(explain.stdout.hasPrefix("eta-estimate: ETA\nCategories: eta\n"))
        #expect(explain.stdout.contains("  • We expect a fix ↓within the hour.\n"))
        #expect(explain.stdout.contains("Non-triggering examples:\n  • Next update in about 45 minutes.\n"))
        let category = chorus("lint", "--explain", "internal-name")
        #expect(category.stdout.contains("internal-identifier: Internal identifier") && category.stdout.contains("host-address: Host or address"))
        let unknown = chorus("lint", "--explain", "eta-estimat")
        #expect(unknown.status == ExitStatus.usage)
        #expect(unknown.stderr.hasPrefix("Error: Unknown rule 'eta-estimat'\nDid you mean 'eta-estimate'?\n"))
    }

    @Test func usageErrorsExit64() {
        let missing = chorus("lint", "-", stdin: "Hello.")
        #expect(missing.status == ExitStatus.usage)
        #expect(missing.stderr.hasPrefix("Error: Missing '--audience <name>'"))
        let unknown = chorus("lint", "--audience", "custmer", stdin: "Hello.")
        #expect(unknown.status == ExitStatus.usage)
        #expect(unknown.stderr.hasPrefix("Error: Unknown audience 'custmer'\nDid you mean 'customer'?\n"))
        let format = chorus("lint", "--audience", "customer", "--format", "xml", stdin: "Hello.")
        #expect(format.status == ExitStatus.usage)
    }

    @Test func missingFileAndBrokenPhrasebookCouldNotRunExit2() throws {
        let missing = chorus("lint", "no-such-draft.md", "--audience", "customer")
        #expect(missing.status == ExitStatus.couldNotRun)
        #expect(missing.stderr.contains("no-such-draft.md: no such file"))
        let folder = try Repo.scratch()
        defer { withExtendedLifetime(folder) {} } // the folder lives until the test ends
        try "[substitution jargon]\nmessage: x\nrollback undo\n".write(to: folder.appendingPathComponent("jargon.txt"), atomically: true, encoding: .utf8)
        let broken = chorus("lint", "--audience", "customer", "--phrasebook", folder.path, stdin: "Hello.")
        #expect(broken.status == ExitStatus.couldNotRun)
        #expect(broken.stderr.contains("the phrasebook cannot be loaded:\n\(folder.path)/jargon.txt:3:14: error: expected '=>' and a plain substitute"))
    }
}
