import ChorusSupport

/// A corpus of real messages labelled by hand with character spans per category, read from
/// JSON Lines (one record per line, the schema of `lint-corpus/GUIDELINES.md` §1):
/// `{"id", "org", "stage", "audience", "text", "labels": [{"category", "text", "start", "end"}]}`.
/// Offsets are Unicode scalar offsets with `end` exclusive, as findings count them.
public struct LabelledCorpus: Sendable {
    public var messages: [LabelledMessage]

    public init(messages: [LabelledMessage]) {
        self.messages = messages
    }

    /// One labelled span.
    public struct Label: Sendable, Hashable {
        /// The corpus category name (`speculation`, `update_cadence`, …).
        public var category: String
        public var start: Int
        public var end: Int
        public var text: String

        public init(category: String, start: Int, end: Int, text: String) {
            self.category = category
            self.start = start
            self.end = end
            self.text = text
        }
    }

    /// A problem in the corpus file: 1-based line and column, and what was expected.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The categories a corpus may label; anything else is a problem.
    public static let knownCategories: Set<String> = [
        "speculation", "eta", "update_cadence", "jargon", "blame", "minimizing", "promise",
    ]

    /// Parses JSON Lines text. Blank lines are skipped; every malformed line is reported with
    /// its position, all at once.
    public static func parse(_ text: String) throws(CorpusError) -> LabelledCorpus {
        var messages: [LabelledMessage] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for trimmed in TextLines.split(text) {
            lineNumber += 1
            guard !trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            do {
                let message = try LabelledMessage.parse(String(trimmed), line: lineNumber)
                if let first = seen[message.id] {
                    problems.append(Problem(line: lineNumber, column: 1,
                                            message: "duplicate id \"\(message.id)\" (first on line \(first))"))
                } else {
                    seen[message.id] = lineNumber
                    messages.append(message)
                }
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw CorpusError(problems: problems) }
        return LabelledCorpus(messages: messages)
    }

    /// The messages of organizations whose name or id prefix matches one of `organizations`
    /// (case-insensitive; `jenkins` matches "Jenkins (project infrastructure)" and `jenkins-001`),
    /// or of every other organization when `excluding` is true.
    public func filtered(organizations: [String], excluding: Bool) -> LabelledCorpus {
        let wanted = organizations.map { $0.lowercased() }
        func matches(_ message: LabelledMessage) -> Bool {
            let org = message.org.lowercased(), prefix = message.idPrefix.lowercased()
            return wanted.contains { org == $0 || prefix == $0 || org.hasPrefix($0 + " ") }
        }
        return LabelledCorpus(messages: messages.filter { matches($0) != excluding })
    }
}

/// Every problem of a corpus file.
public struct CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [LabelledCorpus.Problem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One labelled message of a corpus.
public struct LabelledMessage: Sendable {
    public var id: String
    public var org: String
    public var stage: String
    public var audience: String
    public var text: String
    public var labels: [LabelledCorpus.Label]

    public init(id: String, org: String, stage: String = "", audience: String = "customer", text: String,
                labels: [LabelledCorpus.Label]) {
        self.id = id
        self.org = org
        self.stage = stage
        self.audience = audience
        self.text = text
        self.labels = labels
    }

    /// `jenkins` for `jenkins-006`.
    public var idPrefix: String {
        guard let dash = id.lastIndex(of: "-") else { return id }
        return String(id[..<dash])
    }

    static func parse(_ line: String, line number: Int) throws(LabelledCorpus.Problem) -> LabelledMessage {
        func problem(_ position: SourcePosition, _ message: String) -> LabelledCorpus.Problem {
            LabelledCorpus.Problem(line: number, column: position.column, message: message)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(line)
        } catch {
            throw problem(error.position, error.message)
        }
        guard root.members != nil else { throw problem(root.position, "expected a JSON object per line") }
        func string(_ key: String, in node: JSONNode, required: Bool = true) throws(LabelledCorpus.Problem) -> String {
            guard let value = node[key] else {
                if required { throw problem(node.position, "missing \"\(key)\"") }
                return ""
            }
            guard let text = value.stringValue else {
                throw problem(value.position, "\"\(key)\" must be a string, not \(value.value.typeDescription)")
            }
            return text
        }
        func offset(_ key: String, in node: JSONNode) throws(LabelledCorpus.Problem) -> Int {
            guard let value = node[key] else { throw problem(node.position, "missing \"\(key)\"") }
            guard case .number(let number, _) = value.value, number >= 0, number < 1e9,
                  number == number.rounded(), let offset = Int(exactly: number) else {
                let found: String
                if case .number(_, let written) = value.value { found = written } else { found = value.value.typeDescription }
                throw problem(value.position, "\"\(key)\" must be a whole number of characters from 0, not \(found)")
            }
            return offset
        }
        let text = try string("text", in: root)
        let scalars = Array(text.unicodeScalars)
        var labels: [LabelledCorpus.Label] = []
        if let labelNodes = root["labels"] {
            guard let elements = labelNodes.elements else {
                throw problem(labelNodes.position, "\"labels\" must be an array, not \(labelNodes.value.typeDescription)")
            }
            for node in elements {
                guard node.members != nil else { throw problem(node.position, "each label must be an object") }
                let category = try string("category", in: node)
                guard LabelledCorpus.knownCategories.contains(category) else {
                    var message = "unknown category \"\(category)\"; expected one of "
                        + LabelledCorpus.knownCategories.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                    if let near = NameSuggestion.closest(to: category, among: LabelledCorpus.knownCategories.sorted()) {
                        message += ". Did you mean \"\(near)\"?"
                    }
                    throw problem(node["category"]?.position ?? node.position, message)
                }
                let start = try offset("start", in: node), end = try offset("end", in: node)
                guard start < end, end <= scalars.count else {
                    throw problem(node.position, "the span \(start)..<\(end) is not inside the text (\(scalars.count) characters)")
                }
                let spanText = String(String.UnicodeScalarView(scalars[start..<end]))
                let labelText = try string("text", in: node, required: false)
                guard labelText.isEmpty || labelText == spanText else {
                    throw problem(node["text"]?.position ?? node.position,
                                  "\"text\" is not the text at \(start)..<\(end) (which is \"\(spanText)\")")
                }
                labels.append(.init(category: category, start: start, end: end, text: spanText))
            }
        }
        return LabelledMessage(id: try string("id", in: root), org: try string("org", in: root, required: false),
                               stage: try string("stage", in: root, required: false),
                               audience: try string("audience", in: root, required: false),
                               text: text, labels: labels)
    }
}
