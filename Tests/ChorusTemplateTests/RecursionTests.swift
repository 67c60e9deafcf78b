import ChorusTemplate
import Testing

@Suite("Recursion limits: errors, never a stack overflow or a hang")
struct RecursionTests {
    func expectTooDeep(_ template: Template, _ value: TemplateValue, partials: TemplateLibrary, what: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let output = try template.render(value, partials: partials)
            Issue.record("expected a recursion error, rendered \(output.count) characters", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == .recursionTooDeep(what: what, limit: TemplateLibrary.maximumDepth), sourceLocation: sourceLocation)
        }
    }

    @Test func aPartialIncludingItself() throws {
        for policy in [TemplateLibrary.MissingPartials.fail, .renderEmpty] {
            let library = try TemplateLibrary(sources: ["loop": "again {{>loop}}"], missingPartials: policy)
            let template = try #require(library.templates["loop"])
            expectTooDeep(template, [:], partials: library, what: "partial 'loop'")
        }
    }

    @Test func partialsIncludingEachOther() throws {
        let library = try TemplateLibrary(sources: ["a": "{{>b}}", "b": "{{#x}}{{>a}}{{/x}}"])
        let template = try Template("{{>a}}")
        expectTooDeep(template, ["x": true], partials: library, what: "partial 'a'")
        // With the condition false the recursion stops, and rendering succeeds.
        #expect(try template.render(["x": false], partials: library) == "")
    }

    @Test func aDynamicPartialNamingItself() throws {
        let library = try TemplateLibrary(sources: ["node": "{{>*self}}"])
        expectTooDeep(try Template("{{>*self}}"), ["self": "node"], partials: library, what: "partial 'node'")
    }

    @Test func aParentThatIsItsOwnParent() throws {
        let library = try TemplateLibrary(sources: ["layout": "<{{<layout}}{{$a}}x{{/a}}{{/layout}}>"])
        expectTooDeep(try Template("{{<layout}}{{/layout}}"), [:], partials: library, what: "partial 'layout'")
    }

    @Test func aBlockArgumentThatExpandsItself() throws {
        let library = try TemplateLibrary(sources: ["p": "{{$a}}default{{/a}}"])
        let template = try Template("{{<p}}{{$a}}more {{$a}}{{/a}}{{/a}}{{/p}}")
        expectTooDeep(template, [:], partials: library, what: "block 'a'")
    }

    @Test func aLambdaWhoseResultCallsItself() throws {
        let template = try Template("{{again}}")
        let value: TemplateValue = ["again": .lambda(TemplateLambda { "x{{again}}" })]
        expectTooDeep(template, value, partials: TemplateLibrary(), what: "lambda 'again'")
        let section = try Template("{{#wrap}}y{{/wrap}}")
        let wrap: TemplateValue = ["wrap": .lambda(TemplateLambda { (text: String) in .string("{{#wrap}}" + text + "{{/wrap}}") })]
        expectTooDeep(section, wrap, partials: TemplateLibrary(), what: "lambda 'wrap'")
    }

    @Test func legitimateRecursionWithinTheLimitRenders() throws {
        let library = try TemplateLibrary(sources: ["tree": "{{name}}({{#children}}{{>tree}}{{/children}})"])
        var node: TemplateValue = ["name": "leaf", "children": []]
        for level in 0..<(TemplateLibrary.maximumDepth - 2) {
            node = ["name": .string("n\(level)"), "children": [node]]
        }
        let output = try Template("{{>tree}}").render(node, partials: library)
        #expect(output.hasPrefix("n61(n60("))
        #expect(output.hasSuffix("leaf()" + String(repeating: ")", count: TemplateLibrary.maximumDepth - 2)))
    }

    @Test func deeplyNestedDataIsFine() throws {
        var value: TemplateValue = "bottom"
        for _ in 0..<1_000 { value = ["inner": value] }
        let name = Array(repeating: "inner", count: 1_000).joined(separator: ".")
        #expect(try Template("{{\(name)}}").render(value) == "bottom")
    }
}
