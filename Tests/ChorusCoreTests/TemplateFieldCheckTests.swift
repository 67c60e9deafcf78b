@testable import ChorusCore
import ChorusSupport
import ChorusTemplate
import Foundation
import Testing

/// Templates are checked against the view their audience may see when the audiences load: a
/// misspelled or forbidden name is a loading error at its tag.
@Suite("Template names checked when audiences load")
struct TemplateFieldCheckTests {
    /// A copy of the shipped audiences with one template changed.
    static func audiences(editing file: String, _ change: (String) -> String) throws -> (ScratchFolder, URL) {
        let scratch = try ScratchFolder()
        let copy = scratch.url.appendingPathComponent("audiences")
        try FileManager.default.copyItem(at: Repository.audiences, to: copy)
        let path = copy.appendingPathComponent(file)
        try change(try String(contentsOf: path, encoding: .utf8)).write(to: path, atomically: true, encoding: .utf8)
        return (scratch, copy)
    }

    func problems(_ folder: URL) -> [AudienceProblem] {
        do {
            _ = try DraftRenderer.load(audiences: folder, phrasebook: Repository.phrasebook)
            return []
        } catch let error as AudienceLoadError {
            return error.problems
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func theShippedTemplatesUseOnlyNamesTheirAudienceMaySee() throws {
        #expect(problems(Repository.audiences).isEmpty)
    }

    @Test func aMisspelledFieldFailsAtItsPositionWithTheNearestName() throws {
        let (scratch, folder) = try Self.audiences(editing: "customer/incident.mustache") {
            $0.replacingOccurrences(of: "{{summary}}", with: "{{sumary}}")
        }
        defer { withExtendedLifetime(scratch) {} }
        let found = problems(folder)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.file.hasSuffix("customer/incident.mustache"))
        let lines = try String(contentsOf: folder.appendingPathComponent("customer/incident.mustache"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("{{sumary}}") }) + 1
        #expect(problem.position?.line == line && problem.position?.column == 1)
        #expect(problem.description.contains("incident.mustache:\(line):1: error: unknown name 'sumary'"))
        #expect(problem.message.contains("Did you mean 'summary'?"), "\(problem.message)")
    }

    @Test func aDottedTypoNamesThePartThatIsMissing() throws {
        let (scratch, folder) = try Self.audiences(editing: "support/template.mustache") {
            $0.replacingOccurrences(of: "{{#impact.pastSummary}}", with: "{{#impact.pastSumary}}")
                .replacingOccurrences(of: "{{/impact.pastSummary}}", with: "{{/impact.pastSumary}}")
        }
        defer { withExtendedLifetime(scratch) {} }
        let messages = problems(folder).map(\.message)
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0 == "unknown name 'impact.pastSumary': 'impact' has no 'pastSumary'. Did you mean 'impact.pastSummary'?" }, "\(messages)")
    }

    @Test func aFieldTheAudienceMayNotSeeFailsAndSaysWhichShowsEntryWouldAllowIt() throws {
        let (scratch, folder) = try Self.audiences(editing: "customer/incident.mustache") {
            $0 + "{{businessImpact}}\n{{#hypotheses.open}}{{text}}{{/hypotheses.open}}\n"
        }
        defer { withExtendedLifetime(scratch) {} }
        let messages = problems(folder).map(\.message)
        #expect(messages.contains("'businessImpact' is not shown to the customer audience: add \"businessImpact\" to \"shows\" in audience.json if it should see it"), "\(messages)")
        #expect(messages.contains("'hypotheses.open' is not shown to the customer audience: add \"hypotheses.open\" to \"shows\" in audience.json if it should see it"), "\(messages)")
    }

    /// The specimen the check derives views from sets every part of the view, so no real name is
    /// ever reported as unknown: every member is present and every list has an item in some view.
    @Test func theSpecimenSetsEveryPartOfTheView() throws {
        let audience = try AudienceCatalog.load(from: Repository.audiences).require("engineering")
        var everything = audience
        everything.shows = ViewShape.everyField
        let clock = RenderClock(now: ViewShape.specimenTime)
        var missing: Set<String>?
        var present: Set<String> = []
        for state in ViewShape.specimens {
            let view = AudienceViewTable.value(of: state, for: everything, clock: clock, context: ViewShape.specimenContext,
                                               statusPage: "https://status.example.com")
            let empty = Set(Self.emptyParts(of: view, path: "view"))
            missing = missing.map { $0.intersection(empty) } ?? empty
            if case .object(let members) = view { present.formUnion(members.keys) }
        }
        #expect(missing == [], "parts of the view no specimen sets: \(missing ?? [])")
        let absent = AudienceViewTable.members.map(\.name).filter { !present.contains($0) }
        #expect(absent.isEmpty, "members no specimen view has: \(absent)")
    }

    /// Paths of nulls and empty lists anywhere in `value`.
    static func emptyParts(of value: TemplateValue, path: String) -> [String] {
        switch value {
        case .null: return [path]
        case .list(let items): return items.isEmpty ? [path] : items.flatMap { emptyParts(of: $0, path: path + "[]") }
        case .object(let members): return members.flatMap { emptyParts(of: $0.value, path: path + "." + $0.key) }
        default: return []
        }
    }
}
