import Foundation

/// An RFC 5322 message: ASCII headers (non-ASCII words encoded as RFC 2047 `=?UTF-8?B?…?=`),
/// CRLF line ends, and a `multipart/alternative` body with the plain text first and the HTML
/// second, each UTF-8 and base64 in lines of 76 characters.
public struct EmailMessage: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var cc: [String]
    public var replyTo: String?
    public var subject: String
    public var date: Date
    /// Without angle brackets: `chorus.1a2b…@example.com`.
    public var messageID: String
    /// The first message of the thread, when this one follows it.
    public var inReplyTo: String?
    public var text: String
    public var html: String
    /// Extra headers (`X-Chorus-Incident`).
    public var extraHeaders: [(name: String, value: String)]

    public static func == (lhs: EmailMessage, rhs: EmailMessage) -> Bool { lhs.bytes == rhs.bytes }

    /// The message, ready for sendmail or a `.eml` file.
    public var bytes: [UInt8] { Array(rendered.utf8) }

    public var rendered: String {
        let boundary = "chorus-alt-" + messageID.prefix { $0 != "@" }.replacingOccurrences(of: ".", with: "-")
        var lines: [String] = []
        lines.append("From: " + Self.mailbox(from))
        lines.append("To: " + to.map(Self.mailbox).joined(separator: ", "))
        if !cc.isEmpty { lines.append("Cc: " + cc.map(Self.mailbox).joined(separator: ", ")) }
        if let replyTo { lines.append("Reply-To: " + Self.mailbox(replyTo)) }
        lines.append("Subject: " + Self.encodedWords(subject))
        lines.append("Date: " + Self.date(date))
        lines.append("Message-ID: <\(messageID)>")
        if let inReplyTo {
            lines.append("In-Reply-To: <\(inReplyTo)>")
            lines.append("References: <\(inReplyTo)>")
        }
        for header in extraHeaders { lines.append("\(header.name): \(header.value)") }
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a message in plain text and HTML.")
        for (type, content) in [("text/plain", text), ("text/html", html)] {
            lines.append("")
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines += Self.base64Lines(content.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        }
        lines.append("")
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Name <address>` with a non-ASCII or special name encoded; a bare address as it is.
    static func mailbox(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return text }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let address = text[open...]
        guard !name.isEmpty else { return String(address) }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " -_.".unicodeScalars.contains($0)) }) {
            return "\(name) \(address)"
        }
        return "\(encodedWords(name)) \(address)"
    }

    /// `text` as is when it is printable ASCII, else as RFC 2047 encoded words of at most 75
    /// characters each, cut between characters.
    static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && text.count <= 900 { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 && !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// RFC 5322's date: `Tue, 24 Nov 2026 09:40:00 +0000`.
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }
}
