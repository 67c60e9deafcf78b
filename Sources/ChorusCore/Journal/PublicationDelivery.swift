/// What happened when Chorus itself sent an approved text to a destination (a publication
/// entry's `delivery`; a publication recorded by hand has none): where it went, what the
/// service answered, and the ids that let later updates edit the same Statuspage incident or
/// reply in the same Slack thread. Never holds a secret.
public struct PublicationDelivery: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable, Equatable {
        /// The service accepted every request.
        case sent
        /// A request failed; `chorus publish --retry` completes it.
        case failed
    }

    /// The destination's name in the workspace config (unique within its audience).
    public var destination: String
    /// `slack`, `statuspage`, `email` or `webhook`.
    public var type: String
    public var outcome: Outcome
    /// The service's id of what was created or updated: the Statuspage incident id, the Slack
    /// message `ts` that started the thread, the e-mail's Message-ID, the webhook delivery id.
    public var remoteId: String?
    /// Slack: the channel id the thread lives in.
    public var channel: String?
    /// Slack: the `ts` of every message this publication posted (continuations included).
    public var messages: [String]?
    /// The last HTTP status the service answered (nil for e-mail, or when none came).
    public var httpStatus: Int?
    /// Why it failed, in words (secrets masked).
    public var error: String?
    /// True when a failed request may still have been acted on (a timeout after sending): a
    /// retry first looks for what it may have created, and never creates a second one.
    public var uncertain: Bool?
    /// Statuspage: every component id sent to this incident so far (a recovered one is sent
    /// again as operational).
    public var components: [String]?
    /// Requests made in this attempt (retries of one request included).
    public var requests: Int
    /// The same for every attempt of one approval to one destination: the webhook's delivery id,
    /// the e-mail's Message-ID seed, so a receiver can tell a retry from a new message.
    public var key: String

    public init(destination: String, type: String, outcome: Outcome, key: String, requests: Int = 0) {
        self.destination = destination
        self.type = type
        self.outcome = outcome
        self.key = key
        self.requests = requests
    }

    /// The key of `deliveries` in a snapshot: `audience/destination`.
    public static func slot(audience: String, destination: String) -> String { "\(audience)/\(destination)" }
}
