import ChorusTemplate
import Testing

/// Checking a template's names against the shape of its data, before rendering.
@Suite("Template names checked against the data's shape")
struct NameCheckTests {
    static let shape = TemplateShape(describing: [
        "title": "t",
        "impact": ["summary": "s", "canDo": ["a"]],
        "facts": [["text": "f", "at": ["display": "09:00"]]],
        "has": ["facts": true],
    ])

    func unknown(_ text: String, partials: [String: String] = [:]) throws -> [UnknownName] {
        var sources = partials
        sources["main"] = text
        return try TemplateLibrary(sources: sources).unknownNames(in: "main", shape: Self.shape)
    }

    @Test func namesThatExistPass() throws {
        let template = """
            {{title}} {{impact.summary}}{{#impact}}{{summary}}{{title}}{{/impact}}
            {{#impact.canDo}}- {{.}}{{/impact.canDo}}
            {{#facts}}{{text}} {{at.display}} {{title}}{{/facts}}{{^has.facts}}none{{/has.facts}}
            """
        #expect(try unknown(template).isEmpty)
    }

    @Test func aMisspelledNameIsFoundWithItsPositionAndTheNearestName() throws {
        let found = try unknown("# {{title}}\n\n{{sumary}} {{impact.sumary}}")
        #expect(found.count == 2)
        #expect(found.first?.name == "sumary")
        #expect(found.first?.position.line == 3 && found.first?.position.column == 1)
        #expect(found.first?.suggestion == "impact.summary")
        #expect(found.last?.name == "impact.sumary")
        #expect(found.last?.foundPrefix == "impact" && found.last?.missingPart == "sumary")
        #expect(found.last?.suggestion == "impact.summary")
        #expect(found.last?.position.column == 12)
        #expect(found.last?.lineText == "{{sumary}} {{impact.sumary}}")
    }

    @Test func aDottedNameGetsOneWholeSuggestionWhicheverPartIsMisspelled() throws {
        let found = try unknown("{{impct.summary}} {{impact.sumary}} {{impct.sumary}} {{#impact}}{{sumary}}{{/impact}}")
        #expect(found.map(\.suggestion) == ["impact.summary", "impact.summary", "impact.summary", "summary"])
    }

    @Test func namesInsideAListSectionAreCheckedAgainstItsItems() throws {
        let found = try unknown("{{#facts}}{{txt}}{{at.dispaly}}{{/facts}}")
        #expect(found.map(\.name) == ["txt", "at.dispaly"])
        #expect(found.first?.suggestion == "text")
        #expect(found.last?.suggestion == "at.display")
    }

    @Test func aMissingSectionIsReportedOnceNotForEverythingInside() throws {
        let found = try unknown("{{#factz}}{{text}}{{whatever}}{{/factz}}")
        #expect(found.map(\.name) == ["factz"])
        #expect(found.first?.suggestion == "facts")
    }

    @Test func partialsAreCheckedWhereTheyAreIncluded() throws {
        let found = try unknown("{{#facts}}{{>fact}}{{/facts}}{{>fact}}", partials: ["fact": "{{text}}"])
        #expect(found.count == 1, "inside the section the item has text; outside it does not")
        #expect(found.first?.templateName == "fact")
    }

    @Test func aPartialThatIncludesItselfEnds() throws {
        let tree = TemplateShape(describing: ["name": "root", "children": [["name": "a", "children": [["name": "b"]]]]])
        let library = try TemplateLibrary(sources: ["main": "{{>node}}", "node": "{{name}}{{#children}}{{>node}}{{nmae}}{{/children}}"])
        let found = library.unknownNames(in: "main", shape: tree)
        #expect(found.map(\.name) == ["nmae"])
    }

    @Test func shapesMergeListItemsAndDisagreementsBecomeUnknown() {
        let shape = TemplateShape(describing: ["list": [["a": 1], ["b": 2]], "x": "s"])
        #expect(shape.member("list") == .list(.object(["a": .scalar, "b": .scalar])))
        #expect(TemplateShape.scalar.merging(.object([:])) == .unknown)
        #expect(shape.names == ["list", "list.a", "list.b", "x"])
    }
}
