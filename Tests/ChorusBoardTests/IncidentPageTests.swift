import ChorusBoard
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// One incident's page: the approved wording with copy buttons, or why there is none to use.
@Suite("Board: incident page")
struct IncidentPageTests {
    static func page(_ snapshot: JournalSnapshot, publications: [JournalEntry] = [], now: String = "2026-11-24T09:30:00Z") throws -> String {
        try #require(BoardSite.page(BoardIncident(snapshot: snapshot, publications: publications), audiences: BoardFixture.audiences,
                                    settings: BoardFixture.settings(now)))
    }

    /// The text between `<pre … id="ID">` and `</pre>`, unescaped as a browser reads it.
    static func preText(_ html: String, id: String) -> String? {
        guard let open = html.range(of: "id=\"\(id)\">"), let close = html.range(of: "</pre>", range: open.upperBound..<html.endIndex) else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func anApprovalOfTheCurrentRevisionShowsTheTextWithACopyButton() throws {
        let state = try BoardFixture.state()
        let approval = try BoardFixture.approval(state, "customer", revision: 3)
        let html = try Self.page(BoardFixture.snapshot(state, revision: 3, approvals: [approval]))
        let text = try #require(Self.preText(html, id: "audience-customer-text-1"))
        #expect(text.hasPrefix("Card payments failing at checkout\n\nStatus: Identified"))
        #expect(text.contains("We will post the next update by 09:55 UTC."))
        #expect(!text.contains("**"), "plain text, not Markdown")
        #expect(html.contains("<button type=\"button\" class=\"copy\" data-copy=\"audience-customer-text-1\" hidden><span class=\"label\">Copy</span>"))
        #expect(html.contains("Approved by Dana Kim at <time datetime=\"2026-11-24T09:26:00Z\">09:26 UTC</time> for revision 3."))
        // The exact approved Markdown, for the status page, has its own button.
        #expect(Self.preText(html, id: "audience-customer-markdown") == approval.text)
        #expect(html.contains("data-copy=\"audience-customer-markdown\""))
        #expect(html.contains("<span class=\"badge approved\">approved</span>"))
    }

    @Test func theSupportReplyAndTheAgentNotesAreSeparateWithTheirOwnButtons() throws {
        let state = try BoardFixture.state()
        let html = try Self.page(BoardFixture.snapshot(state, revision: 3, approvals: [try BoardFixture.approval(state, "support", revision: 3)]))
        #expect(html.contains("<h4>Customer reply (paste as is)</h4>"))
        #expect(html.contains("<h4>Agent notes (never paste these)</h4>"))
        let reply = try #require(Self.preText(html, id: "audience-support-text-1"))
        let notes = try #require(Self.preText(html, id: "audience-support-text-2"))
        #expect(reply.hasPrefix("Hello,\n\nThank you for getting in touch."))
        #expect(reply.hasSuffix("Best regards,"))
        #expect(!reply.contains("Agent notes") && !reply.contains("Escalate"))
        #expect(notes.hasPrefix("- Incident: INC-2041"))
        #expect(notes.contains("- Who is affected: Customers paying by card"))
        #expect(notes.contains("- Escalate: #inc-2041 in Slack"))
        #expect(!html.contains("Support macro: Card payments"), "the draft's title is the page's heading, not wording to copy")
        #expect(html.contains("data-copy=\"audience-support-text-1\"") && html.contains("data-copy=\"audience-support-text-2\""))
    }

    @Test func aStaleApprovalShowsTheBannerAndNotTheText() throws {
        let approvedState = try BoardFixture.state()
        var current = approvedState
        current.workaround = "Customers can pay with PayPal while we work on card payments."
        let approval = try BoardFixture.approval(approvedState, "customer", revision: 3)
        let html = try Self.page(BoardFixture.snapshot(current, revision: 4, approvals: [approval]))
        #expect(html.contains("<strong>Stale: the incident changed since this was approved.</strong>"))
        #expect(html.contains("Approved for revision 3; the incident is now at revision 4 (changed by Marco Silva at 09:25 UTC). Changed since: workaround."))
        #expect(!html.contains("audience-customer-text-1"))
        #expect(!html.contains("data-copy=\"audience-customer"))
        #expect(!html.contains("We are sorry for the disruption"), "no approved sentence of the stale text is on the page")
        #expect(html.contains("<code>chorus approve INC-2041 customer</code>"))
    }

    @Test func anApprovalWhosePromisedUpdateTimeHasPassedIsStale() throws {
        let state = try BoardFixture.state()
        let approval = try BoardFixture.approval(state, "customer", revision: 3)
        let html = try Self.page(BoardFixture.snapshot(state, revision: 3, approvals: [approval]), now: "2026-11-24T10:05:00Z")
        #expect(html.contains("<strong>Stale: the approved text is out of date.</strong>"))
        #expect(html.contains("The approved text promises the next update by 09:55 UTC, which has passed."))
        #expect(!html.contains("audience-customer-text-1"))
        #expect(html.contains("<strong class=\"overdue\">OVERDUE by 10 minutes</strong>"))
    }

    @Test func everyApplicableAudienceWithoutAnApprovalSaysSo() throws {
        let state = try BoardFixture.state()
        let html = try Self.page(BoardFixture.snapshot(state, revision: 3))
        for audience in ["customer", "engineering", "leadership", "sales", "support"] {
            #expect(html.contains("<article class=\"audience\" id=\"audience-\(audience)\""), "\(audience)")
        }
        #expect(!html.contains("id=\"audience-review\""), "the review applies only once resolved")
        #expect(html.components(separatedBy: "<strong>Not approved yet.</strong>").count == 6)
        #expect(!html.contains("class=\"wording\""))
    }

    @Test func anOverrideIsShownAsOne() throws {
        let state = try BoardFixture.state()
        let approval = try BoardFixture.approval(state, "sales", revision: 3, override: "Legal reviewed the wording")
        let html = try Self.page(BoardFixture.snapshot(state, revision: 3, approvals: [approval]))
        #expect(html.contains("<strong>Approved with an override</strong> despite 1 error finding(s): Legal reviewed the wording"))
        #expect(html.contains("id=\"audience-sales-text-1\""))
    }

    @Test func thePinnedSummaryAndThePublications() throws {
        let state = try BoardFixture.state()
        let publications = [BoardFixture.publication("customer", channel: "statuspage", revision: 2, at: "2026-11-24T09:12:00Z"),
                            BoardFixture.publication("support", channel: "Zendesk macro", revision: 3, at: "2026-11-24T09:27:00Z")]
        let html = try Self.page(BoardFixture.snapshot(state, revision: 3), publications: publications)
        #expect(html.contains("<dt>What is broken</dt><dd>Some customers cannot complete checkout when paying by card."))
        #expect(html.contains("<dt>Who is affected</dt><dd>Customers paying by card on the web and in the mobile apps</dd>"))
        #expect(html.contains("<dt>Owner</dt><dd>Dana Kim (communications: Priya Raman)</dd>"))
        #expect(html.contains("<dt>Next update</dt><dd>due <time datetime=\"2026-11-24T09:55:00Z\">09:55 UTC</time> (in 25 minutes)</dd>"))
        let newest = try #require(html.range(of: "Zendesk macro"))
        let oldest = try #require(html.range(of: "<td data-label=\"Where\">statuspage</td>"))
        #expect(newest.lowerBound < oldest.lowerBound, "newest first")
        #expect(html.contains("<td data-label=\"By\">Priya Raman</td>"))
    }

    /// A send journaled as failed is shown apart from what was published: where it was going,
    /// when, the error (escaped), and whether a retry or a later update has since gone out.
    @Test func failedSendsAreShownApartWithTheirErrorEscaped() throws {
        let state = try BoardFixture.state()
        func send(_ audience: String, to destination: String, type: String, _ outcome: PublicationDelivery.Outcome, key: String,
                  at time: String, seq: Int, error: String? = nil, status: Int? = nil) -> JournalEntry {
            var entry = BoardFixture.publication(audience, channel: destination, revision: 3, at: time)
            entry.seq = seq
            var delivery = PublicationDelivery(destination: destination, type: type, outcome: outcome, key: key, requests: 1)
            delivery.error = error
            delivery.httpStatus = status
            entry.delivery = delivery
            return entry
        }
        let entries = [
            send("engineering", to: "incident-channel", type: "slack", .failed, key: "k1", at: "2026-11-24T09:14:00Z", seq: 5,
                 error: "Slack answered channel_not_found"),
            send("engineering", to: "incident-channel", type: "slack", .sent, key: "k1", at: "2026-11-24T09:16:00Z", seq: 6),
            send("customer", to: "statuspage", type: "statuspage", .failed, key: "k2", at: "2026-11-24T09:20:00Z", seq: 7,
                 error: "answered 503: <b onmouseover=alert(1)>Service Unavailable</b> & \u{202E}more\nsecond line", status: 503),
        ]
        let incident = BoardIncident(snapshot: BoardFixture.snapshot(state, revision: 3), entries: entries)
        #expect(incident.publications.map(\.seq) == [6] && incident.failedSends.map(\.seq) == [5, 7])
        let html = try #require(BoardSite.page(incident, audiences: BoardFixture.audiences, settings: BoardFixture.settings()))

        let failed = try #require(html.range(of: "<h2 id=\"failed-heading\">Sends that failed</h2>"))
        let published = try #require(html.range(of: "<h2 id=\"published-heading\">Published</h2>"))
        #expect(failed.upperBound < published.lowerBound, "failed sends come first, in a section of their own")
        #expect(html.contains("<p class=\"banner failed\" role=\"note\"><strong>Not delivered: 1 send failed and has not been retried.</strong> Readers at these destinations have not seen the approved text. Retry with <code>chorus publish INC-2041 customer --retry</code>.</p>"), "\(html)")
        #expect(html.contains("<tr class=\"failed\"><td data-label=\"When\"><time datetime=\"2026-11-24T09:20:00Z\">09:20 UTC</time></td><td data-label=\"Audience\">customer</td><td data-label=\"Destination\">statuspage</td>"))
        #expect(html.contains("<td data-label=\"What went wrong\">answered 503: &lt;b onmouseover=alert(1)&gt;Service Unavailable&lt;/b&gt; &amp; more</td><td data-label=\"Since\"><strong>not sent</strong></td>"), "escaped, first line only, no bidi control: \(html)")
        #expect(!html.contains("<b onmouseover") && !html.contains("\u{202E}") && !html.contains("second line"))
        #expect(html.contains("<tr class=\"retried\"><td data-label=\"When\"><time datetime=\"2026-11-24T09:14:00Z\">09:14 UTC</time></td><td data-label=\"Audience\">engineering</td><td data-label=\"Destination\">incident-channel (slack)</td><td data-label=\"What went wrong\">Slack answered channel_not_found</td><td data-label=\"Since\">sent on a retry at <time datetime=\"2026-11-24T09:16:00Z\">09:16 UTC</time></td>"), "\(html)")
        #expect(html.contains("table.failed tr.failed td { background: var(--bad-bg)"), "failed rows are set apart in colour too")
        // Published lists only what went out.
        let publishedTable = String(html[published.upperBound...])
        #expect(publishedTable.contains("incident-channel") && !publishedTable.contains("statuspage"))

        // Nothing failed: no section at all.
        let quiet = try Self.page(BoardFixture.snapshot(state, revision: 3))
        #expect(!quiet.contains("Sends that failed"))
    }

    /// Every value is escaped: a hostile state shows its text literally and adds no element,
    /// attribute, link or script; bidi controls are dropped.
    @Test func aHostileStateRendersInert() throws {
        var state = try BoardFixture.state()
        state.title = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">"
        state.impact.summary = "</pre></dd><script>alert(1)</script> & \"quoted\" 'single' \u{202E}evil"
        state.roles.incidentLead = "<b onmouseover=alert(1)>Mallory</b>"
        state.links = [Link(title: "<i>x</i>", url: "javascript:alert(1)"), Link(title: "ok", url: "https://example.com/?a=1&b=\"2\"")]
        state.workaround = "{{title}} <style>body{display:none}</style>"
        let approval = try BoardFixture.approval(state, "customer", revision: 1)
        let html = try Self.page(BoardFixture.snapshot(state, revision: 1, approvals: [approval]))
        #expect(html.components(separatedBy: "<script>").count == 2, "only the board's own script")
        #expect(html.components(separatedBy: "<style>").count == 2, "only the board's own style")
        #expect(!html.contains("<img") && !html.contains("<b ") && !html.contains("<i>") && !html.contains("javascript:"))
        #expect(!html.contains("\u{202E}"))
        #expect(html.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;"))
        #expect(html.contains("&lt;/pre&gt;&lt;/dd&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39; evil"))
        #expect(html.contains("<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">ok</a>"))
        let text = try #require(Self.preText(html, id: "audience-customer-text-1"))
        #expect(text.contains("{{title}} <style>body{display:none}</style>"))
    }

    /// The Content-Security-Policy allows exactly the page's own inline style and script.
    @Test func thePolicyHashesAreThoseOfTheInlineStyleAndScript() throws {
        let html = try Self.page(BoardFixture.snapshot(try BoardFixture.state(), revision: 3))
        func inner(_ tag: String) throws -> String {
            let open = try #require(html.range(of: "<\(tag)>"))
            let close = try #require(html.range(of: "</\(tag)>", range: open.upperBound..<html.endIndex))
            return String(html[open.upperBound..<close.lowerBound])
        }
        func hash(_ text: String) -> String { Data(SHA256.digest(Array(text.utf8))).base64EncodedString() }
        #expect(html.contains("style-src 'sha256-\(hash(try inner("style")))'"))
        #expect(html.contains("script-src 'sha256-\(hash(try inner("script")))'"))
        #expect(html.contains("default-src 'none'"))
        #expect(!html.contains("http://") && !html.contains("src=\""), "nothing is loaded from anywhere")
    }

    @Test func thePageIsTheSameForTheSameInput() throws {
        let state = try BoardFixture.state()
        let snapshot = BoardFixture.snapshot(state, revision: 3, approvals: [try BoardFixture.approval(state, "support", revision: 3)])
        #expect(try Self.page(snapshot) == (try Self.page(snapshot)))
    }
}
