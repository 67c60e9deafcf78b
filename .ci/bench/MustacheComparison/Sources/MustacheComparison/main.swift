import ChorusSupport
import ChorusTemplate
import Foundation
import Mustache

// Renders ../template/status-update.mustache (with its partials) over ../template/view.json
// with both engines, checks the outputs are identical, then times parsing and rendering.
// Prints a table, then one JSON object per figure (the format chorus-bench uses).

let fixture = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // MustacheComparison (sources)
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // MustacheComparison (package)
    .deletingLastPathComponent()  // bench
    .appendingPathComponent("template")
let main = "status-update"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("MustacheComparison: \(message)\n".utf8))
    exit(1)
}

let sources: [String: String] = {
    var sources: [String: String] = [:]
    do {
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.path) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOf: fixture.appendingPathComponent(file), encoding: .utf8)
        }
    } catch {
        fail("cannot read the fixture at \(fixture.path): \(error)")
    }
    return sources
}()
guard let viewText = try? String(contentsOf: fixture.appendingPathComponent("view.json"), encoding: .utf8),
      let viewNode = try? JSONParser.parse(viewText) else {
    fail("cannot read \(fixture.path)/view.json")
}

/// The JSON as the plain Swift values swift-mustache renders (it reads them through Mirror and
/// `[String: Any]` lookups).
func plain(_ value: JSONValue) -> Any {
    switch value {
    case .null: return Optional<String>.none as Any
    case .bool(let flag): return flag
    case .string(let text): return text
    case .number(let number, let text):
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let whole = Int(text) { return whole }
        return number
    case .array(let elements): return elements.map { plain($0.value) }
    case .object(let members):
        var object: [String: Any] = [:]
        for member in members { object[member.key] = plain(member.node.value) }
        return object
    }
}

// Chorus
let chorusView = TemplateValue(json: viewNode)
let chorusLibrary: TemplateLibrary
do { chorusLibrary = try TemplateLibrary(sources: sources) } catch { fail("chorus: \(error)") }
let chorusOutput: String
do { chorusOutput = try chorusLibrary.render(main, chorusView) } catch { fail("chorus: \(error)") }

// swift-mustache
let hummingbirdView = plain(viewNode.value)
func hummingbirdLibrary(_ sources: [String: String]) throws -> MustacheLibrary {
    var templates: [String: MustacheTemplate] = [:]
    for (name, text) in sources { templates[name] = try MustacheTemplate(string: text) }
    return MustacheLibrary(templates: templates)
}
let hbLibrary: MustacheLibrary
do { hbLibrary = try hummingbirdLibrary(sources) } catch { fail("swift-mustache: \(error)") }
guard let hummingbirdOutput = hbLibrary.render(hummingbirdView, withTemplate: main) else { fail("swift-mustache rendered nothing") }

guard chorusOutput == hummingbirdOutput else {
    let a = chorusOutput.split(separator: "\n", omittingEmptySubsequences: false)
    let b = hummingbirdOutput.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
        fail("outputs differ at line \(index + 1):\n  chorus:        \(index < a.count ? String(a[index]) : "<end>")\n  swift-mustache: \(index < b.count ? String(b[index]) : "<end>")")
    }
    fail("outputs differ")
}

/// Median of seven rounds, each long enough (about 50 ms) to swamp timer noise.
func nanosecondsPerCall(_ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<3 { try body() }
    var calls = 1
    while true {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        if Double(DispatchTime.now().uptimeNanoseconds - start) > 5e7 || calls >= 1 << 24 { break }
        calls *= 2
    }
    var rounds: [Double] = []
    for _ in 0..<7 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        rounds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(calls))
    }
    return rounds.sorted()[3]
}

var sink = 0
let chorusParse = try nanosecondsPerCall { sink &+= try TemplateLibrary(sources: sources).templates.count }
let hummingbirdParse = try nanosecondsPerCall { sink &+= try hummingbirdLibrary(sources).getTemplate(named: main) == nil ? 0 : 1 }
let chorusRender = try nanosecondsPerCall { sink &+= try chorusLibrary.render(main, chorusView).utf8.count }
let hummingbirdRender = nanosecondsPerCall { sink &+= hbLibrary.render(hummingbirdView, withTemplate: main)?.utf8.count ?? 0 }
precondition(sink != 0)

let outputBytes = Double(chorusOutput.utf8.count)
func megabytesPerSecond(_ nanoseconds: Double) -> Double { outputBytes / nanoseconds * 1e9 / 1_000_000 }
let templateBytes = sources.values.reduce(0) { $0 + $1.utf8.count }

#if DEBUG
print("(debug build: figures are only meaningful with -c release)")
#endif
print("template \(templateBytes) bytes (4 files), view \(viewText.utf8.count) bytes, output \(Int(outputBytes)) bytes; outputs identical")
print("")
print("                     chorus   swift-mustache 2.1.1   speed-up")
print(String(format: "parse  (ns/parse)  %9.0f   %20.0f   %7.2fx", chorusParse, hummingbirdParse, hummingbirdParse / chorusParse))
print(String(format: "render (ns/render) %9.0f   %20.0f   %7.2fx", chorusRender, hummingbirdRender, hummingbirdRender / chorusRender))
print(String(format: "render (MB/s)      %9.1f   %20.1f", megabytesPerSecond(chorusRender), megabytesPerSecond(hummingbirdRender)))
print("")
let inputs = "{\"template_bytes\":\(templateBytes),\"view_bytes\":\(viewText.utf8.count),\"output_bytes\":\(Int(outputBytes))}"
for (name, value, unit) in [
    ("compare.chorus.parse", chorusParse, "ns/parse"), ("compare.swift_mustache.parse", hummingbirdParse, "ns/parse"),
    ("compare.chorus.render", chorusRender, "ns/render"), ("compare.swift_mustache.render", hummingbirdRender, "ns/render"),
    ("compare.render_speedup", hummingbirdRender / chorusRender, "x"), ("compare.parse_speedup", hummingbirdParse / chorusParse, "x"),
] {
    print("{\"inputs\":\(inputs),\"name\":\"\(name)\",\"unit\":\"\(unit)\",\"value\":\(String(format: "%.3f", value))}")
}
