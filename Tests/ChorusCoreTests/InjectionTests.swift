import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Hostile text in any state field comes out inert in every format.
@Suite("Hostile state text is inert in every format")
struct InjectionTests {
    static let hostile = "Pay <!channel> <@U123> <script>alert(1)</script> [x](http://evil.example) {{title}} \u{07}\u{1B}[31m\n# Injected heading\r\n- injected item \u{202E}"

    /// A resolved incident (so every audience applies) with the hostile text in every free-text field.
    static func hostileState() throws -> IncidentState {
        var s = try Shipped.state("search-resolved.json")
        let h = hostile
        s.title = h
        s.impact = CustomerImpact(summary: h, canDo: [h], cannotDo: [h], whoIsAffected: h, segments: [h])
        s.roles = Roles(incidentLead: h, commsLead: h, responders: [Responder(name: h, doing: h)], escalation: h)
        s.businessImpact = h
        s.quantifiedImpact = [ImpactMeasure(metric: h, value: 3, unit: h)]
        s.components = [AffectedComponent(internalName: h, publicName: h, status: .majorOutage, statuspageId: h)]
        s.facts = [Fact(id: "F1", text: h, at: s.startedAt, source: .support)]
        s.hypotheses = [Hypothesis(id: "H1", text: h, state: .confirmed)]
        s.steps = [Step(id: "S1", text: h, owner: h, state: .done, at: s.startedAt)]
        s.workaround = h
        s.rootCause = RootCause(summary: h, whys: [h])
        s.fix = h
        s.followUps = [FollowUp(text: h, owner: h, due: "2026-12-01")]
        s.corrections = [Correction(said: h, correct: h, at: s.startedAt)]
        s.links = [Link(title: h, url: "https://example.com/<!channel>")]
        s.asks = [h]
        s.whatWentWell = [h]
        return s
    }

    static func drafts() throws -> [(audience: String, format: OutputFormat, output: String)] {
        let renderer = try Shipped.renderer()
        let state = try hostileState()
        var drafts: [(String, OutputFormat, String)] = []
        for audience in renderer.catalog.audiences {
            for format in audience.formats {
                var forState = state
                if !audience.applies(to: state) { forState.kind = .incident }
                let draft = try renderer.render(forState, audience: audience.name, format: format, clock: Shipped.clock(for: forState))
                drafts.append((audience.name, format, draft.output))
            }
        }
        return drafts
    }

    static let controls: [Character] = ["\u{07}", "\u{1B}", "\r", "\u{202E}"]

    @Test func noFormatCarriesControlCharactersOrInjectedLines() throws {
        for (audience, format, output) in try Self.drafts() {
            for control in Self.controls {
                #expect(!output.contains(control), "\(audience) \(format): control character U+\(String(control.unicodeScalars.first?.value ?? 0, radix: 16))")
            }
            #expect(!output.contains("\n# Injected"), "\(audience) \(format): a value started a heading")
            #expect(!output.contains("\n- injected"), "\(audience) \(format): a value started a list item")
            #expect(!output.contains("alert(1)</script>") || format == .text, "\(audience) \(format)")
        }
    }

    @Test func htmlEscapesEveryTag() throws {
        for (audience, format, output) in try Self.drafts() where format == .html {
            #expect(!output.contains("<script"), "\(audience)")
            #expect(!output.contains("<!channel>"), "\(audience)")
            #expect(!output.contains("<a "), "\(audience)")
            #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(audience)")
            #expect(output.contains("{{title}}"), "\(audience): Mustache tags in values are text, never expanded")
        }
    }

    @Test func slackCannotPingOrLink() throws {
        for (audience, format, output) in try Self.drafts() where format == .slack {
            let payload = try JSONParser.parse(output)
            var texts: [String] = []
            func collect(_ node: JSONNode) {
                switch node.value {
                case .string(let s): texts.append(s)
                case .array(let items): items.forEach(collect)
                case .object(let members): members.forEach { collect($0.node) }
                default: break
                }
            }
            collect(payload)
            for text in texts where text != "plain_text" {
                #expect(!text.contains("<!channel>") && !text.contains("<@U123>") && !text.contains("<http"), "\(audience): \(text)")
            }
            #expect(texts.contains { $0.contains("&lt;!channel&gt;") }, "\(audience)")
        }
    }

    @Test func markdownMakesNoLinksTagsOrHeadings() throws {
        for (audience, format, output) in try Self.drafts() where format == .markdown {
            #expect(!output.contains("[x](http"), "\(audience)")
            #expect(!output.contains("<script>"), "\(audience)")
            #expect(!output.contains("<!channel>"), "\(audience)")
            #expect(output.contains("\\[x\\]"), "\(audience)")
            #expect(!output.contains("http://evil"), "\(audience): autolink not broken")
        }
    }

    @Test func structuredFormatsStayValidJSON() throws {
        for (audience, format, output) in try Self.drafts() where format == .json || format == .statuspage || format == .slack {
            #expect(throws: Never.self, "\(audience) \(format)") { try JSONParser.parse(output) }
            #expect(!output.contains("<"), "\(audience) \(format): JSON text escapes < as \\u003c")
        }
    }
}
