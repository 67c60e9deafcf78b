import ChorusCore
import ChorusSupport
import Foundation

/// A reminder that an incident's next update is due within minutes, or overdue: what
/// `chorus remind` posts to the engineering destinations.
public struct Reminder: Sendable {
    public enum Kind: String, Sendable { case due, overdue }

    public var incidentID: String
    public var title: String
    public var kind: Kind
    /// The promised next update time.
    public var dueAt: Date
    /// "by 09:40 UTC, in 8 minutes" / "was due by 09:40 UTC, 5 minutes ago".
    public var when: String
    /// The incident lead, when the state names one.
    public var lead: String?

    public init(incidentID: String, title: String, kind: Kind, dueAt: Date, when: String, lead: String?) {
        self.incidentID = incidentID
        self.title = title
        self.kind = kind
        self.dueAt = dueAt
        self.when = when
        self.lead = lead
    }

    /// One line, as plain text.
    public var text: String {
        let what = kind == .due ? "The next update is due \(when)" : "The next update is OVERDUE: it \(when)"
        var line = "\(what) — \(incidentID) \(title)."
        if let lead { line += " Lead: \(lead)." }
        return line + " Post it even if nothing changed: chorus update \(incidentID) --next-update +30m, approve, publish."
    }

    /// The key of a reminder: one per incident, kind and due time.
    public var key: String { String(SHA256.hex("reminder\u{1F}\(incidentID)\u{1F}\(kind.rawValue)\u{1F}\(ISO8601.format(dueAt))").prefix(32)) }
}

extension Publisher {
    /// Sends `reminder` to `destination` (Slack: in the incident's thread when one is known,
    /// broadcast to the channel; webhook: a `reminder` event; e-mail: a short message).
    /// Statuspage never gets reminders: they are for the team, not for customers.
    public func remind(_ reminder: Reminder, to destination: Destination, thread: PublicationDelivery?) -> Report {
        var exchange = Exchange(transport: transport, policy: policy, sleeper: sleeper, random: random)
        var delivery = PublicationDelivery(destination: destination.name, type: destination.type, outcome: .failed, key: reminder.key)
        var requests: [OutgoingRequest] = []
        func finish(_ result: ExchangeResult, ok: (HTTPResponse) -> Bool) {
            switch result {
            case .answered(let response):
                delivery.httpStatus = response.status
                if ok(response) { delivery.outcome = .sent } else {
                    delivery.error = "answered \(response.status): \(response.json?["error"]?.stringValue.map { TerminalText.escaped($0) } ?? SendAttempt.excerpt(response))"
                }
            case .unanswered(let message, _):
                delivery.error = message
            }
        }
        let escaped = TemplateText.slack(reminder.text)
        do {
            switch destination.service {
            case .statuspage:
                delivery.error = "Statuspage gets no reminders"
            case .slackAPI(let slack):
                let token = try secrets.value(slack.tokenEnv, for: destination)
                var fields: [(String, JSONOutput)] = [("channel", .string(thread?.channel ?? slack.channel)), ("text", .string(":alarm_clock: " + escaped))]
                if let parent = thread?.remoteId {
                    fields.append(("thread_ts", .string(parent)))
                    fields.append(("reply_broadcast", .bool(true)))
                }
                let request = OutgoingRequest(method: "POST", url: "\(slack.apiURL)/chat.postMessage",
                                              headers: [.init("Authorization", "Bearer \(token.value)"), .init("Content-Type", "application/json; charset=utf-8"),
                                                        .init("User-Agent", SendAttempt.userAgent)],
                                              body: SendAttempt.json(.object(fields)), secrets: [token])
                requests.append(request)
                finish(exchange.send(request, repeatable: false)) { $0.json?["ok"]?.value == .bool(true) }
                if delivery.outcome == .sent { delivery.remoteId = thread?.remoteId }
            case .slackWebhook(let hook):
                let url = try secrets.value(hook.webhookEnv, for: destination)
                let request = OutgoingRequest(method: "POST", url: url.value, headers: [.init("Content-Type", "application/json; charset=utf-8")],
                                              body: SendAttempt.json(.object([("text", .string(":alarm_clock: " + escaped))])), secrets: [url])
                requests.append(request)
                finish(exchange.send(request, repeatable: false)) { (200...299).contains($0.status) }
            case .webhook(let hook):
                var secretValues: [OutgoingRequest.Secret] = []
                var url = ""
                switch hook.address {
                case .url(let address): url = address
                case .environment(let variable):
                    let secret = try secrets.value(variable, for: destination)
                    secretValues.append(secret)
                    url = secret.value
                }
                let body = SendAttempt.json(.object([
                    ("event", .string("reminder")), ("delivery", .string(reminder.key)), ("incident", .string(reminder.incidentID)),
                    ("title", .string(reminder.title)), ("kind", .string(reminder.kind.rawValue)), ("dueAt", .string(ISO8601.format(reminder.dueAt))),
                    ("text", .string(reminder.text)),
                ]))
                var headers: [OutgoingRequest.Header] = [.init("Content-Type", "application/json"), .init("User-Agent", SendAttempt.userAgent),
                                                         .init("X-Chorus-Event", "reminder"), .init("X-Chorus-Delivery", reminder.key)]
                if let variable = hook.secretEnv {
                    let secret = try secrets.value(variable, for: destination)
                    secretValues.append(secret)
                    headers.append(.init(hook.signatureHeader, "sha256=" + HMACSHA256.hex(body, key: Array(secret.value.utf8))))
                }
                for header in hook.headers { headers.append(.init(header.name, header.value)) }
                let request = OutgoingRequest(method: "POST", url: url, headers: headers, body: body, secrets: secretValues)
                requests.append(request)
                finish(exchange.send(request, repeatable: true)) { (200...299).contains($0.status) }
            case .email(let mail):
                let domain = mail.from.split(separator: "@").last.map { String($0.filter { $0 != ">" }) } ?? "chorus.invalid"
                let message = EmailMessage(
                    from: mail.from, to: mail.to, cc: mail.cc, replyTo: mail.replyTo,
                    subject: "\(mail.subjectPrefix.isEmpty ? "" : mail.subjectPrefix + " ")Reminder: \(reminder.incidentID) update \(reminder.kind == .due ? "due" : "OVERDUE")",
                    date: sleeper.now(), messageID: "chorus.\(reminder.key)@\(domain)", inReplyTo: thread?.remoteId,
                    text: reminder.text, html: "<p>\(HTMLEscape.text(reminder.text))</p>",
                    extraHeaders: [("X-Chorus-Incident", reminder.incidentID), ("Auto-Submitted", "auto-generated")])
                requests.append(OutgoingRequest(method: "MAIL", url: "reminder", body: message.bytes))
                do {
                    try mailer.deliver(message, via: mail.transport, fileName: "\(reminder.incidentID)-reminder-\(reminder.kind.rawValue)-\(reminder.key.prefix(8)).eml")
                    delivery.outcome = .sent
                } catch {
                    delivery.error = error.message
                }
            }
        } catch {
            delivery.error = error.description
        }
        if let error = delivery.error { delivery.error = OutgoingRequest.mask(error, requests.flatMap(\.secrets)) }
        delivery.requests = exchange.requests
        return Report(destination: destination, delivery: delivery, requests: requests, notes: [], waits: exchange.waits)
    }
}

/// Slack's three escapes for text Chorus writes itself.
enum TemplateText {
    static func slack(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
