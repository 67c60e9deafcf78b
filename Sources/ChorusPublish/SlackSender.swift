import ChorusCore
import ChorusSupport
import Foundation

/// Slack, by incoming webhook or by the Web API.
///
/// Web API: the first publication posts to the channel (`chat.postMessage`) and starts the
/// incident's thread; later ones reply in that thread (or, with `"updates": "update"`, replace
/// the first message with `chat.update`). A draft longer than one message goes on in the
/// thread. A retry posts only the messages still missing, and when a post may have gone through
/// unanswered, looks for it by the message's metadata before posting again: the first post in
/// the channel (`conversations.history`), a reply in the thread (`conversations.replies`) — so a
/// retry never starts a second thread nor repeats a reply.
enum SlackSender {
    static let eventType = "chorus_publication"

    static func messages(_ attempt: SendAttempt) -> [SlackMessage] {
        DraftWriter.slackMessages(attempt.publication.document)
    }

    // MARK: Incoming webhook

    static func sendWebhook(_ attempt: inout SendAttempt, _ hook: Destination.SlackWebhook) {
        guard let url = attempt.secret(hook.webhookEnv) else { return }
        let all = messages(attempt)
        var posted = attempt.delivery.messages ?? []
        for index in posted.count..<all.count {
            let request = OutgoingRequest(method: "POST", url: url.value,
                                          headers: [.init("Content-Type", "application/json; charset=utf-8"), .init("User-Agent", SendAttempt.userAgent)],
                                          body: SendAttempt.json(all[index].json), secrets: [url])
            switch attempt.send(request, repeatable: false) {
            case .answered(let response) where (200...299).contains(response.status):
                posted.append("webhook-\(index + 1)")
                attempt.delivery.messages = posted
            case .answered(let response):
                attempt.fail("Slack refused message \(index + 1) of \(all.count) (\(response.status) \(SendAttempt.excerpt(response)))\(hint(for: response.text, channel: nil))")
                return
            case .unanswered(let message, let uncertain):
                attempt.fail("Slack: \(message)", uncertain: uncertain)
                return
            }
        }
        attempt.delivery.remoteId = attempt.delivery.remoteId ?? "webhook"
        attempt.succeed()
    }

    // MARK: Web API

    static func sendAPI(_ attempt: inout SendAttempt, _ slack: Destination.SlackAPI) {
        guard let token = attempt.secret(slack.tokenEnv) else { return }
        let all = messages(attempt)
        let publication = attempt.publication
        let key = attempt.delivery.key
        func call(_ method: String, _ fields: [(String, JSONOutput)]) -> OutgoingRequest {
            OutgoingRequest(method: "POST", url: "\(slack.apiURL)/\(method)",
                            headers: [.init("Authorization", "Bearer \(token.value)"), .init("Content-Type", "application/json; charset=utf-8"),
                                      .init("User-Agent", SendAttempt.userAgent)],
                            body: SendAttempt.json(.object(fields)), secrets: [token])
        }
        func content(_ message: SlackMessage, part: Int) -> [(String, JSONOutput)] {
            [("text", .string(message.text)), ("blocks", .array(message.blocks.map(\.json))),
             ("unfurl_links", .bool(false)), ("unfurl_media", .bool(false)),
             ("metadata", .object([("event_type", .string(eventType)), ("event_payload", .object([
                 ("incident", .string(publication.incidentID)), ("audience", .string(publication.audience)), ("key", .string(key)),
                 ("part", .string(String(part))),
             ]))]))]
        }
        var posted = attempt.delivery.messages ?? []
        var parent = attempt.delivery.remoteId
        let channel = attempt.delivery.channel ?? slack.channel
        let isFirst = parent == nil

        // A first post that may have gone through unanswered: find it before posting again.
        if isFirst, posted.isEmpty, attempt.isRetry, attempt.previous?.uncertain == true {
            switch find(&attempt, slack: slack, token: token, channel: channel) {
            case .found(let ts):
                parent = ts
                posted = [ts]
                attempt.delivery.remoteId = ts
                attempt.delivery.messages = posted
            case .none: break
            case .failed(let message):
                attempt.fail("could not check whether the earlier try posted to Slack (\(message)); nothing was posted now, to avoid a second thread", uncertain: true)
                return
            }
        }
        // A reply that may have gone through unanswered: the replies this approval already has.
        var replies: [Int: String] = [:]
        if let parent, posted.count < all.count, attempt.isRetry, attempt.previous?.uncertain == true {
            switch findReplies(&attempt, slack: slack, token: token, channel: channel, thread: parent) {
            case .found(let found): replies = found
            case .failed(let message):
                attempt.fail("could not check whether the earlier try replied in the thread (\(message)); nothing was posted now, to avoid a repeated reply", uncertain: true)
                return
            }
        }
        for index in posted.count..<all.count {
            if let ts = replies[index + 1] {
                attempt.notes.append("found message \(index + 1) of \(all.count), which an earlier try posted (ts \(ts)); not posting it again")
                posted.append(ts)
                attempt.delivery.messages = posted
                continue
            }
            var fields: [(String, JSONOutput)] = [("channel", .string(channel))]
            let method: String
            if isFirst && index == 0 {
                method = "chat.postMessage"
            } else if !isFirst && index == 0 && slack.updates == .update, let parent {
                method = "chat.update"
                fields.append(("ts", .string(parent)))
            } else {
                method = "chat.postMessage"
                fields.append(("thread_ts", .string(parent ?? "")))
                if slack.broadcast && index == 0 { fields.append(("reply_broadcast", .bool(true))) }
            }
            let request = call(method, fields + content(all[index], part: index + 1))
            switch attempt.send(request, repeatable: method == "chat.update") {
            case .answered(let response):
                let json = response.json
                guard (200...299).contains(response.status), json?["ok"]?.value == .bool(true) else {
                    let error = json?["error"]?.stringValue.map { TerminalText.escaped($0) } ?? "HTTP \(response.status)"
                    // A server error after a post may come after Slack posted it (the retry looks).
                    attempt.fail("Slack refused \(method) for message \(index + 1) of \(all.count): \(error)\(hint(for: error, channel: channel))",
                                 uncertain: (500...599).contains(response.status) && method == "chat.postMessage")
                    return
                }
                let ts = json?["ts"]?.stringValue ?? parent ?? ""
                if let id = json?["channel"]?.stringValue { attempt.delivery.channel = id }
                if isFirst && index == 0 {
                    parent = ts
                    attempt.delivery.remoteId = ts
                }
                posted.append(ts)
                attempt.delivery.messages = posted
            case .unanswered(let message, let uncertain):
                // A post may have gone through; an update is simply repeated.
                attempt.fail("Slack \(method): \(message)", uncertain: uncertain && method == "chat.postMessage")
                return
            }
        }
        attempt.succeed()
    }

    /// What to do about a Slack error.
    static func hint(for error: String, channel: String?) -> String {
        switch error {
        case "channel_not_found", "not_in_channel":
            return "; check the channel \(channel ?? "") and invite the app to it (/invite @your-app)"
        case "invalid_auth", "not_authed", "token_revoked", "account_inactive", "invalid_token", "no_service":
            return "; the token or webhook was refused: check it"
        case "invalid_blocks", "invalid_payload", "msg_too_long", "msg_blocks_too_long":
            return "; Slack did not accept the message as written (please report it: chorus keeps every message within Slack's limits)"
        case "channel_is_archived", "is_archived":
            return "; the channel is archived"
        default:
            return ""
        }
    }
}
