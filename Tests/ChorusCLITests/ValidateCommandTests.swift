import ChorusCLI
import Foundation
import Testing

@Suite("chorus validate")
struct ValidateCommandTests {
    @Test func validExamplesExitZero() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.path("examples"))
            .filter { $0.hasSuffix(".json") }.sorted().map { "examples/\($0)" }
        let result = chorus(["validate"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("examples/checkout-investigating.json: valid (INC-2041, incident, investigating)"))
        #expect(chorus(["validate", "--quiet"] + files).stdout.isEmpty)
    }

    @Test func everyProblemIsPrintedWithFileLineAndColumn() {
        let broken = """
        {
          "id": "INC-9",
          "title": "x",
          "severty": "sev1",
          "status": "investigating",
          "startedAt": "2026-11-24T09:00:00Z",
          "lastUpdatedAt": "2026-11-24T09:00:00Z",
          "roles": { "incidentLead": "A" },
          "impact": { "summary": "s", "whoIsAffected": "w" }
        }
        """
        let result = chorus("validate", "-", stdin: broken)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("<stdin>:4:3: error: at $.severty: unknown key \"severty\" in the incident state. Did you mean \"severity\"?"))
        #expect(lines.contains { $0.hasPrefix("<stdin>:1:1: error: at $.severity: missing required key \"severity\"") })
    }

    @Test func malformedJSONFailsWithItsPosition() {
        let result = chorus("validate", "-", stdin: "{\n  \"id\": \"x\",\n  \"title\" \"y\"\n}")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:3:11: error: expected ':' after the key \"title\", found '\"'\n")
    }

    @Test func aMissingFileCouldNotBeCheckedExit2NotACrash() {
        let result = chorus("validate", "no/such/file.json")
        #expect(result.status == 2)
        #expect(result.stderr == "no/such/file.json: error: no such file\n")
    }

    @Test func noFilesIsAUsageError() {
        let result = chorus("validate")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Missing expected argument '<file> ...'\nUsage: chorus validate"))
        #expect(result.stderr.hasSuffix("See 'chorus validate --help' for more information.\n"))
    }

    @Test func validationWritesNothing() throws {
        let dir = try Repo.scratch()
        defer { withExtendedLifetime(dir) {} } // the folder lives until the test ends
        let file = dir.appendingPathComponent("s.json")
        try "{ \"id\": 1 }".write(to: file, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let contents = try Data(contentsOf: file)
        _ = chorus("validate", file.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == before)
        #expect(try Data(contentsOf: file) == contents)
    }

    @Test func schemaCommandPrintsTheSchema() {
        let result = chorus("schema")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
    }
}
