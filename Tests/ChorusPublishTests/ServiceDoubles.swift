import ChorusPublish
import ChorusSupport
import Foundation

/// Slack (incoming webhooks and the Web API), Statuspage and a generic webhook receiver, played
/// by one local HTTP server, each answering as its documentation says the service does —
/// including its refusals — so tests check Chorus against the services' contracts.
///
/// Paths: `/slack/api/<method>`, `/slack/hooks/<id>`, `/statuspage/v1/pages/<page>/incidents…`,
/// `/receiver/<anything>`.
final class ServiceDoubles: @unchecked Sendable {
    static let slackToken = "xoxb-test-0000-secret-token"
    static let statuspageKey = "sp-key-0123456789abcdef"
    static let pageID = "kctbh9vrtdwd"
    static let channelID = "C0INC2041"

    private let lock = NSLock()
    private(set) var server: LocalHTTPServer!
    /// Scripted answers, taken first-come by the first request whose path ends with the key.
    private var scripted: [(suffix: String, response: HTTPResponse, alsoApply: Bool)] = []
    private var nextID = 0
    /// Statuspage incidents by id, as last written (`incident` object), with their metadata.
    private(set) var incidents: [(id: String, incident: JSONNode)] = []
    /// Slack messages posted: ts, channel, thread_ts, the request body.
    private(set) var slackMessages: [(ts: String, channel: String, threadTS: String?, body: JSONNode)] = []
    private(set) var webhookPosts: [JSONNode] = []

    init() throws {
        server = try LocalHTTPServer { _ in HTTPResponse(status: 500) }
        server.setHandler { [unowned self] request in self.answer(request) }
    }

    deinit { server.stop() }

    var slackAPI: String { server.baseURL + "/slack/api" }
    var slackWebhook: String { server.baseURL + "/slack/hooks/T000/B000/XXXXSECRETXXXX" }
    var statuspageAPI: String { server.baseURL + "/statuspage/v1" }
    var receiver: String { server.baseURL + "/receiver/chorus" }
    var requests: [ReceivedRequest] { server.requests }

    /// The next request to a path ending in `suffix` gets `response`; with `alsoApply`, the
    /// double still does what the request asked (a create that fails after creating).
    /// `count` messages that others post in the channel after the ones so far.
    func chatter(_ count: Int) throws {
        lock.lock(); defer { lock.unlock() }
        for number in 1...count {
            nextID += 1
            let ts = "1700000000.\(String(format: "%06d", nextID))"
            slackMessages.append((ts, Self.channelID, nil, try JSONParser.parse(#"{"text":"chatter \#(number)"}"#)))
        }
    }

    func script(_ suffix: String, _ response: HTTPResponse, alsoApply: Bool = false) {
        lock.lock(); defer { lock.unlock() }
        scripted.append((suffix, response, alsoApply))
    }

    private func answer(_ request: ReceivedRequest) -> HTTPResponse {
        lock.lock(); defer { lock.unlock() }
        if let index = scripted.firstIndex(where: { request.path.hasSuffix($0.suffix) }) {
            let script = scripted.remove(at: index)
            if script.alsoApply { _ = route(request) }
            return script.response
        }
        return route(request)
    }

    private func route(_ request: ReceivedRequest) -> HTTPResponse {
        let path = request.path
        if path.hasPrefix("/slack/api/") { return slackAPI(request, method: String(path.dropFirst("/slack/api/".count))) }
        if path.hasPrefix("/slack/hooks/") { return slackHook(request) }
        if path.hasPrefix("/statuspage/v1/") { return statuspage(request) }
        if path.hasPrefix("/receiver/") {
            if let node = try? JSONParser.parse(request.text) { webhookPosts.append(node) }
            return HTTPResponse(status: 204)
        }
        return HTTPResponse(status: 404)
    }

    // MARK: Slack

    /// Block Kit's limits, as Slack checks them (`invalid_blocks` when broken).
    private func blocksAreValid(_ body: JSONNode) -> Bool {
        guard let blocks = body["blocks"]?.elements else { return true }
        guard blocks.count <= 50 else { return false }
        for block in blocks {
            if let text = block["text"]?["text"]?.stringValue, text.utf16.count > 3000 || text.isEmpty { return false }
        }
        return (body["text"]?.stringValue?.utf16.count ?? 0) < 40_000
    }

    private func slackAPI(_ request: ReceivedRequest, method: String) -> HTTPResponse {
        guard request.header("authorization") == "Bearer \(Self.slackToken)" else { return .json(200, #"{"ok":false,"error":"invalid_auth"}"#) }
        switch method {
        case "chat.postMessage", "chat.update":
            guard request.header("content-type")?.hasPrefix("application/json") == true, let body = try? JSONParser.parse(request.text) else {
                return .json(200, #"{"ok":false,"error":"invalid_json"}"#)
            }
            guard let channel = body["channel"]?.stringValue, channel == Self.channelID || channel == "#incidents" else {
                return .json(200, #"{"ok":false,"error":"channel_not_found"}"#)
            }
            guard blocksAreValid(body) else { return .json(200, #"{"ok":false,"error":"invalid_blocks"}"#) }
            if method == "chat.update" {
                guard let ts = body["ts"]?.stringValue, let index = slackMessages.firstIndex(where: { $0.ts == ts }) else {
                    return .json(200, #"{"ok":false,"error":"message_not_found"}"#)
                }
                slackMessages[index].body = body
                return .json(200, #"{"ok":true,"channel":"\#(Self.channelID)","ts":"\#(ts)"}"#)
            }
            nextID += 1
            let ts = "1700000000.\(String(format: "%06d", nextID))"
            let thread = body["thread_ts"]?.stringValue
            if let thread, !slackMessages.contains(where: { $0.ts == thread }) { return .json(200, #"{"ok":false,"error":"thread_not_found"}"#) }
            slackMessages.append((ts, Self.channelID, thread, body))
            return .json(200, #"{"ok":true,"channel":"\#(Self.channelID)","ts":"\#(ts)","message":{}}"#)
        case "conversations.history":
            let messages = slackMessages.filter { $0.threadTS == nil }.map { message -> JSONOutput in
                var fields: [(String, JSONOutput)] = [("ts", .string(message.ts)), ("text", .string(message.body["text"]?.stringValue ?? ""))]
                if let metadata = message.body["metadata"] { fields.append(("metadata", Self.output(metadata))) }
                return .object(fields)
            }
            return Self.page(Array(messages.reversed()), request)
        case "conversations.replies":
            // The thread's parent first, then its replies, oldest first (as Slack lists them).
            let query = URLComponents(string: request.target)?.queryItems ?? []
            guard let thread = query.first(where: { $0.name == "ts" })?.value, slackMessages.contains(where: { $0.ts == thread }) else {
                return .json(200, #"{"ok":false,"error":"thread_not_found"}"#)
            }
            let messages = slackMessages.filter { $0.ts == thread || $0.threadTS == thread }.map { message -> JSONOutput in
                var fields: [(String, JSONOutput)] = [("ts", .string(message.ts)), ("thread_ts", .string(thread))]
                if let metadata = message.body["metadata"] { fields.append(("metadata", Self.output(metadata))) }
                return .object(fields)
            }
            return Self.page(messages, request)
        default:
            return .json(200, #"{"ok":false,"error":"unknown_method"}"#)
        }
    }

    /// One page of a listing, as Slack pages them: `limit` messages from `cursor`, and
    /// `response_metadata.next_cursor` when there are more.
    private static func page(_ messages: [JSONOutput], _ request: ReceivedRequest) -> HTTPResponse {
        let query = URLComponents(string: request.target)?.queryItems ?? []
        let limit = query.first { $0.name == "limit" }?.value.flatMap { Int($0) } ?? 100
        let start = min(query.first { $0.name == "cursor" }?.value.flatMap { Int($0.dropFirst("page-".count)) } ?? 0, messages.count)
        let end = min(start + limit, messages.count)
        var fields: [(String, JSONOutput)] = [("ok", .bool(true)), ("messages", .array(Array(messages[start..<end])))]
        if end < messages.count { fields.append(("response_metadata", .object([("next_cursor", .string("page-\(end)"))]))) }
        return .json(200, JSONOutput.object(fields).rendered(pretty: false))
    }

    private func slackHook(_ request: ReceivedRequest) -> HTTPResponse {
        guard request.path == "/slack/hooks/T000/B000/XXXXSECRETXXXX" else { return HTTPResponse(status: 404, body: Array("no_service".utf8)) }
        guard let body = try? JSONParser.parse(request.text) else { return HTTPResponse(status: 400, body: Array("invalid_payload".utf8)) }
        guard blocksAreValid(body) else { return HTTPResponse(status: 400, body: Array("invalid_blocks".utf8)) }
        nextID += 1
        slackMessages.append(("hook.\(nextID)", "webhook", nil, body))
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/html"], body: Array("ok".utf8))
    }

    // MARK: Statuspage

    private func statuspage(_ request: ReceivedRequest) -> HTTPResponse {
        guard request.header("authorization") == "OAuth \(Self.statuspageKey)" else {
            return .json(401, #"{"error":"Could not authenticate"}"#)
        }
        let base = "/statuspage/v1/pages/\(Self.pageID)/incidents"
        guard request.path.hasPrefix(base) else { return .json(404, #"{"error":"Page not found"}"#) }
        let rest = request.path.dropFirst(base.count)
        if request.method == "GET" && rest.isEmpty {
            let list = incidents.reversed().map { Self.output($0.incident, id: $0.id) }
            return .json(200, JSONOutput.array(list).rendered(pretty: false))
        }
        guard let body = try? JSONParser.parse(request.text), let incident = body["incident"] else {
            return .json(400, #"{"error":"incident is missing"}"#)
        }
        if let problem = statuspageProblem(incident) { return .json(422, JSONOutput.object([("error", .array([.string(problem)]))]).rendered(pretty: false)) }
        if request.method == "POST" && rest.isEmpty {
            nextID += 1
            let id = "sp\(nextID)"
            incidents.append((id, incident))
            return .json(201, Self.output(incident, id: id).rendered(pretty: false))
        }
        if request.method == "PATCH", rest.hasPrefix("/") {
            let id = String(rest.dropFirst())
            guard let index = incidents.firstIndex(where: { $0.id == id }) else { return .json(404, #"{"error":"Incident not found"}"#) }
            incidents[index].incident = incident
            return .json(200, Self.output(incident, id: id).rendered(pretty: false))
        }
        return .json(405, #"{"error":"method not allowed"}"#)
    }

    /// What the Statuspage API refuses (422).
    private func statuspageProblem(_ incident: JSONNode) -> String? {
        if (incident["name"]?.stringValue?.count ?? 0) > 255 { return "Name is too long (maximum is 255 characters)" }
        if incident["name"]?.stringValue?.isEmpty != false { return "Name can't be blank" }
        if incident["backfilled"]?.value == .bool(true), incident["components"] != nil || incident["component_ids"] != nil {
            return "Components cannot be specified for backfilled incidents"
        }
        if (incident["body"]?.stringValue?.count ?? 0) > 25_000 { return "Body is too long (maximum is 25000 characters)" }
        return nil
    }

    static func output(_ node: JSONNode, id: String? = nil) -> JSONOutput {
        switch node.value {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let value, _): return value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
        case .string(let value): return .string(value)
        case .array(let items): return .array(items.map { output($0) })
        case .object(let members):
            var fields = members.map { ($0.key, output($0.node)) }
            if let id { fields.insert(("id", .string(id)), at: 0) }
            return .object(fields)
        }
    }
}

/// A clock that moves only when slept: back-off is checked without waiting.
final class RecordedSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_790_000_000)
    private(set) var slept: [Double] = []

    func now() -> Date {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func sleep(seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        slept.append(seconds)
        current = current.addingTimeInterval(seconds)
    }
}
