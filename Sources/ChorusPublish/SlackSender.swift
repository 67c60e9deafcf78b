import ChorusCore
import ChorusSupport
import Foundation

/// Slack, by incoming webhook or by the Web API.
///
/// Web API: the first publication posts to the channel (`chat.postMessage`) and starts the
/// incident's thread; later ones reply in that thread (or, with `"updates": "update"`, replace
/// the first message with `chat.update`). A draft longer than one message goes on in the
/// thread. A retry posts only the messages still missing, and when the first post may have gone
/// through unanswered, looks for it (`conversations.history`, by the message's metadata)
/// before posting again — so a retry never starts a second thread.
enum SlackSender {
    static let eventType = "chorus_publication"

    static func messages(_ attempt: SendAttempt) -> [SlackMessage] {
        DraftWriter.slackMessages(attempt.publication.document)
    }

    // MARK: Incoming webhook

    static func sendWebhook(_ attempt: inout SendAttempt, _ hook: Destination.SlackWebhook) {
        let url: OutgoingRequest.Secret
        do { url = try attempt.secrets.value(hook.webhookEnv, for: attempt.destination) } catch {
            attempt.fail(error.description)
            return
        }
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
        let token: OutgoingRequest.Secret
        do { token = try attempt.secrets.value(slack.tokenEnv, for: attempt.destination) } catch {
            attempt.fail(error.description)
            return
        }
        let all = messages(attempt)
        let publication = attempt.publication
        let key = attempt.delivery.key
        func call(_ method: String, _ fields: [(String, JSONOutput)]) -> OutgoingRequest {
            OutgoingRequest(method: "POST", url: "\(slack.apiURL)/\(method)",
                            headers: [.init("Authorization", "Bearer \(token.value)"), .init("Content-Type", "application/json; charset=utf-8"),
                                      .init("User-Agent", SendAttempt.userAgent)],
                            body: SendAttempt.json(.object(fields)), secrets: [token])
        }
        func content(_ message: SlackMessage) -> [(String, JSONOutput)] {
            [("text", .string(message.text)), ("blocks", .array(message.blocks.map(\.json))),
             ("unfurl_links", .bool(false)), ("unfurl_media", .bool(false)),
             ("metadata", .object([("event_type", .string(eventType)), ("event_payload", .object([
                 ("incident", .string(publication.incidentID)), ("audience", .string(publication.audience)), ("key", .string(key)),
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
        for index in posted.count..<all.count {
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
            let request = call(method, fields + content(all[index]))
            switch attempt.send(request, repeatable: method == "chat.update") {
            case .answered(let response):
                let json = response.json
                guard (200...299).contains(response.status), json?["ok"]?.value == .bool(true) else {
                    let error = json?["error"]?.stringValue.map { TerminalText.escaped($0) } ?? "HTTP \(response.status)"
                    attempt.fail("Slack refused \(method) for message \(index + 1) of \(all.count): \(error)\(hint(for: error, channel: channel))",
                                 uncertain: false)
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
                attempt.fail("Slack \(method): \(message)", uncertain: uncertain && isFirst && index == 0)
                return
            }
        }
        attempt.succeed()
    }

    enum Lookup {
        case found(String)
        case none
        case failed(String)
    }

    /// The message an earlier try of this approval posted, found by its metadata.
    static func find(_ attempt: inout SendAttempt, slack: Destination.SlackAPI, token: OutgoingRequest.Secret, channel: String) -> Lookup {
        var components = URLComponents()
        components.queryItems = [.init(name: "channel", value: channel), .init(name: "limit", value: "100"),
                                 .init(name: "include_all_metadata", value: "true")]
        let request = OutgoingRequest(method: "GET", url: "\(slack.apiURL)/conversations.history?\(components.percentEncodedQuery ?? "")",
                                      headers: [.init("Authorization", "Bearer \(token.value)"), .init("User-Agent", SendAttempt.userAgent)],
                                      secrets: [token])
        switch attempt.send(request, repeatable: true) {
        case .answered(let response):
            guard let json = response.json, json["ok"]?.value == .bool(true) else {
                let error = response.json?["error"]?.stringValue ?? "HTTP \(response.status)"
                return .failed(error == "missing_scope" ? "the bot needs the channels:history scope to look" : TerminalText.escaped(error))
            }
            for message in json["messages"]?.elements ?? [] {
                let metadata = message["metadata"]
                if metadata?["event_type"]?.stringValue == eventType,
                   metadata?["event_payload"]?["key"]?.stringValue == attempt.delivery.key,
                   let ts = message["ts"]?.stringValue {
                    attempt.notes.append("found the message an earlier try posted (ts \(ts)); going on from it")
                    return .found(ts)
                }
            }
            return .none
        case .unanswered(let message, _):
            return .failed(message)
        }
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
