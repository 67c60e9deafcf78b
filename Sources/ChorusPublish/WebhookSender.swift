import ChorusCore
import ChorusSupport
import Foundation

/// A generic webhook: the publication as a JSON envelope, POSTed; signed with HMAC-SHA256 of the
/// exact body (`X-Chorus-Signature-256: sha256=<hex>`, as GitHub signs its webhooks) when a
/// secret is configured. `X-Chorus-Delivery` is the same on every retry of one approval, so a
/// receiver can tell a retry from a new publication.
enum WebhookSender {
    /// The envelope: what was approved, by whom, for which revision, as text and Markdown.
    static func envelope(_ attempt: SendAttempt) -> JSONOutput {
        let publication = attempt.publication
        let approval = publication.approval
        return .object([
            ("event", .string("publication")),
            ("delivery", .string(attempt.delivery.key)),
            ("incident", .string(publication.incidentID)),
            ("audience", .string(publication.audience)),
            ("revision", approval.revision.map { .int($0) } ?? .null),
            ("title", .string(publication.title)),
            ("status", .string(publication.state.status.rawValue)),
            ("approvedBy", .string(approval.author)),
            ("approvedAt", .string(ISO8601.format(approval.at))),
            ("sha256", .string(approval.sha256 ?? "")),
            ("format", .string(approval.format ?? "text")),
            ("approvedText", .string(approval.text ?? "")),
            ("text", .string(publication.text)),
            ("markdown", .string(publication.markdown)),
        ])
    }

    static func send(_ attempt: inout SendAttempt, _ hook: Destination.Webhook) {
        var secrets: [OutgoingRequest.Secret] = []
        let url: String
        switch hook.address {
        case .url(let address): url = address
        case .environment(let variable):
            guard let secret = attempt.secret(variable) else { return }
            secrets.append(secret)
            url = secret.value
        }
        let body = SendAttempt.json(envelope(attempt))
        var headers: [OutgoingRequest.Header] = [.init("Content-Type", "application/json"), .init("User-Agent", SendAttempt.userAgent),
                                                 .init("X-Chorus-Event", "publication"), .init("X-Chorus-Delivery", attempt.delivery.key)]
        if let variable = hook.secretEnv {
            guard let secret = attempt.secret(variable) else { return }
            secrets.append(secret)
            headers.append(.init(hook.signatureHeader, "sha256=" + HMACSHA256.hex(body, key: Array(secret.value.utf8))))
        }
        for header in hook.headers { headers.append(.init(header.name, header.value)) }
        let request = OutgoingRequest(method: "POST", url: url, headers: headers, body: body, secrets: secrets)
        // The delivery id makes a repeat harmless for a receiver that checks it.
        switch attempt.send(request, repeatable: true) {
        case .answered(let response) where (200...299).contains(response.status):
            attempt.delivery.remoteId = attempt.delivery.key
            attempt.succeed()
        case .answered(let response):
            attempt.fail("the webhook answered \(response.status): \(SendAttempt.excerpt(response))")
        case .unanswered(let message, let uncertain):
            attempt.fail("webhook: \(message)", uncertain: uncertain)
        }
    }
}
