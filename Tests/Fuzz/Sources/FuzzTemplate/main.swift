import ChorusSupport
import ChorusTemplate
import FuzzSupport

/// The Mustache engine. The input is parts separated by NUL bytes: JSON data, the main
/// template, then partials as "name\ntext". Every part parses or fails with a position; what
/// loads renders with every escaping, within the depth and expansion limits, never crashing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = text(data, size).split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2 else {
        _ = try? Template(parts.first ?? "")
        return 0
    }
    var sources = ["main": parts[1]]
    for part in parts.dropFirst(2) {
        let pieces = part.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        sources[String(pieces[0])] = pieces.count > 1 ? String(pieces[1]) : ""
    }
    let value = (try? JSONParser.parse(parts[0])).map(TemplateValue.init(json:)) ?? TemplateValue.string(parts[0])
    // One escaping per input (chosen by its size), so an input that expands up to the limit
    // (8 MB, slow under the sanitizer) is rendered twice, not eight times.
    let escaping = [TemplateEscaping.html, .text, .markdown, .slack][size % 4]
    for missing in [TemplateLibrary.MissingPartials.fail, .renderEmpty] {
        guard let library = try? TemplateLibrary(sources: sources, missingPartials: missing) else { continue }
        _ = try? library.render("main", value, escaping: escaping)
    }
    return 0
}
