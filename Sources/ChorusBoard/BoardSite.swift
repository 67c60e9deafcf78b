import ChorusCore

/// The board as pages: `index.html` and one `incidents/<ID>.html` per incident. Pure: the same
/// input gives the same bytes, so it is tested without touching the disk.
public enum BoardSite {
    /// The index page.
    public static func index(_ incidents: [BoardIncident], audiences: [Audience], settings: BoardSettings) -> String {
        IndexPage.html(incidents, audiences: audiences, settings: settings)
    }

    /// An incident's page, or nil when its journal holds no state yet.
    public static func page(_ incident: BoardIncident, audiences: [Audience], settings: BoardSettings) -> String? {
        IncidentPage.html(incident, audiences: audiences, settings: settings)
    }

    /// Every page by its path inside the site.
    public static func pages(_ incidents: [BoardIncident], audiences: [Audience], settings: BoardSettings) -> [String: String] {
        var pages = ["index.html": index(incidents, audiences: audiences, settings: settings)]
        for incident in incidents {
            if let html = page(incident, audiences: audiences, settings: settings) { pages[incident.pagePath] = html }
        }
        return pages
    }
}
