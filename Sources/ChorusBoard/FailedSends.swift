import ChorusCore
import Foundation

/// The incident page's "Sends that failed": each attempt `chorus publish --send` journaled as
/// failed — where it was going, when, what went wrong — set apart in colour and in words from
/// what was published, and whether a retry has since sent it.
enum FailedSends {
    /// The longest error shown; the journal (`chorus log`) keeps it whole.
    static let errorLength = 240

    /// What reached the same destination after `entry` failed: this very text on a retry (same
    /// key), or a later approved text, which readers there have seen instead.
    static func completion(of entry: JournalEntry, sent: [JournalEntry]) -> JournalEntry? {
        guard let delivery = entry.delivery else { return nil }
        return sent.first { $0.seq > entry.seq && $0.audience == entry.audience && $0.delivery?.destination == delivery.destination }
    }

    /// The failed sends nothing has made up for since: no retry, no later update there.
    static func outstanding(_ incident: BoardIncident) -> [JournalEntry] {
        incident.failedSends.filter { completion(of: $0, sent: incident.publications) == nil }
    }

    /// The section, or nothing when no send failed. A later publication to the same audience and
    /// destination completed (retry) or superseded a failed send.
    static func section(_ incident: BoardIncident, incidentID: String, clock: RenderClock) -> String {
        let failed = incident.failedSends
        guard !failed.isEmpty else { return "" }
        func completion(of entry: JournalEntry) -> JournalEntry? { FailedSends.completion(of: entry, sent: incident.publications) }
        func since(_ entry: JournalEntry) -> String {
            guard let later = completion(of: entry) else { return "<strong>not sent</strong>" }
            let how = later.delivery?.key == entry.delivery?.key ? "sent on a retry at " : "a later update went out at "
            return how + IndexPage.timeElement(later.at, clock)
        }
        let outstanding = FailedSends.outstanding(incident)
        var html = "<section class=\"failed-sends\" aria-labelledby=\"failed-heading\">\n<h2 id=\"failed-heading\">Sends that failed</h2>\n"
        if outstanding.isEmpty {
            html += "<p class=\"muted\">Every destination below has since received the text on a retry or a later update.</p>\n"
        } else {
            let audiences = outstanding.compactMap(\.audience).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let retry = "<code>chorus publish \(HTMLText.escape(incidentID)) \(audiences.map { HTMLText.escape($0) }.joined(separator: " ")) --retry</code>"
            html += "<p class=\"banner failed\" role=\"note\"><strong>Not delivered: \(outstanding.count == 1 ? "1 send" : "\(outstanding.count) sends") failed and \(outstanding.count == 1 ? "has" : "have") not been retried.</strong> "
            html += "Readers at these destinations have not seen the approved text. Retry with \(retry).</p>\n"
        }
        html += "<table class=\"stack failed\">\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Audience</th><th scope=\"col\">Destination</th>"
        html += "<th scope=\"col\">What went wrong</th><th scope=\"col\">Since</th><th scope=\"col\">By</th></tr></thead>\n<tbody>\n"
        for entry in failed.reversed() {
            let delivery = entry.delivery
            var destination = HTMLText.escape(delivery?.destination ?? entry.channel ?? "")
            if let type = delivery?.type, !type.isEmpty, type != delivery?.destination { destination += " (\(HTMLText.escape(type)))" }
            let later = completion(of: entry)
            html += "<tr class=\"\(later == nil ? "failed" : "retried")\"><td data-label=\"When\">\(IndexPage.timeElement(entry.at, clock))</td>"
            html += "<td data-label=\"Audience\">\(HTMLText.escape(entry.audience ?? ""))</td>"
            html += "<td data-label=\"Destination\">\(destination)</td>"
            html += "<td data-label=\"What went wrong\">\(HTMLText.escape(summary(delivery)))</td>"
            html += "<td data-label=\"Since\">\(since(entry))</td>"
            html += "<td data-label=\"By\">\(HTMLText.escape(entry.author))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// The error in one line: the HTTP status when there was one, then the first line of the
    /// error, cut at `errorLength` characters.
    static func summary(_ delivery: PublicationDelivery?) -> String {
        let firstLine = (delivery?.error ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        var error = firstLine.trimmingCharacters(in: .whitespaces)
        if error.count > errorLength { error = String(error.prefix(errorLength - 1)) + "\u{2026}" }
        if error.isEmpty { error = "no reason was recorded" }
        guard let status = delivery?.httpStatus, !error.contains("\(status)") else { return error }
        return "HTTP \(status): " + error
    }
}
