import ChorusCore
import Foundation
import Testing

/// Nothing outside the audiences folder is read through it: not through a symbolic link, not
/// through a hard link.
@Suite("Audiences stay inside their folder")
struct AudienceConfinementTests {
    let scratch: ScratchFolder
    let audiences: URL

    init() throws {
        scratch = try ScratchFolder(prefix: "chorus-confinement")
        audiences = scratch.url.appendingPathComponent("audiences")
        try FileManager.default.copyItem(at: Repository.audiences, to: audiences)
    }

    func loadProblems() -> [String] {
        do {
            _ = try DraftRenderer.load(audiences: audiences, phrasebook: Repository.phrasebook)
            return []
        } catch let error as AudienceLoadError {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func theShippedCopyLoads() {
        #expect(loadProblems().isEmpty)
    }

    @Test func aSymlinkedDefinitionOutsideIsRefused() throws {
        let outside = scratch.url.appendingPathComponent("evil.json")
        let definition = audiences.appendingPathComponent("customer/audience.json")
        try FileManager.default.moveItem(at: definition, to: outside)
        try FileManager.default.createSymbolicLink(at: definition, withDestinationURL: outside)
        let problems = loadProblems()
        #expect(problems.contains { $0.contains("customer/audience.json: error: refused: it resolves to") && $0.contains("outside the audiences folder") }, "\(problems)")
    }

    @Test func aSymlinkedAudienceFolderOrPartialsFolderOutsideIsRefused() throws {
        let outside = scratch.url.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: audiences.appendingPathComponent("support"), to: outside)
        try FileManager.default.createSymbolicLink(at: audiences.appendingPathComponent("support"), withDestinationURL: outside)
        let partialsOutside = scratch.url.appendingPathComponent("partials-elsewhere")
        try FileManager.default.moveItem(at: audiences.appendingPathComponent("partials"), to: partialsOutside)
        try FileManager.default.createSymbolicLink(at: audiences.appendingPathComponent("partials"), withDestinationURL: partialsOutside)
        let problems = loadProblems()
        #expect(problems.contains { $0.contains("/support: error: refused: it resolves to") }, "\(problems)")
        #expect(problems.contains { $0.contains("/partials: error: refused: it resolves to") }, "\(problems)")
    }

    @Test func aHardLinkedDefinitionIsRefused() throws {
        let definition = audiences.appendingPathComponent("sales/audience.json")
        try FileManager.default.linkItem(at: definition, to: scratch.url.appendingPathComponent("second-name.json"))
        let problems = loadProblems()
        #expect(problems.contains { $0.contains("sales/audience.json: error: refused: it is a hard link") }, "\(problems)")
    }

    @Test func aHardLinkedPartialIsRefused() throws {
        try FileManager.default.linkItem(at: audiences.appendingPathComponent("partials/corrections.mustache"),
                                         to: scratch.url.appendingPathComponent("other.mustache"))
        let problems = loadProblems()
        #expect(problems.contains { $0.contains("partials/corrections.mustache is a hard link") }, "\(problems)")
    }
}
