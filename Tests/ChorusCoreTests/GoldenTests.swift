import ChorusCore
import Foundation
import Testing

/// Every example × applicable audience (and the review's draft of an open incident) in text, in the JSON envelope and in the audience's own
/// format (Markdown, Slack Block Kit, Statuspage), compared with the
/// files under Tests/ChorusCoreTests/Golden, so a wording change is a reviewed diff.
/// Regenerate with: CHORUS_UPDATE_GOLDEN=1 swift test --filter GoldenTests
@Suite("Golden drafts")
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let update = ProcessInfo.processInfo.environment["CHORUS_UPDATE_GOLDEN"] == "1"

    @Test(arguments: Repository.exampleFiles().map(\.lastPathComponent))
    func draftsMatchTheirGoldenFiles(example: String) throws {
        let renderer = try Shipped.renderer()
        let state = try Shipped.state(example)
        let stem = String(example.dropLast(".json".count))
        for audience in Self.drafted(renderer, state) {
            for (format, ext) in Self.formats(for: audience) {
                let draft = try renderer.render(state, audience: audience.name, format: format, clock: Shipped.clock(for: state))
                let file = Self.folder.appendingPathComponent(stem).appendingPathComponent("\(audience.name).\(ext)")
                let actual = draft.output + "\n"
                if Self.update {
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try actual.write(to: file, atomically: true, encoding: .utf8)
                    continue
                }
                let expected = try? String(contentsOf: file, encoding: .utf8)
                #expect(expected == actual, "\(stem)/\(audience.name).\(ext) differs; review the change and regenerate with CHORUS_UPDATE_GOLDEN=1 swift test --filter GoldenTests")
            }
        }
    }

    /// Every audience that gets a message for `state`, and those that take a draft before they
    /// do (the review of an open incident, marked as a draft).
    static func drafted(_ renderer: DraftRenderer, _ state: IncidentState) -> [Audience] {
        renderer.catalog.audiences.filter { $0.drafts(state) }
    }

    /// Text and the JSON envelope for every audience, and the audience's own format when it is
    /// another one (Markdown, Slack, …), plus the Statuspage body for customers.
    static func formats(for audience: Audience) -> [(OutputFormat, String)] {
        var formats: [(OutputFormat, String)] = [(.text, "txt"), (.json, "json")]
        let extensions: [OutputFormat: String] = [.markdown: "md", .html: "html", .slack: "slack.json", .statuspage: "statuspage.json"]
        if let ext = extensions[audience.defaultFormat] { formats.append((audience.defaultFormat, ext)) }
        if audience.formats.contains(.statuspage), audience.defaultFormat != .statuspage { formats.append((.statuspage, "statuspage.json")) }
        return formats
    }

    @Test func everyGoldenFileBelongsToADraft() throws {
        let renderer = try Shipped.renderer()
        var expected = Set<String>()
        for file in Repository.exampleFiles() {
            let state = try Shipped.state(file.lastPathComponent)
            let stem = String(file.lastPathComponent.dropLast(".json".count))
            for audience in Self.drafted(renderer, state) {
                for (_, ext) in Self.formats(for: audience) { expected.insert("\(stem)/\(audience.name).\(ext)") }
            }
        }
        let enumerator = FileManager.default.enumerator(atPath: Self.folder.path)
        var found = Set<String>()
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue { found.insert(path) }
        }
        #expect(found == expected, "stale or missing golden files")
    }
}
