import Foundation

/// One measured figure, printed as one JSON object per line:
/// `{"name":…,"value":…,"unit":…,"inputs":{…}}`.
struct Figure {
    var name: String
    var value: Double
    var unit: String
    var inputs: [String: String]

    var jsonLine: String {
        let object: [String: Any] = ["name": name, "value": (value * 1000).rounded() / 1000, "unit": unit, "inputs": inputs]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}

/// Runs and times closures; keeps results alive so the optimizer cannot drop the work.
struct Stopwatch {
    /// Runs `body` `warmup` times, then enough times to fill about `seconds`, and returns the
    /// median of several rounds in nanoseconds per call.
    static func nanosecondsPerCall(seconds: Double = 0.5, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<warmup { try body() }
        // Calibrate how many calls fit in a tenth of the budget.
        var calls = 1
        while true {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<calls { try body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            if elapsed > seconds * 1e9 / 10 || calls >= 1 << 24 { break }
            calls *= 2
        }
        var rounds: [Double] = []
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<calls { try body() }
            rounds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(calls))
        }
        rounds.sort()
        return rounds[rounds.count / 2]
    }
}

/// A group of benchmarks, selected on the command line by name.
struct BenchmarkGroup: Sendable {
    var name: String
    var run: @Sendable (_ root: URL) throws -> [Figure]
}

/// The package root, found from the working directory or this executable's location.
func packageRoot() -> URL {
    let fileManager = FileManager.default
    var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath)]
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    for start in candidates {
        var url = start
        for _ in 0..<8 {
            if fileManager.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               fileManager.fileExists(atPath: url.appendingPathComponent("examples").path) {
                return url
            }
            url.deleteLastPathComponent()
        }
    }
    return URL(fileURLWithPath: fileManager.currentDirectoryPath)
}
