import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let calls = try callsFilling(seconds * 1e9 / 10, body)
        var rounds: [Double] = []
        for _ in 0..<7 { rounds.append(try round(calls, body)) }
        return median(rounds)
    }

    /// How many calls of `body` take longer than `nanoseconds` (doubling from one).
    private static func callsFilling(_ nanoseconds: Double, _ body: () throws -> Void) rethrows -> Int {
        var calls = 1
        while try round(calls, body) * Double(calls) <= nanoseconds, calls < 1 << 24 { calls *= 2 }
        return calls
    }

    /// Nanoseconds per call over `calls` calls of `body`.
    private static func round(_ calls: Int, _ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(calls)
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

extension Stopwatch {
    /// Times `first` and `second` in alternating rounds (about `seconds` in all) and returns the
    /// median nanoseconds per call of each and the median of the per-round ratios second/first:
    /// a paired measurement, steadier than two separate ones on a machine whose speed drifts.
    static func pairedNanosecondsPerCall(seconds: Double, warmup: Int = 2, _ first: () throws -> Void,
                                         _ second: () throws -> Void) rethrows -> (first: Double, second: Double, ratio: Double) {
        for _ in 0..<warmup {
            try first()
            try second()
        }
        // Calls per round: enough for about a fortieth of the budget per side.
        let calls = try callsFilling(seconds * 1e9 / 40, first)
        var firstTimes: [Double] = [], secondTimes: [Double] = [], ratios: [Double] = []
        for _ in 0..<15 {
            let a = try round(calls, first)
            let b = try round(calls, second)
            firstTimes.append(a)
            secondTimes.append(b)
            ratios.append(b / a)
        }
        return (median(firstTimes), median(secondTimes), median(ratios))
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

/// Whole-process timing: runs an executable repeatedly and reports the median wall time.
enum ProcessTimer {
    /// The `chorus` executable built beside this benchmark.
    static func chorusExecutable() -> URL? {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = here.appendingPathComponent("chorus")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Median milliseconds of `runs` runs (after one warm-up run), output discarded. Spawns with
    /// posix_spawn and reaps with waitpid: Foundation's Process polls for exit, which adds tens
    /// of milliseconds of its own to every run.
    /// `environment` is added to (or overrides) the benchmark's own.
    static func medianMilliseconds(_ executable: URL, _ arguments: [String], directory: URL, runs: Int = 21,
                                   acceptedStatuses: Set<Int32> = [0], environment: [String: String] = [:]) throws -> Double {
        var samples: [Double] = []
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        for run in 0...runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let status = try spawnAndWait(executable.path, arguments, environment: environment)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            guard acceptedStatuses.contains(status) else {
                throw Failure(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(status)")
            }
            if run > 0 { samples.append(elapsed) }
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Runs `path` with `arguments`, standard output and error to /dev/null; returns the exit status.
    static func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else { throw Failure(description: "cannot start \(path): \(String(cString: strerror(result)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { throw Failure(description: "waitpid failed: \(String(cString: strerror(errno)))") }
        }
        return (status >> 8) & 0xFF
    }
}
