import ChorusTemplate
import Foundation
import Testing

/// Partial expansion is bounded, and hard links are refused like symbolic links that leave
/// the template folder.
@Suite("Partials: bounded expansion, no hard links")
struct ExpansionLimitTests {
    /// Partials `p0` … `p<levels>` in `scratch`, each but the last including the next twice (the
    /// last is `leaf`): `p0` expands to 2^levels leaves.
    static func doublingPartials(levels: Int, leaf: String, in scratch: ScratchFolder) throws -> TemplateLibrary {
        for level in 0..<levels {
            try scratch.write("t/p\(level).mustache", "{{>p\(level + 1)}}{{>p\(level + 1)}}")
        }
        try scratch.write("t/p\(levels).mustache", leaf)
        return TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/t"]), missingPartials: .fail)
    }

    /// 26 partials, each including the next twice, would write 2^25 copies of the last one.
    /// The bound is proved with a 64 KB limit (the same code path as the default 8 MB, which
    /// a debug build takes tens of seconds to reach).
    @Test func partialsThatDoubleAtEveryLevelStopWithAClearError() throws {
        let scratch = try ScratchFolder()
        var library = try Self.doublingPartials(levels: 25, leaf: "x", in: scratch)
        library.expansionLimit = 64 * 1024
        _ = try library.load("p0")
        do {
            _ = try library.render("p0", [:], escaping: .text)
            Issue.record("the expansion was not bounded")
        } catch {
            guard case .expansionTooLarge(_, let limit) = error.kind else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(limit == 64 * 1024)
            #expect(error.message.contains("expanded partials to more than 64 KB of template text"), "\(error.message)")
            #expect(error.message.contains("grows exponentially"))
        }
    }

    /// Every library is bounded by 8 MB unless told otherwise, and says so in those words.
    @Test func theDefaultBoundIsEightMegabytes() throws {
        let library = TemplateLibrary(missingPartials: .fail)
        #expect(library.expansionLimit == TemplateLibrary.maximumExpansion)
        #expect(TemplateLibrary.maximumExpansion == 8 * 1_048_576)
        #expect(try TemplateLibrary(sources: ["a": "b"]).expansionLimit == TemplateLibrary.maximumExpansion)
        let error = TemplateError(.expansionTooLarge(what: "partial 'p1'", limit: TemplateLibrary.maximumExpansion), templateName: "p0",
                                  position: .start, lineText: "")
        #expect(error.message.hasPrefix("partial 'p1' expanded partials to more than 8 MB of template text in one render"))
    }

    /// The limit is the threshold: ten doubling levels (1,024 leaves, 2,047 partial expansions)
    /// render within the default bound and stop under a 1 KB one.
    @Test func theConfiguredLimitIsTheBound() throws {
        let scratch = try ScratchFolder()
        var library = try Self.doublingPartials(levels: 10, leaf: "x", in: scratch)
        _ = try library.load("p0")
        #expect(try library.render("p0", [:], escaping: .text) == String(repeating: "x", count: 1024))
        library.expansionLimit = 1024
        #expect(throws: TemplateError.self) { try library.render("p0", [:], escaping: .text) }
        // Exactly at its cost (1,024 bytes of text and 64 per expansion) it still renders.
        library.expansionLimit = 1024 + 2046 * TemplateLibrary.expansionCharge
        #expect(try library.render("p0", [:], escaping: .text).utf8.count == 1024)
        library.expansionLimit -= 1
        #expect(throws: TemplateError.self) { try library.render("p0", [:], escaping: .text) }
    }

    /// Partials that double down to a value (or to nothing) write no template text, yet each
    /// expansion counts: they stop at the limit instead of making 2^25 calls.
    @Test(arguments: ["{{name}}", ""])
    func partialsThatDoubleDownToAValueOrNothingStopToo(leaf: String) throws {
        let scratch = try ScratchFolder()
        var library = try Self.doublingPartials(levels: 25, leaf: leaf, in: scratch)
        library.expansionLimit = 64 * 1024
        _ = try library.load("p0")
        do {
            _ = try library.render("p0", ["name": .string("a value")], escaping: .text)
            Issue.record("the expansion was not bounded")
        } catch {
            guard case .expansionTooLarge = error.kind else {
                Issue.record("unexpected error \(error)")
                return
            }
        }
        // A real template's few partials, even over a long list, are far from the default limit.
        library.expansionLimit = TemplateLibrary.maximumExpansion
        try scratch.write("t/list.mustache", "{{#items}}{{>item}}{{/items}}")
        try scratch.write("t/item.mustache", "{{.}},")
        _ = try library.load("list")
        let items = (0..<10_000).map { TemplateValue.string("item \($0)") }
        let output = try library.render("list", ["items": .list(items)], escaping: .text)
        #expect(output.hasSuffix("item 9999,"))
    }

    /// Values do not count: a large value rendered through a partial is not an expansion.
    @Test func largeValuesThroughPartialsAreNotBounded() throws {
        let scratch = try ScratchFolder()
        try scratch.write("t/page.mustache", "{{>body}}")
        try scratch.write("t/body.mustache", "{{summary}}\n")
        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/t"]), missingPartials: .fail)
        _ = try library.load("page")
        let summary = String(repeating: "a", count: 10 * 1_048_576)
        let output = try library.render("page", ["summary": .string(summary)], escaping: .text)
        #expect(output.utf8.count == summary.utf8.count + 1)
    }

    @Test func aHardLinkedPartialIsRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("secret.mustache", "outside the folder")
        try scratch.write("t/page.mustache", "{{>inside}}")
        try FileManager.default.linkItem(atPath: scratch.path + "/secret.mustache", toPath: scratch.path + "/t/inside.mustache")
        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/t"]), missingPartials: .fail)
        do {
            _ = try library.load("page")
            Issue.record("a hard link was read")
        } catch {
            #expect(error.message.contains("hard link"), "\(error)")
        }
    }
}
