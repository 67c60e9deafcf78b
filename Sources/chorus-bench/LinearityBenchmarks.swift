import ChorusCore
import ChorusLint
import ChorusSupport
import ChorusTemplate
import Foundation

/// The cases issue 10 found quadratic, each timed at 1×, 2× and 4× its input: the figure is
/// the time, and `ratio_to_1x` shows the growth (linear: about 2 and 4; quadratic: 4 and 16).
let linearityBenchmarks = BenchmarkGroup(name: "linear") { root in
    var figures: [Figure] = []
    func series(_ name: String, unit: String, sizes: [Int], _ make: (Int) throws -> () throws -> Void) throws {
        var first: Double?
        for size in sizes {
            let body = try make(size)
            let ms = try Stopwatch.nanosecondsPerCall(seconds: 0.5, warmup: 1, body) / 1e6
            first = first ?? ms
            figures.append(Figure(name: "linear.\(name)", value: ms, unit: "ms",
                                  inputs: [unit: String(size), "ratio_to_1x": String(format: "%.2f", ms / (first ?? ms))]))
        }
    }
    let example = try StateDocument.load(String(contentsOf: root.appendingPathComponent("examples/checkout-investigating.json"), encoding: .utf8)).state
    let renderer = try DraftRenderer.load(audiences: root.appendingPathComponent("audiences"), phrasebook: root.appendingPathComponent("phrasebook"))
    let clock = RenderClock(now: example.lastUpdatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current)

    // --format slack on a 1/2/4 MB value (was 1.5/4.1/14.6 s).
    try series("slack_format", unit: "summary_bytes", sizes: [1_048_576, 2_097_152, 4_194_304]) { size in
        var state = example
        state.impact.summary = String(repeating: "Checkout is slow. ", count: size / 18)
        let document = DraftDocument.parse(try renderer.render(state, audience: "engineering", format: .text, clock: clock).source)
        return { _ = DraftWriter.slack(document) }
    }
    // The JSON parser's duplicate-key check (40,000 keys took 10 s).
    try series("json_duplicate_key_check", unit: "keys", sizes: [10_000, 20_000, 40_000]) { keys in
        let text = "{" + (0..<keys).map { "\"key\($0)\": \($0)" }.joined(separator: ", ") + "}"
        return { _ = try JSONParser.parse(text) }
    }
    // Partials that double at every level stop at the expansion limit instead of writing 2^25 copies.
    try series("partial_doubling_until_refused", unit: "levels", sizes: [26]) { levels in
        var sources = ["p\(levels - 1)": "x"]
        for level in 0..<(levels - 1) { sources["p\(level)"] = "{{>p\(level + 1)}}{{>p\(level + 1)}}" }
        let library = try TemplateLibrary(sources: sources)
        return { _ = try? library.render("p0", [:], escaping: .text) }
    }
    // Lint with a finding in every sentence of one long non-ASCII line (20,000 findings on one
    // 180 KB line took 2.8 s), and lint --fix (10 MB took 61 s).
    let everything = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }))
    try series("lint_findings_on_one_non_ascii_line", unit: "sentences", sizes: [5_000, 10_000, 20_000]) { count in
        let text = String(repeating: "Ça va — we probably fixed it. ", count: count)
        return { _ = renderer.linter.lint(text, policy: everything) }
    }
    // Memory held per finding of 1/2/4 MB of "probably " (116,511 findings a MB; about 1.5 KB per
    // finding, 1.7 GB for 10 MB, before findings shared their wording and the CLI streamed).
    for megabytes in [1, 2, 4] {
        let text = String(repeating: "probably ", count: megabytes * 1_048_576 / 9)
        guard let bytes = HeldMemory.bytesHeld(per: \.count, { renderer.linter.lint(text, policy: everything) }) else { break }
        figures.append(Figure(name: "linear.lint_findings_held_bytes_per_finding", value: bytes, unit: "bytes",
                              inputs: ["text_bytes": String(text.utf8.count), "finding_stride": String(MemoryLayout<Finding>.stride)]))
    }
    try series("lint_fix", unit: "sentences", sizes: [20_000, 40_000, 80_000]) { count in
        let text = String(repeating: "Ça va — the config is back. ", count: count)
        return { _ = renderer.linter.fix(text, policy: everything) }
    }
    // Every applicable audience in every format with a 256 KB / 512 KB / 1 MB summary
    // (render --all of a 10 MB summary took 93 s).
    try series("render_every_audience_and_format", unit: "summary_bytes", sizes: [262_144, 524_288, 1_048_576]) { size in
        var state = example
        state.impact.summary = String(repeating: "Checkout is slow. ", count: size / 18)
        return {
            for audience in renderer.applicableAudiences(for: state) {
                for format in audience.formats { _ = try? renderer.render(state, audience: audience.name, format: format, clock: clock) }
            }
        }
    }
    // chorus log's reading of the journal: 25,000 / 50,000 / 100,000 revisions.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-linear-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try series("log_entry_headers", unit: "revisions", sizes: [25_000, 50_000, 100_000]) { revisions in
        let journal = try BulkJournal.write(revisions: revisions, of: example, store: scratch.appendingPathComponent("r\(revisions)"))
        return { _ = try journal.entryHeaders() }
    }
    return figures
}
