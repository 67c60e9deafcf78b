import ChorusTemplate
import Testing

/// Set-delimiter tags that name the delimiters in effect, which the spec allows and mustache.js renders.
@Suite("Set delimiters to the current ones")
struct SetDelimiterTests {
    @Test func resettingToTheCurrentDelimitersRenders() throws {
        #expect(try Template("{{={{ }}=}}Hi {{x}}").render(["x": "you"]) == "Hi you")
        #expect(try Template("{{=<% %>=}}<% x %><%={{ }}=%>{{x}}").render(["x": "A"]) == "AA")
        #expect(try Template("{{=<% %>=}}<%=<% %>=%><% x %>").render(["x": "B"]) == "B")
    }

    @Test func anUnclosedTagIsStillAnUnclosedTag() {
        #expect(throws: TemplateError.self) { try Template("{{a {{b}}") }
        #expect(throws: TemplateError.self) { try Template("{{={{ }}") }
    }

    /// Differential, over the whole spec: a standalone `{{={{ }}=}}` line before a template sets
    /// the delimiters it starts with anyway, so every case renders exactly as without it.
    @Test(
        .enabled(if: MustacheSpec.isAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"),
        arguments: MustacheSpec.cases
    )
    func aResetToTheCurrentDelimitersChangesNothing(_ spec: SpecCase) throws {
        var reset = spec
        reset.template = "{{={{ }}=}}\n" + spec.template
        #expect(try MustacheSpec.render(reset) == spec.expected, "\(reset.report(actual: (try? MustacheSpec.render(reset)) ?? "<error>"))")
    }
}
