import ChorusCore
import Foundation

/// Rendering (derive + template + lint) every applicable audience for one example, in process
/// and as a whole `chorus render --all` process.
let renderBenchmarks = BenchmarkGroup(name: "render") { root in
    let renderer = try DraftRenderer.load(audiences: root.appendingPathComponent("audiences"),
                                          phrasebook: root.appendingPathComponent("phrasebook"))
    let example = "examples/checkout-identified.json"
    let text = try String(contentsOf: root.appendingPathComponent(example), encoding: .utf8)
    let state = try StateDocument.load(text).state
    let clock = RenderClock(now: state.lastUpdatedAt.addingTimeInterval(900))
    let audiences = renderer.applicableAudiences(for: state)
    var bytes = 0
    let perAll = try Stopwatch.nanosecondsPerCall {
        bytes = 0
        for audience in audiences {
            bytes += try renderer.render(state, audience: audience.name, clock: clock).output.utf8.count
        }
    }
    var figures = [Figure(name: "render.all_audiences", value: perAll / 1000, unit: "us",
                          inputs: ["example": example, "audiences": String(audiences.count), "output_bytes": String(bytes),
                                   "includes": "derive + template + lint, default formats"])]
    let load = try Stopwatch.nanosecondsPerCall(seconds: 1) {
        _ = try DraftRenderer.load(audiences: root.appendingPathComponent("audiences"), phrasebook: root.appendingPathComponent("phrasebook"))
    }
    figures.append(Figure(name: "render.load_audiences_and_phrasebook", value: load / 1000, unit: "us",
                          inputs: ["audiences": String(renderer.catalog.audiences.count)]))
    if let chorus = ProcessTimer.chorusExecutable() {
        let ms = try ProcessTimer.medianMilliseconds(chorus, ["render", example, "--all", "--now", "2026-11-24T09:40:00Z"], directory: root)
        figures.append(Figure(name: "render.process_all", value: ms, unit: "ms",
                              inputs: ["command": "chorus render \(example) --all", "runs": "21 (median)"]))
    }
    return figures
}
