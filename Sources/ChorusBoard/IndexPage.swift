import ChorusCore
import ChorusSupport
import Foundation

/// `index.html`: the open incidents and the recently resolved, at a glance.
enum IndexPage {
    static func html(_ incidents: [BoardIncident], audiences: [Audience], settings: BoardSettings) -> String {
        let clock = settings.clock
        let states = incidents.compactMap { incident in incident.snapshot.state.map { (incident, $0) } }
        let open = states.filter { $0.1.status.isOpen }
            .sorted { ($0.1.severity.rawValue, $0.1.id) < ($1.1.severity.rawValue, $1.1.id) }
        let horizon = clock.now.addingTimeInterval(-Double(settings.recentDays) * 86_400)
        let resolved = states.filter { !$0.1.status.isOpen && ($0.1.resolvedAt ?? $0.1.lastUpdatedAt) >= horizon }
            .sorted { ($0.1.resolvedAt ?? $0.1.lastUpdatedAt) > ($1.1.resolvedAt ?? $1.1.lastUpdatedAt) }
        let overdue = open.filter { $0.1.nextUpdateAt.map { $0 < clock.now } ?? false }.count
        let undelivered = states.filter { !FailedSends.outstanding($0.0).isEmpty }.count

        var main = "<h1>\(HTMLText.escape(settings.title))</h1>\n"
        var line = "\(open.count) open incident\(open.count == 1 ? "" : "s")"
        if overdue > 0 { line += ", <span class=\"overdue\">\(overdue) with an overdue update</span>" }
        if undelivered > 0 {
            line += ", <span class=\"overdue\">\(undelivered) with a send that failed and was not retried</span>"
        }
        main += "<p class=\"meta\">\(line). Each incident's page has the approved wording for every audience, with copy buttons.</p>\n"
        main += "<section aria-labelledby=\"open-heading\">\n<h2 id=\"open-heading\">Open incidents</h2>\n"
        main += open.isEmpty ? "<p>No open incidents.</p>\n" : table(open, audiences: audiences, clock: clock, resolved: false)
        main += "</section>\n"
        main += "<section aria-labelledby=\"resolved-heading\">\n<h2 id=\"resolved-heading\">Resolved in the last \(settings.recentDays) day\(settings.recentDays == 1 ? "" : "s")</h2>\n"
        main += resolved.isEmpty ? "<p>None.</p>\n" : table(resolved, audiences: audiences, clock: clock, resolved: true)
        main += "</section>"
        return PageLayout.page(title: settings.title, siteTitle: settings.title, root: "", settings: settings, main: main)
    }

    static func table(_ rows: [(BoardIncident, IncidentState)], audiences: [Audience], clock: RenderClock, resolved: Bool) -> String {
        var html = "<table class=\"stack\">\n<thead><tr><th scope=\"col\">Incident</th><th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th><th scope=\"col\">Last update</th><th scope=\"col\">\(resolved ? "Resolved" : "Next update")</th><th scope=\"col\">Approved wording</th></tr></thead>\n<tbody>\n"
        for (incident, state) in rows {
            html += "<tr>"
            html += "<td data-label=\"Incident\"><a href=\"\(incident.pagePath)\">\(HTMLText.escape(state.title))</a> <span class=\"incident-id\">\(HTMLText.escape(state.id))</span></td>"
            html += "<td data-label=\"Severity\"><span class=\"badge \(state.severity.rawValue)\">\(state.severity.rawValue.uppercased())</span></td>"
            html += "<td data-label=\"Status\">\(HTMLText.escape(Labels.status(state.status)))</td>"
            html += "<td data-label=\"Owner\">\(HTMLText.escape(state.roles.incidentLead))</td>"
            html += "<td data-label=\"Last update\">\(timeElement(state.lastUpdatedAt, clock))</td>"
            if resolved {
                html += "<td data-label=\"Resolved\">\(state.resolvedAt.map { timeElement($0, clock) } ?? "—")</td>"
            } else {
                html += "<td data-label=\"Next update\">\(nextUpdate(state, clock))</td>"
            }
            html += "<td data-label=\"Approved wording\">\(wordingSummary(incident, state: state, audiences: audiences, clock: clock))</td>"
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    static func timeElement(_ date: Date, _ clock: RenderClock) -> String {
        "<time datetime=\"\(ISO8601.format(date))\">\(HTMLText.escape(clock.absolute(date)))</time>"
    }

    /// "due 09:40 UTC (in 15 minutes)", or "OVERDUE by 5 minutes (was due 09:40 UTC)" marked
    /// in words and colour, never by colour alone.
    static func nextUpdate(_ state: IncidentState, _ clock: RenderClock) -> String {
        guard let next = state.nextUpdateAt else { return "not set" }
        if let late = clock.overdue(next) {
            return "<strong class=\"overdue\">\(HTMLText.escape(late))</strong> (was due \(timeElement(next, clock)))"
        }
        return "due \(timeElement(next, clock)) (\(HTMLText.escape(clock.relative(next))))"
    }

    /// One line per audience: approved, stale or not approved, so "what was each audience last
    /// told" is visible without opening the page.
    static func wordingSummary(_ incident: BoardIncident, state: IncidentState, audiences: [Audience], clock: RenderClock) -> String {
        let names = IncidentPage.audienceNames(incident.snapshot, state: state, audiences: audiences)
        guard !names.isEmpty else { return "—" }
        var items: [String] = []
        for name in names {
            let wording = AudienceWording(audience: name, channel: nil, snapshot: incident.snapshot, clock: clock)
            let badge: String
            switch wording.standing {
            case .current: badge = "<span class=\"badge approved\">approved</span>"
            case .stale: badge = "<span class=\"badge stale\">stale</span>"
            case .notApproved: badge = "<span class=\"badge pending\">not approved</span>"
            }
            items.append("<li><a href=\"\(incident.pagePath)#audience-\(HTMLText.escape(name))\">\(HTMLText.escape(name))</a> \(badge)</li>")
        }
        // A send that failed is said here too: the approved text did not reach those readers.
        let undelivered = FailedSends.outstanding(incident).count
        if undelivered > 0 {
            let sends = undelivered == 1 ? "1 send" : "\(undelivered) sends"
            items.append("<li><a href=\"\(incident.pagePath)#failed-heading\"><strong class=\"overdue\">\(sends) failed, not retried</strong></a></li>")
        }
        return "<ul>" + items.joined() + "</ul>"
    }
}
