import ChorusSupport
import ChorusTemplate
import Foundation
import Testing

/// One test of the official Mustache spec (https://github.com/mustache/spec), read from
/// `<package root>/../shared/mustache-spec/*.json`.
struct SpecCase: Sendable, CustomTestStringConvertible {
    var file: String
    var name: String
    var summary: String
    var template: String
    var data: JSONNode
    var partials: [String: String]
    var expected: String

    var testDescription: String { "\(file): \(name)" }

    /// Everything needed to reproduce a failure by hand.
    func report(actual: String) -> String {
        var lines = ["\(file): \(name) — \(summary)"]
        lines.append("template: \(template.debugDescription)")
        lines.append("data:     \(TemplateValue(json: data))")
        if !partials.isEmpty {
            lines.append("partials: \(partials.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }.joined(separator: ", "))")
        }
        lines.append("expected: \(expected.debugDescription)")
        lines.append("actual:   \(actual.debugDescription)")
        return lines.joined(separator: "\n")
    }
}

enum MustacheSpec {
    /// The spec files every Mustache implementation must pass, plus the optional inheritance and
    /// dynamic-names modules (184 tests). Lambdas are run by hand in `LambdaSpecTests`.
    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~inheritance", "~dynamic-names",
    ]
    static let expectedCount = 184

    /// `<package root>/../shared/mustache-spec`: the package root is three levels above this file.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ChorusTemplateTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/mustache-spec")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("interpolation.json").path)
    }

    static let skipReason = "the Mustache spec is not at \(directory.path) (expected beside the package as shared/mustache-spec)"

    /// Every case of `files`; empty (with the reason printed) when the folder is absent.
    static let cases: [SpecCase] = {
        guard isAvailable else {
            print("Skipping the Mustache spec suite: \(skipReason)")
            return []
        }
        return files.flatMap { (try? load($0)) ?? [] }
    }()

    /// The tests of one spec file, as JSON nodes (lambdas keep their JSON description).
    static func load(_ file: String) throws -> [SpecCase] {
        let url = directory.appendingPathComponent(file + ".json")
        let data = try Data(contentsOf: url)
        let root = try JSONParser.parse(Array(data))
        guard let tests = root["tests"]?.elements else { throw SpecFileError(file: file, message: "no \"tests\" array") }
        return try tests.map { test in
            guard let name = test["name"]?.stringValue, let template = test["template"]?.stringValue,
                  let expected = test["expected"]?.stringValue, let data = test["data"] else {
                throw SpecFileError(file: file, message: "a test lacks name, template, expected or data")
            }
            var partials: [String: String] = [:]
            for member in test["partials"]?.members ?? [] {
                partials[member.key] = member.node.stringValue ?? ""
            }
            return SpecCase(file: file, name: name, summary: test["desc"]?.stringValue ?? "", template: template,
                            data: data, partials: partials, expected: expected)
        }
    }

    /// Renders a case the way the spec asks: HTML escaping, missing partials render as empty.
    static func render(_ spec: SpecCase, data: TemplateValue? = nil) throws -> String {
        let library = try TemplateLibrary(sources: spec.partials, missingPartials: .renderEmpty)
        let template = try Template(spec.template, name: spec.name)
        return try template.render(data ?? TemplateValue(json: spec.data), partials: library, escaping: .html)
    }
}

struct SpecFileError: Error, CustomStringConvertible {
    var file: String
    var message: String
    var description: String { "\(file).json: \(message)" }
}
