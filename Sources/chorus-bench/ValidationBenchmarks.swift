import ChorusCore
import Foundation

/// Decode + validate of each example: what `chorus validate` and every verb pay per state.
let validationBenchmarks = BenchmarkGroup(name: "validate") { root in
    let examples = root.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".json") }.sorted()
    var figures: [Figure] = []
    for name in names {
        let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        var sink = 0
        let nanoseconds = try Stopwatch.nanosecondsPerCall {
            let document = try StateDocument.load(text)
            sink &+= document.state.facts.count
        }
        precondition(sink >= 0)
        figures.append(Figure(
            name: "validate.decode_and_validate", value: nanoseconds / 1000, unit: "us/state",
            inputs: ["example": "examples/\(name)", "bytes": String(text.utf8.count)]
        ))
    }
    return figures
}
