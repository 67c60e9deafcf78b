import ChorusSupport
import Foundation

/// Where an audience's approved text is sent: one entry of a workspace's `destinations`.
///
/// Secrets are never part of a destination: it names the environment variables that hold them
/// (`apiKeyEnv`, `tokenEnv`, `webhookEnv`, `secretEnv`, `urlEnv`), read only when sending.
public struct Destination: Sendable, Equatable {
    /// The audience whose approved text goes here.
    public var audience: String
    /// Unique within the audience (`name` in the config, else the type, numbered when repeated):
    /// what the journal binds remote ids to (the Statuspage incident, the Slack thread).
    public var name: String
    public var service: Service
    /// Where the destination was written, for messages.
    public var position: SourcePosition
    public var path: JSONPath

    public init(audience: String, name: String, service: Service, position: SourcePosition = .start, path: JSONPath = .root) {
        self.audience = audience
        self.name = name
        self.service = service
        self.position = position
        self.path = path
    }

    public enum Service: Sendable, Equatable {
        case slackWebhook(SlackWebhook)
        case slackAPI(SlackAPI)
        case statuspage(Statuspage)
        case email(Email)
        case webhook(Webhook)
    }

    /// A Slack incoming webhook: each publication is a message of its own (incoming webhooks
    /// return no message id, so they cannot thread).
    public struct SlackWebhook: Sendable, Equatable {
        /// The variable holding the webhook URL (the URL is the secret).
        public var webhookEnv: String

        public init(webhookEnv: String) { self.webhookEnv = webhookEnv }
    }

    /// Slack's Web API with a bot token: the first publication posts, later ones go to its
    /// thread (or update it).
    public struct SlackAPI: Sendable, Equatable {
        public enum Updates: String, Sendable, Equatable, CaseIterable {
            /// Later publications are replies in the first message's thread.
            case thread
            /// Later publications replace the first message (`chat.update`).
            case update
        }

        public var tokenEnv: String
        /// A channel id (`C0123456789`) or name (`#incidents`).
        public var channel: String
        public var updates: Updates
        /// Thread replies are also sent to the channel (`reply_broadcast`).
        public var broadcast: Bool
        /// `https://slack.com/api`, or another base (a proxy, a test double).
        public var apiURL: String

        public init(tokenEnv: String, channel: String, updates: Updates = .thread, broadcast: Bool = false,
                    apiURL: String = "https://slack.com/api") {
            self.tokenEnv = tokenEnv; self.channel = channel; self.updates = updates; self.broadcast = broadcast; self.apiURL = apiURL
        }
    }

    /// A Statuspage page: the first publication creates the incident, later ones update it.
    public struct Statuspage: Sendable, Equatable {
        public var pageId: String
        public var apiKeyEnv: String
        public var apiURL: String
        /// `deliver_notifications`; nil for the default (true, false for a retrospective).
        public var notify: Bool?
        public var maintenance: StatuspageExport.Maintenance

        public init(pageId: String, apiKeyEnv: String, apiURL: String = "https://api.statuspage.io/v1", notify: Bool? = nil,
                    maintenance: StatuspageExport.Maintenance = StatuspageExport.Maintenance()) {
            self.pageId = pageId; self.apiKeyEnv = apiKeyEnv; self.apiURL = apiURL; self.notify = notify; self.maintenance = maintenance
        }
    }

    /// An RFC 5322 message (plain text and HTML), handed to a sendmail-compatible command or
    /// written as a `.eml` file into a folder.
    public struct Email: Sendable, Equatable {
        public enum Transport: Sendable, Equatable {
            /// The command and its arguments; the message is its standard input.
            case sendmail([String])
            /// A folder (relative to the workspace) the message is written into.
            case outbox(String)
        }

        public var from: String
        public var to: [String]
        public var cc: [String]
        public var replyTo: String?
        public var subjectPrefix: String
        public var transport: Transport

        public init(from: String, to: [String], cc: [String] = [], replyTo: String? = nil, subjectPrefix: String = "", transport: Transport) {
            self.from = from; self.to = to; self.cc = cc; self.replyTo = replyTo; self.subjectPrefix = subjectPrefix; self.transport = transport
        }
    }

    /// A generic webhook: the JSON envelope POSTed, signed with HMAC-SHA256 when a secret is set.
    public struct Webhook: Sendable, Equatable {
        public enum Address: Sendable, Equatable {
            case url(String)
            /// The variable holding the URL (when the URL itself is a secret).
            case environment(String)
        }

        public var address: Address
        public var secretEnv: String?
        /// The header carrying `sha256=<hex HMAC of the body>`.
        public var signatureHeader: String
        /// Extra headers, sent as written (no secrets: they are in the config).
        public var headers: [(name: String, value: String)]

        public init(address: Address, secretEnv: String? = nil, signatureHeader: String = "X-Chorus-Signature-256",
                    headers: [(name: String, value: String)] = []) {
            self.address = address; self.secretEnv = secretEnv; self.signatureHeader = signatureHeader; self.headers = headers
        }

        public static func == (lhs: Webhook, rhs: Webhook) -> Bool {
            lhs.address == rhs.address && lhs.secretEnv == rhs.secretEnv && lhs.signatureHeader == rhs.signatureHeader
                && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
        }
    }

    /// `slack`, `statuspage`, `email` or `webhook`.
    public var type: String {
        switch service {
        case .slackWebhook, .slackAPI: return "slack"
        case .statuspage: return "statuspage"
        case .email: return "email"
        case .webhook: return "webhook"
        }
    }

    /// The environment variables this destination reads when sending.
    public var environmentVariables: [String] {
        switch service {
        case .slackWebhook(let slack): return [slack.webhookEnv]
        case .slackAPI(let slack): return [slack.tokenEnv]
        case .statuspage(let page): return [page.apiKeyEnv]
        case .email: return []
        case .webhook(let hook):
            var names: [String] = []
            if case .environment(let name) = hook.address { names.append(name) }
            if let secret = hook.secretEnv { names.append(secret) }
            return names
        }
    }

    /// One line for people: `customer/statuspage (statuspage page kctbh9vrtdwd)`.
    public var summary: String {
        let what: String
        switch service {
        case .slackWebhook(let slack): what = "Slack incoming webhook from $\(slack.webhookEnv)"
        case .slackAPI(let slack): what = "Slack \(slack.channel), later updates \(slack.updates == .thread ? "in its thread" : "replace it")"
        case .statuspage(let page): what = "Statuspage page \(page.pageId)"
        case .email(let mail):
            let via: String
            switch mail.transport {
            case .sendmail(let command): via = "via \(command.first ?? "sendmail")"
            case .outbox(let folder): via = "written to \(folder)"
            }
            what = "email to \((mail.to + mail.cc).joined(separator: ", ")) \(via)"
        case .webhook(let hook):
            switch hook.address {
            case .url(let url): what = "webhook \(url)"
            case .environment(let name): what = "webhook from $\(name)"
            }
        }
        return "\(audience)/\(name) (\(what))"
    }
}
