import ChorusCore
import ChorusSupport
import Foundation

/// Sends approved drafts to their destinations and says what happened, as journal-ready
/// delivery records. Everything it touches is injected — the transport, the mailer, the clock
/// and sleeper, the environment — so tests run it against local doubles without waiting.
public struct Publisher: Sendable {
    public var transport: any HTTPTransport
    public var mailer: any MailTransport
    public var sleeper: any Sleeper
    public var policy: RetryPolicy
    public var secrets: Secrets
    /// The jitter of back-off waits: the system's random numbers unless a test fixes them.
    public var random: any RandomSource

    public init(transport: any HTTPTransport, mailer: any MailTransport, sleeper: any Sleeper = SystemSleeper(),
                policy: RetryPolicy = RetryPolicy(), secrets: Secrets, random: any RandomSource = SystemRandomSource()) {
        self.transport = transport
        self.mailer = mailer
        self.sleeper = sleeper
        self.policy = policy
        self.secrets = secrets
        self.random = random
    }

    /// What one send to one destination did.
    public struct Report: Sendable {
        public var destination: Destination
        public var delivery: PublicationDelivery
        /// Every request made, in order (for `--dry-run`, with secrets still inside: print
        /// them with `OutgoingRequest.masked`).
        public var requests: [OutgoingRequest]
        public var notes: [String]
        /// Seconds waited between tries.
        public var waits: [Double]
    }

    /// Sends `publication` to `destination`. `previous` is the journal's latest delivery entry
    /// for that destination (`JournalSnapshot.deliveries`): its ids make this an update of the
    /// same Statuspage incident or a reply in the same Slack thread, and when it is a failed
    /// attempt of the same approval, this completes it without repeating what went through.
    public func send(_ publication: Publication, to destination: Destination, previous: JournalEntry?, notify: Bool? = nil) -> Report {
        var attempt = SendAttempt(publication: publication, destination: destination, previous: previous, secrets: secrets,
                                  exchange: Exchange(transport: transport, policy: policy, sleeper: sleeper, random: random))
        switch destination.service {
        case .slackWebhook(let hook): SlackSender.sendWebhook(&attempt, hook)
        case .slackAPI(let slack): SlackSender.sendAPI(&attempt, slack)
        case .statuspage(let page): StatuspageSender.send(&attempt, page, notify: notify)
        case .webhook(let hook): WebhookSender.send(&attempt, hook)
        case .email(let mail): EmailSender.send(&attempt, mail, mailer: mailer, date: sleeper.now())
        }
        attempt.delivery.requests = attempt.exchange.requests
        return Report(destination: destination, delivery: attempt.delivery, requests: attempt.sent, notes: attempt.notes,
                      waits: attempt.exchange.waits)
    }

    /// The journal entry recording `report` (dated and numbered by the journal when appended).
    public static func entry(for report: Report, of publication: Publication, author: String) -> JournalEntry {
        var entry = JournalEntry(seq: 0, at: Date(timeIntervalSince1970: 0), author: author, kind: .publication)
        entry.audience = publication.audience
        entry.revision = publication.approval.revision
        entry.approvalSeq = publication.approval.seq
        entry.sha256 = publication.approval.sha256
        entry.channel = report.destination.name
        entry.delivery = report.delivery
        return entry
    }
}

/// Answers every request as the service would on success, and keeps them: `--dry-run` runs the
/// real senders against it, so what it prints is exactly what a send would do first.
public final class DryRunTransport: HTTPTransport, MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    public func send(_ request: OutgoingRequest) throws(TransportError) -> HTTPResponse {
        lock.lock(); count += 1; let number = count; lock.unlock()
        let path = URLComponents(string: request.url)?.path ?? ""
        if path.hasSuffix("/chat.postMessage") || path.hasSuffix("/chat.update") {
            return HTTPResponse(status: 200, body: Array(#"{"ok":true,"channel":"DRY-RUN-CHANNEL","ts":"0000000000.00000\#(number)"}"#.utf8))
        }
        if path.hasSuffix("/conversations.history") { return HTTPResponse(status: 200, body: Array(#"{"ok":true,"messages":[]}"#.utf8)) }
        if path.hasSuffix("/incidents") && request.method == "GET" { return HTTPResponse(status: 200, body: Array("[]".utf8)) }
        if path.contains("/incidents") { return HTTPResponse(status: request.method == "POST" ? 201 : 200, body: Array(#"{"id":"dry-run-incident"}"#.utf8)) }
        return HTTPResponse(status: 200, body: Array("ok".utf8))
    }

    public func deliver(_ message: EmailMessage, via transport: Destination.Email.Transport, fileName: String) throws(MailError) {}
}
