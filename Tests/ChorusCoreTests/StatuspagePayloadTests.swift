@testable import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Statuspage bodies the API accepts, and Markdown in which no state value becomes a link.
@Suite("Statuspage payloads")
struct StatuspagePayloadTests {
    func incident(_ state: IncidentState, options: StatuspageExport.Options = .init()) throws -> JSONNode {
        let body = StatuspageExport.body(for: state, body: "text", options: options)
        return try #require(try JSONParser.parse(body.json.rendered())["incident"])
    }

    @Test func onlyAffectedComponentsAreSentAndRecoveredOnesAreRestored() throws {
        var state = try Shipped.state("checkout-investigating.json")
        var incident = try incident(state)
        #expect(incident["component_ids"]?.elements?.compactMap(\.stringValue) == ["k7hx2m9q4r1t"])
        // Later the checkout recovers; it was sent before, so it is sent again as operational.
        state.components[0].status = .operational
        incident = try self.incident(state, options: .init(previouslyAffected: ["k7hx2m9q4r1t"]))
        #expect(incident["components"]?["k7hx2m9q4r1t"]?.stringValue == "operational")
        #expect(incident["components"]?["p3nd8v6c0w2z"] == nil, "never affected, never sent")
        // Nothing to send: the keys are left out, so an update detaches nothing.
        incident = try self.incident(state, options: .init(previouslyAffected: []))
        #expect(incident["component_ids"] == nil && incident["components"] == nil)
    }

    @Test func aRetrospectiveIsBackfilledWithoutComponentsOrNotifications() throws {
        var state = try Shipped.state("retrospective-email-delays.json")
        state.components = [AffectedComponent(internalName: "mailer", publicName: "Email", status: .operational, statuspageId: "m41l")]
        let incident = try incident(state)
        #expect(incident["backfilled"]?.value == .bool(true))
        #expect(incident["backfill_date"]?.stringValue == ISO8601.format(state.startedAt))
        #expect(incident["components"] == nil && incident["component_ids"] == nil, "the API refuses components on a backfilled incident")
        #expect(incident["deliver_notifications"]?.value == .bool(false), "an incident that is over notifies no one unless asked")
        let asked = try self.incident(state, options: .init(deliverNotifications: true))
        #expect(asked["deliver_notifications"]?.value == .bool(true))
    }

    @Test func maintenanceIsScheduledWithRemindersAndTransitionsAsConfigured() throws {
        let state = try Shipped.state("maintenance-database-upgrade.json")
        var incident = try incident(state)
        #expect(incident["status"]?.stringValue == "scheduled")
        for key in ["scheduled_remind_prior", "scheduled_auto_in_progress", "scheduled_auto_completed",
                    "auto_transition_to_maintenance_state", "auto_transition_to_operational_state"] {
            #expect(incident[key]?.value == .bool(true), "\(key)")
        }
        #expect(incident["scheduled_for"]?.stringValue == ISO8601.format(try #require(state.window).start))
        #expect(incident["component_ids"]?.elements?.count == 1, "a maintenance names the components of its window, operational or not")
        var options = StatuspageExport.Options()
        options.maintenance.remindPrior = false
        options.maintenance.autoCompleted = false
        incident = try self.incident(state, options: options)
        #expect(incident["scheduled_remind_prior"]?.value == .bool(false))
        #expect(incident["scheduled_auto_completed"]?.value == .bool(false))
        #expect(incident["scheduled_auto_in_progress"]?.value == .bool(true))
    }

    @Test func aNameOverTheLimitIsAnErrorFindingInEveryFormat() throws {
        var state = try Shipped.state("checkout-investigating.json")
        state.title = String(repeating: "Card payments failing ", count: 12) // 264 characters
        for format: OutputFormat in [.statuspage, .markdown, .text] {
            let draft = try Shipped.renderer().render(state, audience: "customer", format: format, clock: Shipped.clock(for: state))
            let finding = try #require(draft.findings.first { $0.rule == StatuspageChecks.nameRule }, "\(format)")
            #expect(finding.severity == .error && finding.category == .length)
            #expect(finding.message.contains("255"))
            #expect(finding.line == 1, "it points at the title")
        }
        // Engineering is never sent to Statuspage: no such finding.
        let engineering = try Shipped.renderer().render(state, audience: "engineering", format: .text, clock: Shipped.clock(for: state))
        #expect(!engineering.findings.contains { $0.rule == StatuspageChecks.nameRule })
        state.title = String(repeating: "x", count: 255)
        let fits = try Shipped.renderer().render(state, audience: "customer", format: .statuspage, clock: Shipped.clock(for: state))
        #expect(!fits.findings.contains { $0.rule == StatuspageChecks.nameRule })
    }

    @Test func unmappedAffectedComponentsAreNamedInANote() throws {
        var state = try Shipped.state("checkout-investigating.json")
        state.components[0].statuspageId = nil
        let draft = try Shipped.renderer().render(state, audience: "customer", format: .statuspage, clock: Shipped.clock(for: state))
        #expect(draft.notes.contains { $0.contains("Checkout") && $0.contains("--statuspage-id") })
    }
}

/// GitHub-flavoured Markdown finds e-mail addresses, `www.` and `http://` in text after
/// backslash escapes are gone; a state value must still never become a link.
@Suite("Markdown autolinks")
struct MarkdownAutolinkTests {
    static let hostile = "Write to help@acme.example, see www.acme.example or https://acme.example/status, mailto:ops@acme.example"

    func outputs() throws -> [(String, String)] {
        var state = try Shipped.state("checkout-investigating.json")
        state.impact.summary = Self.hostile
        state.workaround = Self.hostile
        let renderer = try Shipped.renderer()
        let clock = Shipped.clock(for: state)
        let markdown = try renderer.render(state, audience: "customer", format: .markdown, clock: clock).output
        let statuspage = try renderer.render(state, audience: "customer", format: .statuspage, clock: clock).output
        let body = try #require(try JSONParser.parse(statuspage)["incident"]?["body"]?.stringValue)
        return [("markdown", markdown), ("statuspage body", body)]
    }

    @Test func everyAutolinkStartIsBrokenByAnInvisibleJoiner() throws {
        for (label, text) in try outputs() {
            #expect(text.contains("help\u{2060}\\@acme"), "\(label)")
            #expect(text.contains("www\u{2060}\\.acme"), "\(label)")
            #expect(text.contains("https\u{2060}\\://acme"), "\(label)")
            #expect(!text.contains("help@") && !text.contains("help\\@"), "\(label)")
        }
    }

    /// Checked with GitHub's own renderer (cmark-gfm, through Python's `cmarkgfm`) when it is
    /// installed; skipped with the reason printed otherwise.
    @Test func githubsRendererMakesNoLink() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/python3" }
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("Skipping the cmark-gfm check: no python3 (pip install cmarkgfm to run it)")
            return
        }
        for (label, text) in try outputs() {
            guard let html = try GFM.render(text, python: python) else {
                print("Skipping the cmark-gfm check: python3 has no cmarkgfm module (pip install cmarkgfm to run it)")
                return
            }
            #expect(!html.contains("<a "), "\(label): \(html)")
            #expect(html.contains("help\u{2060}@acme.example"), "\(label): the address still reads as written")
        }
        // The renderer does link the raw text, so the check can fail.
        #expect(try GFM.render(Self.hostile, python: python)?.contains("<a href=\"mailto:help@acme.example\"") == true)
    }
}

/// Runs cmark-gfm with the GitHub extensions (autolink among them) on Markdown.
enum GFM {
    /// The HTML, or nil when python3 cannot import `cmarkgfm`.
    static func render(_ markdown: String, python: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import sys
            try:
                import cmarkgfm
            except ImportError:
                sys.exit(3)
            sys.stdout.write(cmarkgfm.github_flavored_markdown_to_html(sys.stdin.read()))
            """]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
