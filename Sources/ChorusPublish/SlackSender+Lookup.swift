import ChorusCore
import ChorusSupport
import Foundation

/// Finding what an earlier, unanswered try posted to Slack, by the metadata every message
/// carries (`event_type` `chorus_publication`, the approval's `key`, the message's `part`).
extension SlackSender {
    enum Lookup {
        case found(String)
        case none
        case failed(String)
    }

    enum Replies {
        /// The thread's replies that belong to this approval, by part (1 is the first message).
        case found([Int: String])
        case failed(String)
    }

    /// The first message an earlier try of this approval posted in the channel.
    static func find(_ attempt: inout SendAttempt, slack: Destination.SlackAPI, token: OutgoingRequest.Secret, channel: String) -> Lookup {
        switch list(&attempt, "conversations.history", [("channel", channel), ("limit", "100"), ("include_all_metadata", "true")],
                    slack: slack, token: token) {
        case .failure(let failure):
            return .failed(failure.message)
        case .success(let messages):
            for message in messages where belongs(message, to: attempt) && (part(of: message) ?? 1) == 1 {
                guard let ts = message["ts"]?.stringValue else { continue }
                attempt.notes.append("found the message an earlier try posted (ts \(ts)); going on from it")
                return .found(ts)
            }
            return .none
        }
    }

    /// The replies an earlier try of this approval posted in the thread of `thread`.
    static func findReplies(_ attempt: inout SendAttempt, slack: Destination.SlackAPI, token: OutgoingRequest.Secret,
                            channel: String, thread: String) -> Replies {
        switch list(&attempt, "conversations.replies", [("channel", channel), ("ts", thread), ("limit", "200"), ("include_all_metadata", "true")],
                    slack: slack, token: token) {
        case .failure(let failure):
            return .failed(failure.message)
        case .success(let messages):
            var found: [Int: String] = [:]
            for message in messages where belongs(message, to: attempt) {
                // The thread's first message is the parent, never a reply of this approval.
                guard let ts = message["ts"]?.stringValue, ts != thread, let part = part(of: message), found[part] == nil else { continue }
                found[part] = ts
            }
            return .found(found)
        }
    }

    struct LookupFailure: Error {
        let message: String
    }

    /// How many pages of a listing a lookup reads at most (newest first: the message looked for
    /// was posted by the earlier try, so it is among the recent ones).
    static let maximumPages = 10

    /// The `messages` of a Web API listing method, page after page (`cursor`).
    private static func list(_ attempt: inout SendAttempt, _ method: String, _ query: [(String, String)],
                             slack: Destination.SlackAPI, token: OutgoingRequest.Secret) -> Result<[JSONNode], LookupFailure> {
        var messages: [JSONNode] = []
        var cursor: String?
        for _ in 0..<maximumPages {
            var components = URLComponents()
            components.queryItems = (query + (cursor.map { [("cursor", $0)] } ?? [])).map { URLQueryItem(name: $0.0, value: $0.1) }
            let request = OutgoingRequest(method: "GET", url: "\(slack.apiURL)/\(method)?\(components.percentEncodedQuery ?? "")",
                                          headers: [.init("Authorization", "Bearer \(token.value)"), .init("User-Agent", SendAttempt.userAgent)],
                                          secrets: [token])
            switch attempt.send(request, repeatable: true) {
            case .answered(let response):
                guard let json = response.json, json["ok"]?.value == .bool(true) else {
                    let error = response.json?["error"]?.stringValue ?? "HTTP \(response.status)"
                    return .failure(LookupFailure(message: error == "missing_scope"
                        ? "the bot needs the channels:history scope (groups:history for a private channel) to look"
                        : TerminalText.escaped(error)))
                }
                messages += json["messages"]?.elements ?? []
                guard let next = json["response_metadata"]?["next_cursor"]?.stringValue, !next.isEmpty else { return .success(messages) }
                cursor = next
            case .unanswered(let message, _):
                return .failure(LookupFailure(message: message))
            }
        }
        return .success(messages)
    }

    private static func belongs(_ message: JSONNode, to attempt: SendAttempt) -> Bool {
        let metadata = message["metadata"]
        return metadata?["event_type"]?.stringValue == eventType && metadata?["event_payload"]?["key"]?.stringValue == attempt.delivery.key
    }

    /// The message's part; nil when it has none (a message posted before parts were recorded).
    private static func part(of message: JSONNode) -> Int? {
        message["metadata"]?["event_payload"]?["part"]?.stringValue.flatMap { Int($0) }
    }
}
