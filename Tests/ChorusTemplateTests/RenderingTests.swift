import ChorusTemplate
import Testing

@Suite("Rendering beyond the spec files")
struct RenderingTests {
    @Test func nestedStandalonePartialsAccumulateIndentation() throws {
        let library = try TemplateLibrary(sources: [
            "outer": "outer:\n  {{>inner}}\nend outer\n",
            "inner": "inner 1\n\ninner 2 {{value}}\n",
        ])
        let template = try Template("top\n    {{>outer}}\nbottom")
        let output = try template.render(["value": "a\nb"], partials: library)
        // Every template line is indented (blank ones too, as the spec's "before rendering" does);
        // line breaks inside values are not.
        #expect(output == "top\n    outer:\n      inner 1\n      \n      inner 2 a\nb\n    end outer\nbottom")
    }

    @Test func inlinePartialsInheritIndentationForTheirLines() throws {
        let library = try TemplateLibrary(sources: ["p": "  x {{>q}} y\n", "q": "1\n2"])
        #expect(try Template("  {{>p}}").render([:], partials: library) == "    x 1\n  2 y\n")
    }

    @Test func standaloneSectionsInsideIndentedPartialsLeaveNoIndentationBehind() throws {
        let library = try TemplateLibrary(sources: ["list": "{{#items}}\n- {{.}}\n{{/items}}\n{{^items}}\nnone\n{{/items}}\n"])
        let template = try Template("Items:\n  {{>list}}\nDone.")
        #expect(try template.render(["items": ["a", "b"]], partials: library) == "Items:\n  - a\n  - b\nDone.")
        #expect(try template.render(["items": []], partials: library) == "Items:\n  none\nDone.")
    }

    @Test func parentsWithIndentedBlocks() throws {
        let library = try TemplateLibrary(sources: [
            "layout": "<main>\n  {{$body}}\n  <p>empty</p>\n  {{/body}}\n</main>\n",
        ])
        let template = try Template("{{<layout}}\n  {{$body}}\n    <h1>{{title}}</h1>\n    <p>{{text}}</p>\n  {{/body}}\n{{/layout}}\n")
        #expect(try template.render(["title": "T", "text": "<x>"], partials: library) == "<main>\n  <h1>T</h1>\n  <p>&lt;x&gt;</p>\n</main>\n")
        #expect(try Template("{{<layout}}{{/layout}}").render([:], partials: library) == "<main>\n  <p>empty</p>\n</main>\n")
    }

    @Test func lambdasSeeTheCurrentContextAndEscapeOnce() throws {
        let value: TemplateValue = [
            "name": "<Ann>",
            "greet": .lambda(TemplateLambda { "Hi {{name}}" }),
            "bold": .lambda(TemplateLambda { (text: String) in .string("<b>" + text + "</b>") }),
        ]
        // {{greet}}: the result is rendered unescaped, then escaped once as a whole.
        #expect(try Template("{{greet}}").render(value) == "Hi &lt;Ann&gt;")
        // {{{greet}}}: rendered with the normal escaping, not escaped again.
        #expect(try Template("{{{greet}}}").render(value) == "Hi &lt;Ann&gt;")
        #expect(try Template("{{#bold}}{{name}}{{/bold}}").render(value) == "<b>&lt;Ann&gt;</b>")
    }

    @Test func sectionLambdasReturningValuesActAsThatValue() throws {
        let value: TemplateValue = [
            "isUrgent": .lambda(TemplateLambda { (_: String) in true }),
            "regions": .lambda(TemplateLambda { (_: String) in ["eu", "us"] }),
            "never": .lambda(TemplateLambda { (_: String) in false }),
        ]
        #expect(try Template("{{#isUrgent}}!{{/isUrgent}}{{#regions}}[{{.}}]{{/regions}}{{#never}}x{{/never}}").render(value) == "![eu][us]")
    }

    @Test func lambdasInTheMiddleOfDottedNames() throws {
        let value: TemplateValue = ["lead": .lambda(TemplateLambda { ["name": "Ann"] })]
        #expect(try Template("{{lead.name}}").render(value) == "Ann")
    }

    @Test func lambdaResultParseErrorsAreReported() throws {
        let value: TemplateValue = ["bad": .lambda(TemplateLambda { "{{#open}}" })]
        do {
            _ = try Template("{{bad}}").render(value)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unclosedSection(name: "open"))
            #expect(error.templateName == "result of lambda 'bad'")
        }
    }

    @Test func sectionsPushObjectsAndListsIterate() throws {
        let value: TemplateValue = [
            "lead": ["name": "Ann"], "name": "outer",
            "steps": [["text": "a", "owner": "Bo"], ["text": "b"]],
        ]
        let template = try Template("{{#lead}}{{name}}{{/lead}} {{#steps}}{{text}}:{{owner}}{{^owner}}{{name}}{{/owner}} {{/steps}}")
        #expect(try template.render(value) == "Ann a:Bo b:outer ")
    }

    @Test func templatesAreReusableAndRenderConcurrently() async throws {
        let template = try Template("{{#items}}<{{.}}>{{/items}}")
        let results = await withTaskGroup(of: (Int, String?).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let items: TemplateValue = .list((0...index % 5).map { .int($0) })
                    return (index, try? template.render(["items": items]))
                }
            }
            var collected: [(Int, String?)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 64)
        for (index, output) in results {
            #expect(output == (0...index % 5).map { "<\($0)>" }.joined())
        }
    }

    @Test func partialNamesAreListedOnceInOrder() throws {
        let template = try Template("{{>a}}{{<b}}{{/b}}{{>a}}{{>*dynamic}}{{#s}}{{>c}}{{/s}}")
        #expect(template.partialNames == ["a", "b", "c"])
        #expect(template.name == "template")
        #expect(template.text.hasPrefix("{{>a}}"))
    }

    @Test func setDelimitersAreLexicalAndDoNotReachPartials() throws {
        let library = try TemplateLibrary(sources: ["p": "{{x}}[x]"])
        let template = try Template("{{=[ ]=}}[#s][x][/s] {{x}} [>p]")
        #expect(try template.render(["s": true, "x": "1"], partials: library) == "1 {{x}} 1[x]")
    }

    @Test func carriageReturnsAloneAreText() throws {
        #expect(try Template("a\r{{#s}}\rb\r{{/s}}").render(["s": true]) == "a\r\rb\r")
    }
}
