import ChorusSupport
import ChorusTemplate
import Testing

@Suite("Template errors: kind, 1-based position, line text")
struct TemplateErrorTests {
    func parseError(_ text: String, name: String = "t.mustache") -> TemplateError? {
        do {
            _ = try Template(text, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedSectionPointsAtItsOpeningTag() throws {
        let error = try #require(parseError("Hello\n  {{#facts}}\n  - {{text}}\n"))
        #expect(error.kind == .unclosedSection(name: "facts"))
        #expect(error.position.line == 2)
        #expect(error.position.column == 3)
        #expect(error.lineText == "  {{#facts}}")
        #expect(error.description == """
            t.mustache:2:3: error: section 'facts' is never closed: expected '{{/facts}}'
              {{#facts}}
              ^
            """)
    }

    @Test func mismatchedClosingTagNamesBothTagsAndBothPositions() throws {
        let error = try #require(parseError("{{#a}}\nx {{^b}}y\n  {{/a}}\n{{/b}}"))
        let openedAt = SourcePosition(line: 2, column: 3, offset: 9)
        #expect(error.kind == .mismatchedClosingTag(expected: "{{^b}}", found: "a", openedAt: openedAt))
        #expect(error.position.line == 3)
        #expect(error.position.column == 3)
        #expect(error.message == "closing tag '{{/a}}' does not match '{{^b}}' opened at 2:3")
        #expect(error.lineText == "  {{/a}}")
    }

    @Test func closingTagWithoutSection() throws {
        let error = try #require(parseError("text {{/done}}"))
        #expect(error.kind == .unexpectedClosingTag(name: "done"))
        #expect(error.position.column == 6)
    }

    @Test(arguments: [
        ("{{=<% %>}}", 1),  // no closing '='
        ("{{=<%%>=}}", 1),  // one delimiter
        ("{{=<% = %>=}}", 1),  // three parts
        ("a\n{{= =}}", 2),  // none
        ("{{=<= =>=}}", 1),  // '=' inside a delimiter
    ])
    func badDelimiterChanges(text: String, line: Int) throws {
        let error = try #require(parseError(text))
        switch error.kind {
        case .invalidDelimiters, .unclosedTag: break
        default: Issue.record("unexpected \(error.kind) for \(text.debugDescription)")
        }
        #expect(error.position.line == line)
    }

    @Test func invalidDelimitersMessageShowsTheTag() throws {
        let error = try #require(parseError("x {{=<% = %>=}}"))
        #expect(error.kind == .invalidDelimiters("{{=<% = %>=}}"))
        #expect(error.position.column == 3)
    }

    @Test func unclosedTagsAreReportedAtTheirStart() throws {
        var error = try #require(parseError("Dear {{name,\nthanks"))
        #expect(error.kind == .unclosedTag(expected: "}}"))
        #expect(error.position == SourcePosition(line: 1, column: 6, offset: 5))
        error = try #require(parseError("{{{raw}}"))
        #expect(error.kind == .unclosedTag(expected: "}}}"))
        // A tag that runs into the next one was never closed.
        error = try #require(parseError("{{a {{b}}"))
        #expect(error.kind == .unclosedTag(expected: "}}"))
        #expect(error.position.column == 1)
    }

    @Test(arguments: ["{{}}", "{{ }}", "{{#}}{{/}}", "{{>}}", "{{<}}{{/}}", "{{$}}{{/}}", "{{{ }}}", "{{&}}", "{{>*}}"])
    func emptyTags(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.kind == .emptyTag)
    }

    @Test func namesCannotHoldWhitespaceOrEmptyDottedParts() throws {
        var error = try #require(parseError("{{first name}}"))
        #expect(error.kind == .invalidName("first name", reason: "names cannot contain whitespace"))
        error = try #require(parseError("{{a..b}}"))
        #expect(error.kind == .invalidName("a..b", reason: "a dotted name cannot have an empty part"))
        error = try #require(parseError("{{>my partial}}"))
        #expect(error.kind == .invalidName("my partial", reason: "names cannot contain whitespace"))
    }

    @Test func onlyBlocksAndCommentsInsideAParent() throws {
        #expect(parseError("{{<p}}{{! note }} text {{$a}}x{{/a}}{{/p}}") == nil)
        let error = try #require(parseError("{{<p}}\n  {{name}}\n{{/p}}"))
        #expect(error.kind == .tagNotAllowedInParent("{{name}}"))
        #expect(error.position.line == 2)
        #expect(error.position.column == 3)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() throws {
        let depth = Template.maximumNesting + 1
        let text = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        let error = try #require(parseError(text))
        #expect(error.kind == .nestingTooDeep(limit: Template.maximumNesting))
        #expect(error.position.column == 1 + 6 * Template.maximumNesting)
        // A hostile number of openings fails just as fast.
        #expect(parseError(String(repeating: "{{#a}}", count: 100_000)) != nil)
        let fine = String(repeating: "{{#a}}", count: depth - 1) + "x" + String(repeating: "{{/a}}", count: depth - 1)
        #expect(parseError(fine) == nil)
    }

    @Test func columnsCountUnicodeScalarsAndTheCaretFollowsTabs() throws {
        let error = try #require(parseError("é\t☃ {{#x}}"))
        #expect(error.position.column == 5)
        #expect(error.description.hasSuffix("é\t☃ {{#x}}\n \t  ^"))
    }

    @Test func errorsUseTheDelimitersInForce() throws {
        let error = try #require(parseError("{{=<% %>=}}\n<%#a%>\n<%/b%>"))
        #expect(error.kind == .mismatchedClosingTag(expected: "{{#a}}", found: "b", openedAt: SourcePosition(line: 2, column: 1, offset: 12)))
        #expect(error.position.line == 3)
    }

    @Test func crlfLinesReportTheRightLine() throws {
        let error = try #require(parseError("one\r\ntwo\r\n{{#x}}\r\n"))
        #expect(error.position.line == 3)
        #expect(error.lineText == "{{#x}}")
    }

    @Test func unknownPartialInStrictModeIsAnErrorAtItsTag() throws {
        let template = try Template("Hi\n  {{> footer}}", name: "page")
        #expect(throws: TemplateError.self) { try template.render([:]) }
        do {
            _ = try template.render([:], partials: TemplateLibrary(missingPartials: .fail))
        } catch {
            #expect(error.kind == .unknownPartial(name: "footer"))
            #expect(error.templateName == "page")
            #expect(error.position.line == 2)
            #expect(error.position.column == 3)
        }
    }

    @Test func warningsFormatWithTheirOwnSeverity() throws {
        let template = try Template("a {{>missing}} b {{>missing}}", name: "w")
        let result = try template.renderWithWarnings([:], partials: TemplateLibrary(missingPartials: .renderEmpty))
        #expect(result.output == "a  b ")
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.formatted(severity: "warning") == "w:1:3: warning: unknown partial 'missing'\na {{>missing}} b {{>missing}}\n  ^")
    }
}

@Suite("Unsafe tags can be found before rendering")
struct UnsafeTagTests {
    @Test func findsUnescapedVariablesAndDynamicPartialsAtTheirPositions() throws {
        let template = try Template("a {{safe}}\n{{#s}}{{{raw}}}{{/s}} {{&amp}}\n{{>*chosen}}", name: "t")
        let tags = template.unsafeTags
        #expect(tags.map(\.name) == ["raw", "amp", "chosen"])
        #expect(tags.map(\.kind) == [.unescapedVariable, .unescapedVariable, .dynamicPartial])
        #expect(tags[0].position.line == 2 && tags[0].position.column == 7)
        #expect(tags[0].description == "t:2:7: the tag for 'raw' writes its value unescaped ({{{ }}} or {{& }})")
        #expect(try Template("{{x}} {{>p}} {{#a}}{{b}}{{/a}}").unsafeTags.isEmpty)
    }
}
