import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation
import Testing

@Suite("Audience definitions")
struct AudienceCatalogTests {
    @Test func everyShippedAudienceLoads() throws {
        let catalog = try AudienceCatalog.load(from: Repository.audiences)
        #expect(catalog.audiences.map(\.name) == ["customer", "engineering", "leadership", "review", "sales", "support"])
        for audience in catalog.audiences {
            #expect(!audience.description.isEmpty && !audience.audience.isEmpty && !audience.channel.isEmpty)
            #expect(audience.formats.contains(audience.defaultFormat))
            for category in FindingCategory.required {
                #expect(audience.policy.severities[category] != nil, "\(audience.name) sets \(category.rawValue)")
            }
        }
    }

    @Test func onlyEngineeringSeesOpenHypothesesAndInternalNamesAreKeptInside() throws {
        let catalog = try AudienceCatalog.load(from: Repository.audiences)
        for audience in catalog.audiences {
            let internalAudience = audience.name == "engineering"
            #expect(audience.shows(.openHypotheses) == internalAudience, "\(audience.name)")
            #expect(audience.shows(.anyETA) == internalAudience, "\(audience.name)")
        }
        for name in ["customer", "support", "sales", "leadership"] {
            let audience = try catalog.require(name)
            #expect(!audience.shows(.componentInternalNames))
            #expect(audience.policy.severity(of: .internalName) == .error)
        }
        #expect(try catalog.require("customer").policy.severity(of: .speculation) == .error)
        #expect(try catalog.require("engineering").policy.severity(of: .labelledSpeculation) == .off)
    }

    @Test func theReviewAppliesOnlyOnceResolved() throws {
        let review = try AudienceCatalog.load(from: Repository.audiences).require("review")
        for file in Repository.exampleFiles() {
            let state = try StateDocument.load(Repository.text(file)).state
            #expect(review.applies(to: state) == (state.status == .resolved), "\(file.lastPathComponent)")
        }
    }

    @Test func anUnknownAudienceSuggestsTheNearest() throws {
        let catalog = try AudienceCatalog.load(from: Repository.audiences)
        #expect(throws: AudienceLoadError.self) { try catalog.require("custmer") }
        do { _ = try catalog.require("custmer") } catch {
            #expect(error.description.contains("unknown audience \"custmer\"; known audiences: customer, engineering"))
            #expect(error.description.hasSuffix("Did you mean \"customer\"?"))
        }
    }

    func problems(_ text: String, folder: String = "partners") -> [String] {
        do {
            _ = try AudienceCatalog.parseDefinition(text, file: "audiences/\(folder)/audience.json",
                                                    folder: URL(fileURLWithPath: "/tmp/\(folder)"), folderName: folder)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static let valid = """
    {
      "name": "partners",
      "description": "Partner update",
      "audience": "Integration partners",
      "channel": "Partner email",
      "format": "markdown",
      "appliesTo": { "kinds": ["incident"] },
      "shows": ["title", "status"],
      "policy": {
        "speculation": "error", "eta": "error", "promise": "error", "jargon": "warning",
        "blame": "error", "minimizing": "error", "internal-name": "error", "length": "off"
      }
    }
    """

    @Test func aNewAudienceIsJustAFolder() throws {
        #expect(problems(Self.valid).isEmpty)
        let scratch = try ScratchFolder(prefix: "chorus-audiences")
        defer { withExtendedLifetime(scratch) {} } // the folder lives until the test ends
        let dir = scratch.url
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("partners"), withIntermediateDirectories: true)
        try Self.valid.write(to: dir.appendingPathComponent("partners/audience.json"), atomically: true, encoding: .utf8)
        let catalog = try AudienceCatalog.load(from: dir)
        #expect(catalog.audiences.map(\.name) == ["partners"])
        #expect(catalog.audiences[0].policy.severity(of: .jargon) == .warning)
    }

    @Test func badValuesNameFileLineColumnAndTheExpectedValues() {
        let text = Self.valid.replacingOccurrences(of: "\"jargon\": \"warning\"", with: "\"jargon\": \"warn\"")
        #expect(problems(text) == [
            "audiences/partners/audience.json:10:75: error: at $.policy.jargon: \"warn\" is not allowed here; expected one of \"error\", \"warning\", \"off\". Did you mean \"warning\"?",
        ])
    }

    @Test func aMissingCategoryAnUnknownFieldAndAWrongNameAreAllReported() {
        var text = Self.valid.replacingOccurrences(of: "\"length\": \"off\"", with: "\"lenght\": \"off\"")
        text = text.replacingOccurrences(of: "[\"title\", \"status\"]", with: "[\"title\", \"hypotheses.opne\"]")
        let found = problems(text)
        #expect(found.contains { $0.contains("at $.policy.lenght: unknown key \"lenght\" in the lint policy. Did you mean \"length\"?") })
        #expect(found.contains { $0.contains("at $.policy.length: missing required key \"length\"") })
        #expect(found.contains { $0.contains("at $.shows[1]: \"hypotheses.opne\" is not allowed here") && $0.contains("Did you mean \"hypotheses.open\"?") })
        #expect(problems(Self.valid, folder: "partner").first?.contains("the name \"partners\" differs from its folder \"partner\"") == true)
    }

    @Test func malformedDefinitionReportsItsPosition() {
        #expect(problems("{\n  \"name\": \"partners\"\n  \"x\": 1\n}") == [
            "audiences/partners/audience.json:3:3: error: expected ',' or '}' after a member of the object, found '\"'",
        ])
    }
}
