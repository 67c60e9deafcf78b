import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// The published JSON Schema and `chorus validate` judge every file alike: each rule is decided
/// once and both say it. Every mutation runs through Chorus's validation and through an
/// independent draft 2020-12 evaluator of the generated schema (and, where Python's
/// `jsonschema` is installed, through it too, with format assertion).
@Suite("The JSON Schema and validate agree")
struct SchemaAgreementTests {
    struct Mutation: Sendable, CustomTestStringConvertible {
        var name: String
        var example: String
        var replace: String
        var with: String
        var valid: Bool
        var testDescription: String { "\(name) (\(valid ? "valid" : "invalid"))" }
    }

    static let investigating = "checkout-investigating.json"
    static let resolved = "search-resolved.json"
    static let id = "\"id\": \"INC-2041\","

    static let mutations: [Mutation] = [
        Mutation(name: "second 60", example: investigating, replace: "08:52:00Z", with: "08:52:60Z", valid: false),
        Mutation(name: "no seconds", example: investigating, replace: "\"2026-11-24T08:52:00Z\"", with: "\"2026-11-24T08:52Z\"", valid: false),
        Mutation(name: "offset without a colon", example: investigating, replace: "\"2026-11-24T08:52:00Z\"", with: "\"2026-11-24T09:52:00+0100\"", valid: false),
        Mutation(name: "offset with a colon", example: investigating, replace: "\"2026-11-24T08:52:00Z\"", with: "\"2026-11-24T09:52:00+01:00\"", valid: true),
        Mutation(name: "a space instead of T", example: investigating, replace: "\"2026-11-24T08:52:00Z\"", with: "\"2026-11-24 08:52:00Z\"", valid: false),
        Mutation(name: "a lower-case t", example: investigating, replace: "\"2026-11-24T08:52:00Z\"", with: "\"2026-11-24t08:52:00Z\"", valid: false),
        Mutation(name: "a fraction of a second", example: investigating, replace: "\"2026-11-24T08:52:00Z\"", with: "\"2026-11-24T08:52:00.250Z\"", valid: true),
        Mutation(name: "HTTPS:// link", example: investigating, replace: "\"https://grafana", with: "\"HTTPS://grafana", valid: true),
        Mutation(name: "a link with a space", example: investigating, replace: "d/payments\"", with: "d/pay ments\"", valid: false),
        Mutation(name: "ftp link", example: investigating, replace: "\"https://grafana", with: "\"ftp://grafana", valid: false),
        Mutation(name: "$schema not a string", example: investigating, replace: "\"$schema\": \"schema/incident-state.schema.json\"", with: "\"$schema\": 5", valid: false),
        Mutation(name: "misspelled $schema", example: investigating, replace: "\"$schema\":", with: "\"$shema\":", valid: false),
        Mutation(name: "blank title", example: investigating, replace: "\"title\": \"Card payments failing at checkout\"", with: "\"title\": \"   \"", valid: false),
        Mutation(name: "blank fact id", example: investigating, replace: "\"id\": \"F1\"", with: "\"id\": \" \"", valid: false),
        Mutation(name: "empty follow-up owner", example: resolved, replace: "\"owner\": \"Jules Martin\"", with: "\"owner\": \"\"", valid: false),
        Mutation(name: "30.0 minutes", example: resolved, replace: "\"monitoringPeriodMinutes\": 60", with: "\"monitoringPeriodMinutes\": 30.0", valid: true),
        Mutation(name: "3e1 minutes", example: resolved, replace: "\"monitoringPeriodMinutes\": 60", with: "\"monitoringPeriodMinutes\": 3e1", valid: true),
        Mutation(name: "30.5 minutes", example: resolved, replace: "\"monitoringPeriodMinutes\": 60", with: "\"monitoringPeriodMinutes\": 30.5", valid: false),
        Mutation(name: "0 minutes", example: resolved, replace: "\"monitoringPeriodMinutes\": 60", with: "\"monitoringPeriodMinutes\": 0", valid: false),
        Mutation(name: "a due date without zero padding", example: resolved, replace: "\"due\": \"2026-12-02\"", with: "\"due\": \"2026-12-2\"", valid: false),
        Mutation(name: "an unknown status", example: investigating, replace: "\"status\": \"investigating\"", with: "\"status\": \"degraded\"", valid: false),
        Mutation(name: "unchanged", example: investigating, replace: "\"id\"", with: "\"id\"", valid: true),
    ]

    static func text(_ m: Mutation) throws -> String {
        let original = try Repository.text(Repository.examples.appendingPathComponent(m.example))
        let text = original.replacingOccurrences(of: m.replace, with: m.with)
        guard text != original || m.replace == m.with else { throw CancellationError() }
        return text
    }

    static func validateAccepts(_ text: String) -> Bool {
        (try? StateDocument.load(text)) != nil
    }

    @Test(arguments: mutations)
    func chorusAndTheSchemaJudgeAlike(_ m: Mutation) throws {
        let text = try Self.text(m)
        let schema = try JSONSchemaEvaluator(schema: IncidentStateSchema.document())
        let schemaErrors = schema.errors(in: try JSONParser.parse(text))
        #expect(Self.validateAccepts(text) == m.valid, "chorus validate")
        #expect(schemaErrors.isEmpty == m.valid, "the JSON Schema: \(schemaErrors)")
    }

    @Test func aMisspelledSchemaKeyGetsDidYouMean() throws {
        let text = try Self.text(Self.mutations.first { $0.name == "misspelled $schema" }!)
        do {
            _ = try StateDocument.load(text)
            Issue.record("a misspelled $schema key is refused")
        } catch {
            #expect(error.formatted(file: "f").contains { $0.contains("unknown key \"$shema\" in the incident state. Did you mean \"$schema\"?") })
        }
    }

    /// The same mutations through Python's `jsonschema` (Draft202012Validator with format
    /// checking), when it is installed; a fresh machine with only Swift skips this part.
    @Test func aRealDraft202012ValidatorAgrees() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import jsonschema"]
        probe.standardError = FileHandle.nullDevice
        do { try probe.run(); probe.waitUntilExit() } catch {
            print("skipped: python3 is not installed, so the draft 2020-12 cross-check with jsonschema does not run")
            return
        }
        guard probe.terminationStatus == 0 else {
            print("skipped: Python's jsonschema is not installed, so the draft 2020-12 cross-check does not run")
            return
        }
        let scratch = try ScratchFolder(prefix: "chorus-schema")
        defer { withExtendedLifetime(scratch) {} }
        let schemaFile = scratch.url.appendingPathComponent("schema.json")
        try Data(IncidentStateSchema.document().utf8).write(to: schemaFile)
        var files: [String] = []
        for (index, m) in Self.mutations.enumerated() {
            let file = scratch.url.appendingPathComponent("m\(index).json")
            try Data(try Self.text(m).utf8).write(to: file)
            files.append(file.path)
        }
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for path in sys.argv[2:]:
            print("valid" if validator.is_valid(json.load(open(path))) else "invalid")
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaFile.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let verdicts = output.split(separator: "\n").map(String.init)
        #expect(verdicts.count == Self.mutations.count)
        for (m, verdict) in zip(Self.mutations, verdicts) {
            #expect(verdict == (m.valid ? "valid" : "invalid"), "jsonschema on \(m.name)")
            #expect(Self.validateAccepts(try Self.text(m)) == (verdict == "valid"), "chorus validate on \(m.name)")
        }
    }
}
