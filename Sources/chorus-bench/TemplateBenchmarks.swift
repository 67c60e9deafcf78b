import ChorusSupport
import ChorusTemplate
import Foundation

/// The Mustache engine on a realistic status update: a 2 KB HTML template with sections,
/// inverted sections, three partials and about 30 interpolations, over a 3.6 KB JSON view
/// (`.ci/bench/template/`, the same fixture `.ci/bench/MustacheComparison` renders with
/// hummingbird-project/swift-mustache).
let templateBenchmarks = BenchmarkGroup(name: "template") { root in
    let fixture = try TemplateFixture(root: root)
    var figures: [Figure] = []
    let inputs = [
        "fixture": TemplateFixture.folder,
        "template_bytes": String(fixture.templateBytes),
        "view_bytes": String(fixture.viewBytes),
        "output_bytes": String(fixture.expectedOutput.utf8.count),
    ]

    var sink = 0
    let parse = try Stopwatch.nanosecondsPerCall {
        let library = try TemplateLibrary(sources: fixture.sources)
        sink &+= library.templates.count
    }
    figures.append(Figure(name: "template.parse", value: parse, unit: "ns/parse", inputs: inputs))

    let render = try Stopwatch.nanosecondsPerCall {
        let output = try fixture.library.render(TemplateFixture.main, fixture.view)
        sink &+= output.utf8.count
    }
    precondition(sink > 0)
    figures.append(Figure(name: "template.render", value: render, unit: "ns/render", inputs: inputs))
    let megabytesPerSecond = Double(fixture.expectedOutput.utf8.count) / render * 1e9 / 1_000_000
    figures.append(Figure(name: "template.render_throughput", value: megabytesPerSecond, unit: "MB/s", inputs: inputs))

    let view = try Stopwatch.nanosecondsPerCall {
        let value = TemplateValue(json: try JSONParser.parse(fixture.viewText))
        if case .object(let members) = value { sink &+= members.count }
    }
    figures.append(Figure(name: "template.view_from_json", value: view, unit: "ns/view", inputs: inputs))
    return figures
}

/// The benchmark's template, partials and view, read and checked once.
struct TemplateFixture {
    static let folder = ".ci/bench/template"
    static let main = "status-update"

    let sources: [String: String]
    let library: TemplateLibrary
    let viewText: String
    let view: TemplateValue
    let expectedOutput: String

    var templateBytes: Int { sources.values.reduce(0) { $0 + $1.utf8.count } }
    var viewBytes: Int { viewText.utf8.count }

    init(root: URL) throws {
        let folder = root.appendingPathComponent(TemplateFixture.folder)
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        self.sources = sources
        library = try TemplateLibrary(sources: sources)
        viewText = try String(contentsOf: folder.appendingPathComponent("view.json"), encoding: .utf8)
        view = TemplateValue(json: try JSONParser.parse(viewText))
        expectedOutput = try library.render(TemplateFixture.main, view)
    }
}
