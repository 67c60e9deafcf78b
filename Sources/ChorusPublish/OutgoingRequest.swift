import ChorusSupport
import Foundation

/// One HTTP request Chorus sends to a service, as plain data: what `--dry-run` prints (with
/// secrets masked) and what a transport sends.
public struct OutgoingRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [Header]
    public var body: [UInt8]
    /// Secret values inside the request (a token, a key, a webhook URL) and the variable each
    /// came from: masked as `$NAME` wherever they appear when the request is shown.
    public var secrets: [Secret]

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    public struct Secret: Sendable, Equatable {
        public var value: String
        public var variable: String
        public init(value: String, variable: String) { self.value = value; self.variable = variable }
    }

    public init(method: String, url: String, headers: [Header] = [], body: [UInt8] = [], secrets: [Secret] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.secrets = secrets
    }

    /// The value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The request as text, every secret replaced by `[$VARIABLE]`: method and URL, headers, a
    /// blank line, the body (UTF-8).
    public var masked: String {
        var text = "\(method) \(url)\n"
        for header in headers { text += "\(header.name): \(header.value)\n" }
        if !body.isEmpty { text += "\n" + String(decoding: body, as: UTF8.self) }
        return Self.mask(text, secrets)
    }

    /// `text` with every secret value replaced by `[$VARIABLE]`.
    public static func mask(_ text: String, _ secrets: [Secret]) -> String {
        var out = text
        for secret in secrets.sorted(by: { $0.value.count > $1.value.count }) where secret.value.count >= 4 {
            out = out.replacingOccurrences(of: secret.value, with: "[$\(secret.variable)]")
        }
        return out
    }
}

/// What a service answered.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON, when it is.
    public var json: JSONNode? { try? JSONParser.parse(text) }

    /// `Retry-After` in seconds (a number of seconds, or an HTTP date after `now`).
    public func retryAfter(now: Date) -> Double? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// Why a request got no answer.
public enum TransportError: Error, Sendable, Equatable {
    /// It never reached the service (no connection, no such host): safe to send again.
    case notSent(String)
    /// It may have reached the service (a timeout, a connection lost mid-way): the service may
    /// have acted on it.
    case noAnswer(String)

    public var message: String {
        switch self {
        case .notSent(let message), .noAnswer(let message): return message
        }
    }
}

/// Sends one request and returns the service's answer.
public protocol HTTPTransport: Sendable {
    func send(_ request: OutgoingRequest) throws(TransportError) -> HTTPResponse
}
