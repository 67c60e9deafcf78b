import ChorusCore
import ChorusSupport
import Foundation

/// `incidents/<ID>.html`: the pinned summary, each audience's approved wording with copy
/// buttons (or why there is none to use), and what was published to whom and when.
enum IncidentPage {
    /// The audiences the page covers: every audience that applies to the incident now, then any
    /// other that has an approval, in the catalog's order.
    static func audienceNames(_ snapshot: JournalSnapshot, state: IncidentState, audiences: [Audience]) -> [String] {
        var names = audiences.filter { $0.applies(to: state) || snapshot.approvals[$0.name] != nil }.map(\.name)
        names += snapshot.approvals.keys.filter { !names.contains($0) }.sorted()
        return names
    }

    static func html(_ incident: BoardIncident, audiences: [Audience], settings: BoardSettings) -> String? {
        guard let state = incident.snapshot.state else { return nil }
        let clock = settings.clock
        let snapshot = incident.snapshot
        var main = "<nav aria-label=\"Breadcrumb\"><a href=\"../index.html\">All incidents</a></nav>\n"
        main += "<h1>\(HTMLText.escape(state.title)) <span class=\"incident-id\">\(HTMLText.escape(state.id))</span></h1>\n"
        var meta = "<span class=\"badge \(state.severity.rawValue)\">\(state.severity.rawValue.uppercased())</span> "
        meta += "<span class=\"badge\">\(HTMLText.escape(Labels.status(state.status)))</span> "
        meta += "revision \(snapshot.revision), last changed \(IndexPage.timeElement(state.lastUpdatedAt, clock))"
        if let author = snapshot.revisionAuthor { meta += " by \(HTMLText.escape(author))" }
        main += "<p class=\"meta\">\(meta)</p>\n"
        main += summary(state, clock: clock)
        main += "<section aria-labelledby=\"wording-heading\">\n<h2 id=\"wording-heading\">Approved wording</h2>\n"
        main += "<p class=\"muted\">Only approved text for the current state of the incident is shown. Copy it as it is.</p>\n"
        for name in audienceNames(snapshot, state: state, audiences: audiences) {
            let channel = audiences.first { $0.name == name }?.channel
            main += card(AudienceWording(audience: name, channel: channel, snapshot: snapshot, clock: clock), incidentID: state.id, clock: clock)
        }
        main += "</section>\n"
        main += FailedSends.section(incident, incidentID: state.id, clock: clock)
        main += published(incident.publications, clock: clock)
        return PageLayout.page(title: "\(state.id): \(state.title)", siteTitle: settings.title, root: "../", settings: settings, main: main)
    }

    /// What is broken, who is affected, owner, next update: what anyone answering a question
    /// needs first.
    static func summary(_ state: IncidentState, clock: RenderClock) -> String {
        func row(_ label: String, _ value: String) -> String { "<dt>\(label)</dt><dd>\(value)</dd>\n" }
        var html = "<section aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Pinned summary</h2>\n<dl class=\"summary\">\n"
        html += row("What is broken", HTMLText.escape(state.impact.summary))
        html += row("Who is affected", HTMLText.escape(state.impact.whoIsAffected))
        let affected = state.components.filter { $0.status != .operational }
        if !affected.isEmpty {
            html += row("Affected services", affected.map { "\(HTMLText.escape($0.publicName)): \(HTMLText.escape(Labels.componentStatus($0.status)))" }.joined(separator: "<br>"))
        }
        if let workaround = state.workaround { html += row("Workaround", HTMLText.escape(workaround)) }
        var owner = HTMLText.escape(state.roles.incidentLead)
        if let comms = state.roles.commsLead { owner += " (communications: \(HTMLText.escape(comms)))" }
        html += row("Owner", owner)
        html += row("Status", HTMLText.escape(Labels.status(state.status)) + ", since " + IndexPage.timeElement(state.lastUpdatedAt, clock))
        if state.status.isOpen {
            html += row("Next update", IndexPage.nextUpdate(state, clock))
        } else if let resolved = state.resolvedAt {
            html += row("Resolved", IndexPage.timeElement(resolved, clock))
        }
        html += row("Started", IndexPage.timeElement(state.startedAt, clock))
        let links = state.links.compactMap { link in
            HTMLText.href(link.url).map { "<a href=\"\($0)\" rel=\"noopener noreferrer\">\(HTMLText.escape(link.title))</a>" }
        }
        if !links.isEmpty { html += row("Links", links.joined(separator: "<br>")) }
        return html + "</dl>\n</section>\n"
    }

    static func card(_ wording: AudienceWording, incidentID: String, clock: RenderClock) -> String {
        let anchor = "audience-" + HTMLText.escape(wording.audience)
        var html = "<article class=\"audience\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-heading\">\n<div class=\"audience-head\">"
        html += "<h3 id=\"\(anchor)-heading\">\(HTMLText.escape(wording.audience))</h3>"
        if let channel = wording.channel { html += "<span class=\"muted\">\(HTMLText.escape(channel))</span>" }
        switch wording.standing {
        case .current: html += "<span class=\"badge approved\">approved</span>"
        case .stale: html += "<span class=\"badge stale\">stale</span>"
        case .notApproved: html += "<span class=\"badge pending\">not approved yet</span>"
        }
        html += "</div>\n"
        let approve = "<code>chorus approve \(HTMLText.escape(incidentID)) \(HTMLText.escape(wording.audience))</code>"
        switch wording.standing {
        case .notApproved:
            html += "<p class=\"banner pending\" role=\"note\"><strong>Not approved yet.</strong> There is no approved wording for this audience; ask the incident lead (\(approve)).</p>\n"
        case .stale(let changed, let reasons):
            let headline = changed ? "Stale: the incident changed since this was approved." : "Stale: the approved text is out of date."
            html += "<div class=\"banner stale\" role=\"note\"><p><strong>\(headline)</strong> Do not use the old wording; ask for a new approval (\(approve)).</p><ul>"
            html += reasons.map { "<li>\(HTMLText.escape($0))</li>" }.joined()
            html += "</ul>\(approvedBy(wording, clock))</div>\n"
        case .current:
            html += approvedBy(wording, clock) + "\n"
            if let approval = wording.approval, approval.kind == .override {
                html += "<p class=\"banner override\" role=\"note\"><strong>Approved with an override</strong> despite \(approval.errorFindings?.count ?? 0) error finding(s): \(HTMLText.escape(approval.reason ?? ""))</p>\n"
            }
            for (index, section) in wording.sections.enumerated() {
                let id = "\(anchor)-text-\(index + 1)"
                let name = section.title ?? "wording"
                if let title = section.title { html += "<h4>\(HTMLText.escape(title))</h4>\n" }
                html += "<pre class=\"wording\" id=\"\(id)\">\(HTMLText.escape(section.text, multiline: true))</pre>\n"
                html += copyButton(target: id, label: "\(wording.audience): \(name)")
            }
            if let markdown = wording.markdown {
                let id = "\(anchor)-markdown"
                html += "<pre class=\"offscreen\" aria-hidden=\"true\" id=\"\(id)\">\(HTMLText.escape(markdown, multiline: true))</pre>\n"
                html += copyButton(target: id, label: "\(wording.audience) as Markdown", visible: "Copy as Markdown")
            }
        }
        return html + "</article>\n"
    }

    static func approvedBy(_ wording: AudienceWording, _ clock: RenderClock) -> String {
        guard let approval = wording.approval else { return "" }
        return "<p class=\"by\">Approved by \(HTMLText.escape(approval.author)) at \(IndexPage.timeElement(approval.at, clock)) for revision \(approval.revision ?? 0).</p>"
    }

    /// A button that stays hidden until the script runs (without it there is nothing to click).
    static func copyButton(target: String, label: String, visible: String = "Copy") -> String {
        "<button type=\"button\" class=\"copy\" data-copy=\"\(target)\" hidden><span class=\"label\">\(visible)</span><span class=\"sr-only\"> \(HTMLText.escape(label))</span></button>\n"
    }

    static func published(_ publications: [JournalEntry], clock: RenderClock) -> String {
        var html = "<section aria-labelledby=\"published-heading\">\n<h2 id=\"published-heading\">Published</h2>\n"
        guard !publications.isEmpty else { return html + "<p>Nothing has been published yet.</p>\n</section>\n" }
        html += "<table class=\"stack\">\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Audience</th><th scope=\"col\">Where</th><th scope=\"col\">Revision</th><th scope=\"col\">By</th></tr></thead>\n<tbody>\n"
        for entry in publications.reversed() {
            html += "<tr><td data-label=\"When\">\(IndexPage.timeElement(entry.at, clock))</td>"
            html += "<td data-label=\"Audience\">\(HTMLText.escape(entry.audience ?? ""))</td>"
            html += "<td data-label=\"Where\">\(HTMLText.escape(entry.channel ?? ""))</td>"
            html += "<td data-label=\"Revision\">\(entry.revision ?? 0)</td>"
            html += "<td data-label=\"By\">\(HTMLText.escape(entry.author))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
