import Foundation

// chorus-bench: prints one JSON object per line: name, value, unit, inputs.
// Run with `swift run -c release chorus-bench [GROUP ...]`; with no group, every group runs.
// Each group lives in its own file; add yours to this list.
let groups: [BenchmarkGroup] = [
    validationBenchmarks,
    templateBenchmarks,
    lintBenchmarks,
    lintLoopBenchmarks,
    renderBenchmarks,
    journalBenchmarks,
    linearityBenchmarks,
]

let wanted = Set(CommandLine.arguments.dropFirst())
let unknown = wanted.subtracting(groups.map(\.name))
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("chorus-bench: unknown group(s) \(unknown.sorted().joined(separator: ", ")); groups: \(groups.map(\.name).joined(separator: ", "))\n".utf8))
    exit(64)
}
#if DEBUG
FileHandle.standardError.write(Data("chorus-bench: this is a debug build; figures are only meaningful with -c release\n".utf8))
#endif
let root = packageRoot()
var failed = false
for group in groups where wanted.isEmpty || wanted.contains(group.name) {
    do {
        for figure in try group.run(root) { print(figure.jsonLine) }
    } catch {
        FileHandle.standardError.write(Data("chorus-bench: \(group.name) failed: \(error)\n".utf8))
        failed = true
    }
}
exit(failed ? 1 : 0)
