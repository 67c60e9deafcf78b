import ChorusCore
import ChorusSupport
import Foundation

/// One attempt to send a publication to one destination: the requests it makes (with
/// retries), and the delivery record it leaves for the journal.
struct SendAttempt {
    let publication: Publication
    let destination: Destination
    /// The latest earlier attempt to this destination (any approval), from the journal.
    let previous: PublicationDelivery?
    /// Whether `previous` was an attempt of this same approval (a retry).
    let isRetry: Bool
    let secrets: Secrets
    var exchange: Exchange
    var delivery: PublicationDelivery
    /// Every request, in order (what a dry run prints).
    var sent: [OutgoingRequest] = []
    /// Things the person sending should know (a component that cannot be set, say).
    var notes: [String] = []

    init(publication: Publication, destination: Destination, previous: JournalEntry?, secrets: Secrets, exchange: Exchange) {
        self.publication = publication
        self.destination = destination
        self.previous = previous?.delivery
        self.isRetry = previous?.approvalSeq == publication.approval.seq && previous?.delivery?.outcome == .failed
        self.secrets = secrets
        self.exchange = exchange
        var delivery = PublicationDelivery(destination: destination.name, type: destination.type, outcome: .failed,
                                           key: publication.key(for: destination))
        // What later updates go to carries over from attempt to attempt.
        delivery.remoteId = previous?.delivery?.remoteId
        delivery.channel = previous?.delivery?.channel
        delivery.components = previous?.delivery?.components
        if isRetry { delivery.messages = previous?.delivery?.messages }
        self.delivery = delivery
    }

    static let userAgent = "chorus/\(ChorusVersion.current) (+incident communication)"

    /// Sends `request`; records it.
    mutating func send(_ request: OutgoingRequest, repeatable: Bool) -> ExchangeResult {
        sent.append(request)
        let result = exchange.send(request, repeatable: repeatable)
        if case .answered(let response) = result { delivery.httpStatus = response.status }
        return result
    }

    /// The secret in `variable` for this attempt's destination; nil when it is not set, after
    /// failing the attempt with a message naming the variable (the sender then stops).
    mutating func secret(_ variable: String) -> OutgoingRequest.Secret? {
        do { return try secrets.value(variable, for: destination) } catch {
            fail(error.description)
            return nil
        }
    }

    /// Marks the attempt failed with `message` (secrets masked).
    mutating func fail(_ message: String, uncertain: Bool = false) {
        delivery.outcome = .failed
        delivery.error = OutgoingRequest.mask(message, sent.flatMap(\.secrets))
        delivery.uncertain = uncertain ? true : nil
    }

    mutating func succeed() {
        delivery.outcome = .sent
        delivery.error = nil
        delivery.uncertain = nil
    }

    /// A JSON request body.
    static func json(_ value: JSONOutput) -> [UInt8] { Array(value.rendered(pretty: false).utf8) }

    /// The answer's text, cut short for a message.
    static func excerpt(_ response: HTTPResponse) -> String {
        let text = TerminalText.escaped(response.text)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

/// The version chorus reports to services.
public enum ChorusVersion {
    public static let current = "0.1.0"
}
