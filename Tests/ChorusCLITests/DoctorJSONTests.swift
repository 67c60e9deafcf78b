@testable import ChorusCLI
import ChorusSupport
import Foundation
import Testing

/// `chorus doctor --format json`: every problem as a structured value with its place, usage
/// errors as JSON too, the same exit statuses as in text mode.
@Suite("chorus doctor --format json")
struct DoctorJSONTests {
    static func number(_ node: JSONNode?) -> Int? {
        guard case .number(let value, _)? = node?.value else { return nil }
        return Int(exactly: value)
    }

    /// The JSON problems of `result` as (file, line, column, path, message) tuples.
    static func problems(_ result: ChorusCommandLine.Result) throws -> [JSONNode] {
        try #require(try JSONParser.parse(result.stdout)["problems"]?.elements)
    }

    @Test func aCleanWorkspaceHasNoProblemsAndItsChecks() throws {
        try ScratchFolder.with { folder in
            #expect(chorus(["init"], directory: folder.path).status == 0)
            let result = chorus(["doctor", "--format", "json"], directory: folder.path)
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stderr.isEmpty)
            let report = try JSONParser.parse(result.stdout)
            #expect(Self.number(report["errors"]) == 0 && Self.number(report["warnings"]) == 0)
            #expect(report["problems"]?.elements?.isEmpty == true)
            let checks = try #require(report["checks"]?.elements)
            #expect(checks.contains { $0["status"]?.stringValue == "ok" && $0["message"]?.stringValue == "workspace \(folder.path): \(folder.path)/chorus.json (time zone UTC)" },
                    "\(result.stdout)")
            #expect(checks.contains { $0["message"]?.stringValue?.hasPrefix("store: \(folder.path)/.chorus (0 incidents") == true })
        }
    }

    /// The text test's broken template, bad config and phrasebook, each with file, line, column.
    @Test func everyProblemHasItsFileLineAndColumn() throws {
        try ScratchFolder.with { folder in
            #expect(chorus(["init", "--customize", "audiences,phrasebook"], directory: folder.path).status == 0)
            try folder.at("audiences/support/template.mustache").write("# {{title}}\n\n{{#status.isOpen}}\nStill open.\n")
            let config = try String(contentsOf: folder.at("chorus.json"), encoding: .utf8)
            try folder.at("chorus.json").write(config.replacingOccurrences(of: "\"timeZone\": \"UTC\"", with: "\"timeZone\": \"Mars/Olympus\""))
            try folder.at("phrasebook/jargon.txt").write("[substitution jargon]\nmessage: jargon\nthundering herd\n")
            let result = chorus(["doctor", "--format", "json"], directory: folder.path)
            #expect(result.status == 1)
            let problems = try Self.problems(result)
            #expect(Self.number(try JSONParser.parse(result.stdout)["errors"]) == problems.count)
            let zone = try #require(problems.first { $0["path"]?.stringValue == "$.timeZone" }, "\(result.stdout)")
            #expect(zone["severity"]?.stringValue == "error")
            #expect(zone["file"]?.stringValue == folder.at("chorus.json").path)
            #expect(Self.number(zone["line"]) == 3 && Self.number(zone["column"]) == 15)
            #expect(zone["message"]?.stringValue == "unknown time zone \"Mars/Olympus\"; expected an IANA name such as UTC or Europe/Berlin")
            let template = try #require(problems.first { $0["file"]?.stringValue == folder.at("audiences/support/template.mustache").path }, "\(result.stdout)")
            #expect(Self.number(template["line"]) == 3 && Self.number(template["column"]) == 1)
            #expect(template["message"]?.stringValue?.contains("never closed") == true)
            let phrasebook = try #require(problems.first { $0["file"]?.stringValue == folder.at("phrasebook/jargon.txt").path }, "\(result.stdout)")
            #expect(Self.number(phrasebook["line"]) ?? 0 >= 1 && Self.number(phrasebook["column"]) ?? 0 >= 1)
        }
    }

    /// A journal problem has its line (a journal line has no column).
    @Test func aForgedJournalLineHasItsLine() throws {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        #expect(h.run(["note", "INC-2041", "a second entry"]).status == 0)
        let file = URL(fileURLWithPath: h.store).appendingPathComponent("incidents/INC-2041/journal.jsonl")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        // An edited first line: the second line's hash of it no longer matches.
        lines[0] = lines[0].replacingOccurrences(of: "\"author\":\"dana\"", with: "\"author\":\"dane\"")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let result = chorus(["doctor", "--store", h.store, "--format", "json"])
        #expect(result.status == 1)
        let problem = try #require(try Self.problems(result).first { $0["file"]?.stringValue == file.path }, "\(result.stdout)")
        #expect(Self.number(problem["line"]) == 2 && problem["column"] == nil)
        #expect(problem["message"]?.stringValue?.hasSuffix("(chorus verify INC-2041)") == true)
    }

    @Test func usageErrorsAreJSONToo() throws {
        let unknown = chorus(["doctor", "--format", "json", "--stor", "x"])
        #expect(unknown.status == 64)
        #expect(try JSONParser.parse(unknown.stdout)["error"]?["kind"]?.stringValue == "usage", "\(unknown.stdout)")
        let format = chorus(["doctor", "--format", "yaml"])
        #expect(format.status == 64 && format.stderr.contains("yaml"), "\(format.stderr)")
    }

    /// Lookups that throw a printed diagnostic are taken apart, and print back unchanged.
    @Test(arguments: [
        ("/w/chorus.json:4:17: error: at $.audiences: the audiences folder /w/a does not exist", "/w/chorus.json", 4, 17, "$.audiences"),
        ("error: no audiences folder found", nil, nil, nil, nil),
        ("/w/odd:name: error: something", "/w/odd:name", nil, nil, nil),
    ] as [(String, String?, Int?, Int?, String?)])
    func diagnosticsAreTakenApart(text: String, file: String?, line: Int?, column: Int?, path: String?) {
        let finding = DoctorFinding(diagnostic: text)
        #expect(finding.text == text)
        #expect(finding.kind == .error && finding.file == file && finding.line == line && finding.column == column && finding.path == path)
    }
}
