/// The formats a draft can be produced in.
public enum OutputFormat: String, Sendable, Codable, CaseIterable {
    case text
    case markdown
    /// A complete, escaped HTML fragment.
    case html
    /// A Slack Block Kit payload for an incoming webhook.
    case slack
    /// The JSON body of a Statuspage incident create/update (customer audience only).
    case statuspage
    /// An envelope with audience, incident id, revision, text and findings.
    case json
}
