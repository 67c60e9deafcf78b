@testable import ChorusCLI
import Foundation
import Testing

@Suite("chorus mustache")
struct MustacheCommandTests {
    /// A scratch folder for one test, removed afterwards.
    final class Folder {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-mustache-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ text: String) throws {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func run(_ arguments: [String], in folder: Folder, stdin: String = "") -> ChorusCommandLine.Result {
        let bytes = Array(stdin.utf8)
        return ChorusCommandLine.run(["mustache"] + arguments, currentDirectory: folder.path, standardInput: { bytes })
    }

    @Test func rendersExactlyWithoutAddingANewline() throws {
        let folder = try Folder()
        try folder.write("t.mustache", "Hello {{name}}{{^name}}nobody{{/name}}!")
        try folder.write("d.json", #"{"name": "<Ann> & co"}"#)
        var result = run(["t.mustache", "d.json"], in: folder)
        #expect(result == ChorusCommandLine.Result(status: 0, stdout: "Hello &lt;Ann&gt; &amp; co!", stderr: ""))
        // Without data the view is an empty object.
        result = run(["t.mustache"], in: folder)
        #expect(result.stdout == "Hello nobody!")
        #expect(result.status == 0)
    }

    /// QA #20: a one-line template of 20,000 nested sections gave 240 KB of error output (the
    /// whole line as context); the context is a window around the column.
    @Test func anErrorOnAHugeLineShowsAWindowOfIt() throws {
        let folder = try Folder()
        let result = run(["-"], in: folder, stdin: String(repeating: "{{#a}}", count: 20_000))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:1:"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.utf8.count < 1_000, "\(result.stderr.utf8.count) bytes")
        try folder.write("d.json", "{\"a\": " + String(repeating: " ", count: 10_000) + "x}")
        let data = run(["-", "d.json"], in: folder, stdin: "{{a}}")
        #expect(data.status == 1)
        #expect(data.stderr.hasPrefix("d.json:1:10007: error:"), "\(data.stderr.prefix(300))")
        #expect(data.stderr.utf8.count < 1_000, "\(data.stderr.utf8.count) bytes")
    }

    @Test func dataOrTemplateFromStandardInput() throws {
        let folder = try Folder()
        try folder.write("t.mustache", "{{#items}}{{.}},{{/items}}\n")
        #expect(run(["t.mustache", "-"], in: folder, stdin: #"{"items": [1, 2.5, "x"]}"#).stdout == "1,2.5,x,\n")
        try folder.write("d.json", #"{"n": 3}"#)
        #expect(run(["-", "d.json"], in: folder, stdin: "n={{n}}").stdout == "n=3")
        let both = run(["-", "-"], in: folder)
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: TEMPLATE and DATA cannot both be read from standard input ('-').\nUsage: chorus mustache"))
    }

    @Test func escapingStrategies() throws {
        let folder = try Folder()
        try folder.write("t.mustache", "{{v}}|{{{v}}}")
        try folder.write("d.json", #"{"v": "<!channel> *hi* [x](http://e)"}"#)
        let expected = [
            "html": "&lt;!channel&gt; *hi* [x](http://e)|<!channel> *hi* [x](http://e)",
            "text": "<!channel> *hi* [x](http://e)|<!channel> *hi* [x](http://e)",
            "slack": "&lt;!channel&gt; *hi* [x](http://e)|<!channel> *hi* [x](http://e)",
            "markdown": "\\<\\!channel\\> \\*hi\\* \\[x\\]\\(http\u{2060}\\://e\\)|<!channel> *hi* [x](http://e)",
        ]
        for (escape, output) in expected {
            let result = run(["t.mustache", "d.json", "--escape", escape], in: folder)
            #expect(result.stdout == output, "\(escape)")
            #expect(result.status == 0)
        }
        let wrong = run(["t.mustache", "--escape", "slak"], in: folder)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("Did you mean 'slack'?"))
    }

    @Test func partialsFromTheTemplatesFolderOrPartialsOption() throws {
        let folder = try Folder()
        try folder.write("page.mustache", "<{{>header}}>\n  {{>list}}\n")
        try folder.write("header.mustache", "local header")
        try folder.write("list.mustache", "a\nb\n")
        try folder.write("shared/header.mustache", "shared header")
        try folder.write("shared/list.mustache", "c\n")
        #expect(run(["page.mustache"], in: folder).stdout == "<local header>\n  a\n  b\n")
        #expect(run(["page.mustache", "--partials", "shared"], in: folder).stdout == "<shared header>\n  c\n")
        // Repeated: the first folder that has the partial wins.
        try folder.write("audience/header.mustache", "audience header")
        #expect(run(["page.mustache", "--partials", "audience", "--partials", "shared"], in: folder).stdout == "<audience header>\n  c\n")
        let missing = run(["page.mustache", "--partials", "nowhere"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "nowhere: error: no such folder (given with --partials)\n")
    }

    @Test func aMissingPartialRendersEmptyWithAWarning() throws {
        let folder = try Folder()
        try folder.write("t.mustache", "[{{>absent}}] [{{>absent}}]")
        let result = run(["t.mustache"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "[] []")
        #expect(result.stderr.hasPrefix("t.mustache:1:2: warning: unknown partial 'absent'\n[{{>absent}}] [{{>absent}}]\n ^\nnote: 'absent' rendered as the empty string; partials are read from "))
        #expect(result.stderr.hasSuffix("/NAME.mustache\n"))
        #expect(result.stderr.components(separatedBy: "warning:").count == 2)
    }

    @Test func partialNamesLeavingTheFolderAreErrors() throws {
        let folder = try Folder()
        try folder.write("secret.mustache", "SECRET")
        try folder.write("site/t.mustache", "x{{>../secret}}")
        let result = run(["site/t.mustache"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("site/t.mustache:1:2: error: partial name '../secret' is not allowed: '..' is not allowed"))
    }

    @Test func templateErrorsAreReportedAsFileLineColumn() throws {
        let folder = try Folder()
        try folder.write("t.mustache", "Hello\n{{#facts}}\n- {{text}}\n{{/fact}}\n")
        let result = run(["t.mustache"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "t.mustache:4:1: error: closing tag '{{/fact}}' does not match '{{#facts}}' opened at 2:1\n{{/fact}}\n^\n")
    }

    @Test func dataErrorsAreReportedAsFileLineColumn() throws {
        let folder = try Folder()
        try folder.write("t.mustache", "{{a}}")
        try folder.write("d.json", "{\n  \"a\": 1,\n}\n")
        let result = run(["t.mustache", "d.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "d.json:3:1: error: trailing comma before '}' is not allowed in JSON\n}\n^\n")
        let stdin = run(["t.mustache", "-"], in: folder, stdin: "[1,")
        #expect(stdin.stderr.hasPrefix("<stdin>:1:4: error: "))
        let absent = run(["t.mustache", "nope.json"], in: folder)
        #expect(absent.status == 2)
        #expect(absent.stderr == "nope.json: error: no such file\n")
    }

    @Test func helpDescribesTheCommand() {
        let help = ChorusCommandLine.run(["mustache", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: chorus mustache <template> [<data>]"))
        #expect(help.stdout.contains("--escape <format>"))
        #expect(ChorusCommandLine.run(["--help"]).stdout.contains("mustache"))
    }

    // MARK: - Every spec case through the command line

    struct SpecCase: Sendable, CustomTestStringConvertible {
        var file: String
        var name: String
        var template: String
        var dataJSON: Data
        var partials: [String: String]
        var expected: String
        var testDescription: String { "\(file): \(name)" }
    }

    /// `<package root>/../shared/mustache-spec`, read with Foundation (the data is written back
    /// out as a JSON file for the command to read).
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    static var specAvailable: Bool { FileManager.default.fileExists(atPath: specFolder.appendingPathComponent("sections.json").path) }

    static let specCases: [SpecCase] = {
        guard specAvailable else {
            print("Skipping 'chorus mustache' spec cases: the Mustache spec is not at \(specFolder.path)")
            return []
        }
        var cases: [SpecCase] = []
        for file in ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"] {
            guard let data = try? Data(contentsOf: specFolder.appendingPathComponent(file + ".json")),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = root["tests"] as? [[String: Any]] else { continue }
            for test in tests {
                guard let name = test["name"] as? String, let template = test["template"] as? String,
                      let expected = test["expected"] as? String, let value = test["data"],
                      let json = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) else { continue }
                cases.append(SpecCase(file: file, name: name, template: template, dataJSON: json,
                                      partials: test["partials"] as? [String: String] ?? [:], expected: expected))
            }
        }
        return cases
    }()

    @Test(.enabled(if: specAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"))
    func everySpecCaseIsAvailable() {
        #expect(Self.specCases.count == 184)
    }

    @Test(.enabled(if: specAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"), arguments: specCases)
    func reproducesTheSpecCase(_ spec: SpecCase) throws {
        let folder = try Folder()
        try folder.write("template.mustache", spec.template)
        try Data(spec.dataJSON).write(to: URL(fileURLWithPath: folder.path).appendingPathComponent("data.json"))
        for (name, text) in spec.partials { try folder.write("partials/\(name).mustache", text) }
        try FileManager.default.createDirectory(atPath: folder.path + "/partials", withIntermediateDirectories: true)
        let result = run(["template.mustache", "data.json", "--partials", "partials"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == spec.expected, "template: \(spec.template.debugDescription)\nexpected: \(spec.expected.debugDescription)\nactual:   \(result.stdout.debugDescription)")
    }
}
