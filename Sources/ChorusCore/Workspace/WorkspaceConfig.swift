import ChorusSupport
import Foundation

/// The parsed `chorus.json` of a workspace: every setting with where it was written, so a
/// problem found later (a folder that does not exist, say) points at the value.
public struct WorkspaceConfig: Sendable {
    /// A value and the position of its first character in `chorus.json`.
    public struct Setting<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var position: SourcePosition
        public var path: JSONPath

        public init(_ value: Value, at position: SourcePosition = .start, path: JSONPath = .root) {
            self.value = value
            self.position = position
            self.path = path
        }
    }

    public var store: Setting<String>?
    public var timeZone: Setting<String>?
    public var statusPage: Setting<String>?
    public var vocabulary: Setting<String>?
    public var audiences: Setting<String>?
    public var phrasebook: Setting<String>?
    public var boardOut: Setting<String>?
    public var boardTitle: Setting<String>?
    public var boardRecentDays: Setting<Int>?
    /// Publishing destinations per audience, as written (their fields belong to publishing):
    /// `{ "customer": [ { "type": "statuspage", … } ], … }`.
    public var destinations: JSONNode?
    /// The same, read and checked (`DestinationParser`): where each audience's text is sent.
    public var publishing: [String: [Destination]] = [:]

    public init() {}

    /// Parses the text of a `chorus.json`, reporting every problem at its position.
    public static func parse(_ text: String, file: String) throws(WorkspaceError) -> WorkspaceConfig {
        let (config, problems) = read(text, file: file)
        guard problems.isEmpty else { throw WorkspaceError(problems: problems) }
        return config
    }

    /// Reads what can be read of a `chorus.json` and lists every problem, sorted by position:
    /// `chorus doctor` goes on checking the folders a config with a typo still names.
    public static func read(_ text: String, file: String) -> (config: WorkspaceConfig, problems: [WorkspaceProblem]) {
        let node: JSONNode
        do { node = try JSONParser.parse(text) } catch {
            return (WorkspaceConfig(), [WorkspaceProblem(file: file, position: error.position, message: error.message)])
        }
        var problems = SchemaChecker.check(node, against: .object(WorkspaceSchema.config)).map {
            WorkspaceProblem(file: file, position: $0.position, path: $0.path, message: $0.message)
        }
        var config = WorkspaceConfig()
        func string(_ path: JSONPath, _ node: JSONNode?) -> Setting<String>? {
            guard let node, let value = node.stringValue else { return nil }
            return Setting(value, at: node.position, path: path)
        }
        let root = JSONPath.root
        config.store = string(root.appending("store"), node["store"])
        config.timeZone = string(root.appending("timeZone"), node["timeZone"])
        config.statusPage = string(root.appending("statusPage"), node["statusPage"])
        config.vocabulary = string(root.appending("vocabulary"), node["vocabulary"])
        config.audiences = string(root.appending("audiences"), node["audiences"])
        config.phrasebook = string(root.appending("phrasebook"), node["phrasebook"])
        let board = root.appending("board")
        config.boardOut = string(board.appending("out"), node["board"]?["out"])
        config.boardTitle = string(board.appending("title"), node["board"]?["title"])
        if let days = node["board"]?["recentDays"], case .number(let value, _) = days.value, value >= 0, value <= 36_500, value == value.rounded() {
            config.boardRecentDays = Setting(Int(value), at: days.position, path: board.appending("recentDays"))
        } else if let days = node["board"]?["recentDays"], case .number(let value, _) = days.value, value > 36_500 {
            problems.append(WorkspaceProblem(file: file, position: days.position, path: board.appending("recentDays"),
                                             message: "must be at most 36500 (a hundred years), found \(value)"))
        }
        if let zone = config.timeZone, TimeZone(identifier: zone.value) == nil {
            var message = "unknown time zone \"\(zone.value)\"; expected an IANA name such as UTC or Europe/Berlin"
            if let near = NameSuggestion.closest(to: zone.value, among: TimeZone.knownTimeZoneIdentifiers) { message += ". Did you mean \"\(near)\"?" }
            problems.append(WorkspaceProblem(file: file, position: zone.position, path: zone.path, message: message))
        }
        if let destinations = node["destinations"] {
            config.destinations = destinations
            let parsed = DestinationParser.parse(destinations, file: file)
            config.publishing = parsed.destinations
            problems += parsed.problems
        }
        problems.sort { ($0.position?.offset ?? 0) < ($1.position?.offset ?? 0) }
        return (config, problems)
    }

    /// The text `chorus init` writes: every setting a team is likely to change, with defaults.
    public static func initialText(timeZone: String, statusPage: String?, customized: [String], boardOut: String?) -> String {
        var members: [(String, JSONOutput)] = [("store", .string(".chorus")), ("timeZone", .string(timeZone))]
        if let statusPage { members.append(("statusPage", .string(statusPage))) }
        for folder in customized { members.append((folder, .string(folder))) }
        if let boardOut { members.append(("board", .object([("out", .string(boardOut)), ("title", .string("Incidents"))]))) }
        members.append(("destinations", .object([])))
        return JSONOutput.object(members).rendered() + "\n"
    }
}
