import ChorusTemplate
import Testing

@Suite("Escaping strategies")
struct EscapingTests {
    let hostile = #"<script>alert('x')</script> & "quotes" [click](http://evil.example) *bold* <!channel> <@U123>"#

    func render(_ text: String, _ value: String, _ escaping: TemplateEscaping) throws -> String {
        try Template(text).render(["v": .string(value)], escaping: escaping)
    }

    @Test func htmlEscapesTheFiveSpecialCharacters() throws {
        #expect(TemplateEscaping.html.escape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(try render("{{v}}", hostile, .html) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; [click](http://evil.example) *bold* &lt;!channel&gt; &lt;@U123&gt;")
        #expect(TemplateEscaping.html.escape("plain ☃ text") == "plain ☃ text")
        #expect(TemplateEscaping.html.escape("") == "")
        #expect(TemplateEscaping.html.escape("<<>>") == "&lt;&lt;&gt;&gt;")
    }

    @Test func textWritesValuesAsTheyAre() throws {
        #expect(try render("{{v}}", hostile, .text) == hostile)
    }

    @Test func slackEscapesOnlyAmpersandAndAngleBrackets() throws {
        let output = try render("{{v}}", hostile, .slack)
        #expect(output == #"&lt;script&gt;alert('x')&lt;/script&gt; &amp; "quotes" [click](http://evil.example) *bold* &lt;!channel&gt; &lt;@U123&gt;"#)
        #expect(!output.contains("<!channel>"))
        #expect(!output.contains("<@U123>"))
        #expect(TemplateEscaping.slack.escape("<https://evil.example|Status page>") == "&lt;https://evil.example|Status page&gt;")
    }

    @Test func markdownMakesLinksHtmlAndEmphasisInert() throws {
        let md = TemplateEscaping.markdown
        #expect(md.escape("[x](http://evil)") == "\\[x\\]\\(http\u{2060}\\://evil\\)")
        #expect(md.escape("![img](http://evil/p.png)") == "\\!\\[img\\]\\(http\u{2060}\\://evil/p.png\\)")
        #expect(md.escape("<script>") == #"\<script\>"#)
        #expect(md.escape("*bold* _it_ `code` ~~gone~~") == #"\*bold\* \_it\_ \`code\` \~\~gone\~\~"#)
        #expect(md.escape("a | b") == #"a \| b"#)
        #expect(md.escape("AT&T &amp;") == #"AT\&T \&amp;"#)
        #expect(md.escape(#"back\slash"#) == #"back\\slash"#)
        #expect(md.escape("see www.evil.example") == "see www\u{2060}\\.evil.example")
        #expect(md.escape("mail me@evil.example") == "mail me\u{2060}\\@evil.example")
    }

    @Test func markdownEscapesBlockStartsAtLineStartsOnly() throws {
        let md = TemplateEscaping.markdown
        #expect(md.escape("# Heading") == "\\# Heading")
        #expect(md.escape("  - item") == #"  \- item"#)
        #expect(md.escape("+ item") == #"\+ item"#)
        #expect(md.escape("===") == #"\==="#)
        #expect(md.escape("1. first") == #"1\. first"#)
        #expect(md.escape("2024) year") == #"2024\) year"#)
        #expect(md.escape("> quote") == #"\> quote"#)
        #expect(md.escape("fine\n# second line") == "fine\n\\# second line")
        // Mid-line they change nothing, so they stay readable.
        #expect(md.escape("a-b + c = d #5 v1.2.3") == "a-b + c = d #5 v1.2.3")
    }

    @Test func tripleMustacheAndAmpersandNeverEscape() throws {
        for escaping in TemplateEscaping.all {
            #expect(try render("{{{v}}}|{{&v}}", "<b>*x*</b>", escaping) == "<b>*x*</b>|<b>*x*</b>")
        }
    }

    @Test func templateTextIsNeverEscaped() throws {
        #expect(try render("<b>*{{v}}*</b> & [link](http://x)", "a&b", .markdown) == #"<b>*a\&b*</b> & [link](http://x)"#)
        #expect(try render("<!here> {{v}}", "<!channel>", .slack) == "<!here> &lt;!channel&gt;")
    }

    @Test func strategiesByName() {
        #expect(TemplateEscaping.all.map(\.name) == ["html", "text", "markdown", "slack"])
        for escaping in TemplateEscaping.all {
            #expect(TemplateEscaping(name: escaping.name) == escaping)
        }
        #expect(TemplateEscaping(name: "xml") == nil)
        #expect(TemplateEscaping.html != .slack)
    }

    @Test func customStrategy() throws {
        let upper = TemplateEscaping.custom(name: "upper") { $0.uppercased() }
        #expect(upper.name == "upper")
        #expect(try render("x {{v}} {{{v}}}", "abc", upper) == "x ABC abc")
    }

    @Test func numbersAndBooleansAreEscapedToo() throws {
        let value: TemplateValue = ["n": 3, "list": ["<a>", "b&c"]]
        #expect(try Template("{{n}} {{list}}").render(value) == "3 &lt;a&gt;, b&amp;c")
    }
}
