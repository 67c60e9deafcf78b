import ChorusSupport
import Foundation

/// Reads the `destinations` of a `chorus.json`: audience names mapped to lists of destinations,
/// each checked for its type, every problem reported at its position (`file:line:col`), and no
/// secret ever quoted back.
public enum DestinationParser {
    /// Keys that would hold a secret itself, and the key that names its variable instead.
    static let secretKeys: [String: String] = [
        "apiKey": "apiKeyEnv", "api_key": "apiKeyEnv", "token": "tokenEnv", "botToken": "tokenEnv",
        "webhook": "webhookEnv", "webhookURL": "webhookEnv", "webhookUrl": "webhookEnv",
        "secret": "secretEnv", "sharedSecret": "secretEnv", "password": "an environment variable",
    ]

    static let keys: [String: [String]] = [
        "slack": ["webhookEnv", "tokenEnv", "channel", "updates", "broadcast", "apiURL"],
        "statuspage": ["pageId", "apiKeyEnv", "apiURL", "notify", "maintenance"],
        "email": ["from", "to", "cc", "replyTo", "subjectPrefix", "sendmail", "outbox"],
        "webhook": ["url", "urlEnv", "secretEnv", "signatureHeader", "headers"],
    ]
    static let commonKeys = ["type", "name", "$comment"]
    static let maintenanceKeys = ["remindPrior", "autoInProgress", "autoCompleted", "componentsUnderMaintenance", "componentsOperationalAfter"]

    public static let defaultSlackAPI = "https://slack.com/api"
    public static let defaultStatuspageAPI = "https://api.statuspage.io/v1"
    public static let defaultSignatureHeader = "X-Chorus-Signature-256"

    /// The destinations per audience, and every problem found.
    public static func parse(_ node: JSONNode, file: String) -> (destinations: [String: [Destination]], problems: [WorkspaceProblem]) {
        var reader = Reader(file: file)
        let path = JSONPath.root.appending("destinations")
        guard let members = node.members else {
            reader.problem(node, path, "expected an object mapping audience names to lists of destinations, found \(node.value.typeDescription)")
            return ([:], reader.problems)
        }
        var result: [String: [Destination]] = [:]
        for member in members {
            let audiencePath = path.appending(member.key)
            guard let list = member.node.elements else {
                reader.problem(member.node, audiencePath, "expected a list of destinations ([ { \"type\": … } ]), found \(member.node.value.typeDescription)")
                continue
            }
            var destinations: [Destination] = []
            for (index, item) in list.enumerated() {
                let itemPath = audiencePath.appending(index)
                guard let destination = reader.destination(item, audience: member.key, path: itemPath, siblings: destinations) else { continue }
                destinations.append(destination)
            }
            result[member.key] = destinations
        }
        return (result, reader.problems)
    }

    /// Whether `name` can be an environment variable's name.
    public static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// Whether `url` is an `https` address, or `http` to this machine (a local relay, a test
    /// double): secrets never cross a network in the clear.
    public static func isAcceptableURL(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return false }
        if scheme == "https" { return true }
        return scheme == "http" && ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
    }

    /// Whether `text` is an e-mail address (`name@example.com`) or a display name with one
    /// (`Incidents <incidents@example.com>`), with nothing that could start another header.
    public static func isMailbox(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        var address = Substring(text)
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            address = text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !address.contains { $0 == " " || $0 == "<" || $0 == ">" || $0 == "," || $0 == "\"" }
    }

    /// Collects problems while reading.
    struct Reader {
        let file: String
        var problems: [WorkspaceProblem] = []

        mutating func problem(_ node: JSONNode, _ path: JSONPath, _ message: String) {
            problems.append(WorkspaceProblem(file: file, position: node.position, path: path, message: message))
        }

        mutating func problem(at position: SourcePosition, _ path: JSONPath, _ message: String) {
            problems.append(WorkspaceProblem(file: file, position: position, path: path, message: message))
        }

        mutating func destination(_ node: JSONNode, audience: String, path: JSONPath, siblings: [Destination]) -> Destination? {
            guard let members = node.members else {
                problem(node, path, "expected a destination object, found \(node.value.typeDescription)")
                return nil
            }
            guard let typeNode = node["type"], let type = typeNode.stringValue, !type.isEmpty else {
                if let typeNode = node["type"] {
                    problem(typeNode, path.appending("type"), "expected a destination type: one of \"slack\", \"statuspage\", \"email\", \"webhook\"")
                } else {
                    problem(node, path, "a destination needs a \"type\": one of \"slack\", \"statuspage\", \"email\", \"webhook\"")
                }
                return nil
            }
            guard let allowed = DestinationParser.keys[type] else {
                var message = "unknown destination type \"\(type)\"; expected one of \"slack\", \"statuspage\", \"email\", \"webhook\""
                if let near = NameSuggestion.closest(to: type, among: DestinationParser.keys.keys.sorted()) { message += ". Did you mean \"\(near)\"?" }
                problem(typeNode, path.appending("type"), message)
                return nil
            }
            let before = problems.count
            for member in members where !DestinationParser.commonKeys.contains(member.key) && !allowed.contains(member.key) {
                let keyPath = path.appending(member.key)
                if let instead = DestinationParser.secretKeys[member.key] {
                    // Never quote the value: it may be the secret.
                    problem(at: member.keyPosition, keyPath, "secrets are never written in chorus.json; put it in an environment variable and give that variable's name in \"\(instead)\"")
                    continue
                }
                var message = "unknown key \"\(member.key)\" in a \(type) destination; expected one of \((DestinationParser.commonKeys.dropLast() + allowed).map { "\"\($0)\"" }.joined(separator: ", "))"
                if let near = NameSuggestion.closest(to: member.key, among: allowed + ["name"]) { message += ". Did you mean \"\(near)\"?" }
                problem(at: member.keyPosition, keyPath, message)
            }
            var name = type
            if let nameNode = node["name"] {
                if let given = string(nameNode, path.appending("name")) { name = given }
            } else {
                var number = 2
                while siblings.contains(where: { $0.name == name }) { name = "\(type)-\(number)"; number += 1 }
            }
            if siblings.contains(where: { $0.name == name }) {
                problem(node["name"] ?? node, path.appending("name"),
                        "another destination of \(audience) is already called \"\(name)\"; give each a different \"name\" (the journal keeps each one's thread or incident by it)")
            }
            let service: Destination.Service?
            switch type {
            case "slack": service = slack(node, path)
            case "statuspage": service = statuspage(node, path)
            case "email": service = email(node, path)
            default: service = webhook(node, path)
            }
            guard let service, problems.count == before else { return nil }
            return Destination(audience: audience, name: name, service: service, position: node.position, path: path)
        }

        // MARK: Types

        mutating func slack(_ node: JSONNode, _ path: JSONPath) -> Destination.Service? {
            let webhook = node["webhookEnv"].flatMap { variable($0, path.appending("webhookEnv")) }
            let token = node["tokenEnv"].flatMap { variable($0, path.appending("tokenEnv")) }
            switch (node["webhookEnv"], node["tokenEnv"]) {
            case (nil, nil):
                problem(node, path, "a slack destination needs \"webhookEnv\" (the variable holding an incoming webhook's URL) or \"tokenEnv\" (a bot token's variable) with \"channel\"")
                return nil
            case (_?, _?):
                problem(node["tokenEnv"] ?? node, path.appending("tokenEnv"), "give either \"webhookEnv\" or \"tokenEnv\", not both")
                return nil
            case (_?, nil):
                for key in ["channel", "updates", "broadcast", "apiURL"] {
                    if let extra = node[key] {
                        problem(extra, path.appending(key), "\"\(key)\" needs a bot token (\"tokenEnv\"); an incoming webhook posts to the channel it was made for, one message per publication")
                    }
                }
                return webhook.map { .slackWebhook(.init(webhookEnv: $0)) }
            case (nil, _?):
                guard let channelNode = node["channel"] else {
                    problem(node, path.appending("channel"), "a slack destination with \"tokenEnv\" needs a \"channel\" (an id such as \"C0123456789\", or \"#incidents\")")
                    return nil
                }
                let channel = string(channelNode, path.appending("channel"))
                var updates = Destination.SlackAPI.Updates.thread
                if let updatesNode = node["updates"], let text = string(updatesNode, path.appending("updates")) {
                    if let value = Destination.SlackAPI.Updates(rawValue: text) { updates = value } else {
                        problem(updatesNode, path.appending("updates"), "expected \"thread\" (later updates reply in the first message's thread) or \"update\" (they replace it)")
                    }
                }
                let broadcast = node["broadcast"].flatMap { bool($0, path.appending("broadcast")) } ?? false
                let api = node["apiURL"].flatMap { url($0, path.appending("apiURL")) } ?? DestinationParser.defaultSlackAPI
                guard let token, let channel else { return nil }
                return .slackAPI(.init(tokenEnv: token, channel: channel, updates: updates, broadcast: broadcast, apiURL: api))
            }
        }

        mutating func statuspage(_ node: JSONNode, _ path: JSONPath) -> Destination.Service? {
            let page = required("pageId", node, path, "the page's id (in Statuspage: your page > API info)").flatMap { string($0, path.appending("pageId")) }
            let key = required("apiKeyEnv", node, path, "the name of the environment variable holding the API key").flatMap { variable($0, path.appending("apiKeyEnv")) }
            let api = node["apiURL"].flatMap { url($0, path.appending("apiURL")) } ?? DestinationParser.defaultStatuspageAPI
            let notify = node["notify"].flatMap { bool($0, path.appending("notify")) }
            var maintenance = StatuspageExport.Maintenance()
            if let settings = node["maintenance"] {
                let settingsPath = path.appending("maintenance")
                if let members = settings.members {
                    for member in members {
                        let memberPath = settingsPath.appending(member.key)
                        guard DestinationParser.maintenanceKeys.contains(member.key) else {
                            var message = "unknown key \"\(member.key)\"; expected one of \(DestinationParser.maintenanceKeys.map { "\"\($0)\"" }.joined(separator: ", "))"
                            if let near = NameSuggestion.closest(to: member.key, among: DestinationParser.maintenanceKeys) { message += ". Did you mean \"\(near)\"?" }
                            problem(at: member.keyPosition, memberPath, message)
                            continue
                        }
                        guard let value = bool(member.node, memberPath) else { continue }
                        switch member.key {
                        case "remindPrior": maintenance.remindPrior = value
                        case "autoInProgress": maintenance.autoInProgress = value
                        case "autoCompleted": maintenance.autoCompleted = value
                        case "componentsUnderMaintenance": maintenance.componentsUnderMaintenance = value
                        default: maintenance.componentsOperationalAfter = value
                        }
                    }
                } else {
                    problem(settings, settingsPath, "expected an object such as { \"remindPrior\": true, \"autoCompleted\": false }, found \(settings.value.typeDescription)")
                }
            }
            guard let page, let key else { return nil }
            if page.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                problem(node["pageId"] ?? node, path.appending("pageId"), "a page id has only letters and digits (such as \"kctbh9vrtdwd\")")
                return nil
            }
            return .statuspage(.init(pageId: page, apiKeyEnv: key, apiURL: api, notify: notify, maintenance: maintenance))
        }

        mutating func email(_ node: JSONNode, _ path: JSONPath) -> Destination.Service? {
            let from = required("from", node, path, "the sender, such as \"Incidents <incidents@example.com>\"").flatMap { mailbox($0, path.appending("from")) }
            let to = required("to", node, path, "a list of recipients").flatMap { mailboxes($0, path.appending("to"), allowEmpty: false) }
            let cc = node["cc"].flatMap { mailboxes($0, path.appending("cc"), allowEmpty: true) } ?? []
            let replyTo = node["replyTo"].flatMap { mailbox($0, path.appending("replyTo")) }
            let prefix = node["subjectPrefix"].flatMap { string($0, path.appending("subjectPrefix"), allowEmpty: true) } ?? ""
            if prefix.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                problem(node["subjectPrefix"] ?? node, path.appending("subjectPrefix"), "a subject prefix is one line of text")
            }
            var transport: Destination.Email.Transport?
            switch (node["sendmail"], node["outbox"]) {
            case (nil, nil):
                problem(node, path, "an email destination needs \"sendmail\" (a command such as [\"/usr/sbin/sendmail\", \"-t\", \"-i\"]) or \"outbox\" (a folder for .eml files)")
            case (_?, _?):
                problem(node["outbox"] ?? node, path.appending("outbox"), "give either \"sendmail\" or \"outbox\", not both")
            case (let command?, nil):
                let commandPath = path.appending("sendmail")
                if let items = command.elements, !items.isEmpty {
                    var words: [String] = []
                    for (index, item) in items.enumerated() {
                        if let word = string(item, commandPath.appending(index)) { words.append(word) }
                    }
                    if words.count == items.count {
                        if words[0].hasPrefix("/") { transport = .sendmail(words) } else {
                            problem(items[0], commandPath.appending(0), "the command must be an absolute path, such as \"/usr/sbin/sendmail\" (no shell, no PATH lookup)")
                        }
                    }
                } else {
                    problem(command, commandPath, "expected the command as a non-empty list of words, such as [\"/usr/sbin/sendmail\", \"-t\", \"-i\"]")
                }
            case (nil, let folder?):
                if let folder = string(folder, path.appending("outbox")) { transport = .outbox(folder) }
            }
            guard let from, let to, let transport else { return nil }
            return .email(.init(from: from, to: to, cc: cc, replyTo: replyTo, subjectPrefix: prefix, transport: transport))
        }

        mutating func webhook(_ node: JSONNode, _ path: JSONPath) -> Destination.Service? {
            var address: Destination.Webhook.Address?
            switch (node["url"], node["urlEnv"]) {
            case (nil, nil):
                problem(node, path, "a webhook destination needs \"url\" (an https address) or \"urlEnv\" (the variable holding it, when the address is a secret)")
            case (_?, _?):
                problem(node["urlEnv"] ?? node, path.appending("urlEnv"), "give either \"url\" or \"urlEnv\", not both")
            case (let url?, nil):
                address = self.url(url, path.appending("url")).map { .url($0) }
            case (nil, let variable?):
                address = self.variable(variable, path.appending("urlEnv")).map { .environment($0) }
            }
            let secret = node["secretEnv"].flatMap { variable($0, path.appending("secretEnv")) }
            var header = DestinationParser.defaultSignatureHeader
            if let headerNode = node["signatureHeader"], let name = string(headerNode, path.appending("signatureHeader")) {
                if isHeaderName(name) { header = name } else { problem(headerNode, path.appending("signatureHeader"), "not a header name (letters, digits and - only)") }
            }
            var headers: [(name: String, value: String)] = []
            if let headersNode = node["headers"] {
                let headersPath = path.appending("headers")
                if let members = headersNode.members {
                    for member in members {
                        let memberPath = headersPath.appending(member.key)
                        guard isHeaderName(member.key) else { problem(at: member.keyPosition, memberPath, "not a header name (letters, digits and - only)"); continue }
                        if ["authorization", "content-type", "content-length", "host", header.lowercased()].contains(member.key.lowercased()) {
                            problem(at: member.keyPosition, memberPath, "chorus sets \(member.key) itself; secrets such as an Authorization header are never written in chorus.json (use \"secretEnv\" to sign the body)")
                            continue
                        }
                        guard let value = string(member.node, memberPath, allowEmpty: true) else { continue }
                        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                            problem(member.node, memberPath, "a header value is one line of text")
                            continue
                        }
                        headers.append((member.key, value))
                    }
                } else {
                    problem(headersNode, headersPath, "expected an object of header names and values, found \(headersNode.value.typeDescription)")
                }
            }
            guard let address else { return nil }
            return .webhook(.init(address: address, secretEnv: secret, signatureHeader: header, headers: headers))
        }

        // MARK: Values

        mutating func required(_ key: String, _ node: JSONNode, _ path: JSONPath, _ what: String) -> JSONNode? {
            if let value = node[key] { return value }
            problem(node, path.appending(key), "missing \"\(key)\": \(what)")
            return nil
        }

        mutating func string(_ node: JSONNode, _ path: JSONPath, allowEmpty: Bool = false) -> String? {
            guard let text = node.stringValue else {
                problem(node, path, "expected a string, found \(node.value.typeDescription)")
                return nil
            }
            if !allowEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty {
                problem(node, path, "must not be empty")
                return nil
            }
            return text
        }

        mutating func bool(_ node: JSONNode, _ path: JSONPath) -> Bool? {
            if case .bool(let value) = node.value { return value }
            problem(node, path, "expected true or false, found \(node.value.typeDescription)")
            return nil
        }

        /// An environment variable's name. The value is never quoted back: a person who pasted
        /// the secret itself must not see it echoed into a terminal or a CI log.
        mutating func variable(_ node: JSONNode, _ path: JSONPath) -> String? {
            guard let text = node.stringValue else {
                problem(node, path, "expected the name of an environment variable (a string), found \(node.value.typeDescription)")
                return nil
            }
            guard DestinationParser.isVariableName(text) else {
                problem(node, path, "expected the name of an environment variable (letters, digits and _, such as STATUSPAGE_API_KEY); this looks like something else — if it is the secret itself, move it into a variable and remove it from this file")
                return nil
            }
            return text
        }

        mutating func url(_ node: JSONNode, _ path: JSONPath) -> String? {
            guard let text = string(node, path) else { return nil }
            guard DestinationParser.isAcceptableURL(text) else {
                problem(node, path, "expected an https:// address (http:// only to localhost), found \(TerminalText.escaped(text).debugDescription)")
                return nil
            }
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }

        mutating func mailbox(_ node: JSONNode, _ path: JSONPath) -> String? {
            guard let text = string(node, path) else { return nil }
            guard DestinationParser.isMailbox(text) else {
                problem(node, path, "expected an e-mail address such as \"ops@example.com\" or \"Ops <ops@example.com>\"")
                return nil
            }
            return text
        }

        mutating func mailboxes(_ node: JSONNode, _ path: JSONPath, allowEmpty: Bool) -> [String]? {
            guard let items = node.elements else {
                problem(node, path, "expected a list of e-mail addresses, found \(node.value.typeDescription)")
                return nil
            }
            if items.isEmpty && !allowEmpty {
                problem(node, path, "needs at least one address")
                return nil
            }
            var result: [String] = []
            for (index, item) in items.enumerated() {
                if let address = mailbox(item, path.appending(index)) { result.append(address) }
            }
            return result.count == items.count ? result : nil
        }

        func isHeaderName(_ name: String) -> Bool {
            !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }
}
