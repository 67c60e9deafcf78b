import ChorusLint
import ChorusSupport

extension Finding {
    /// The finding as the JSON outputs write it: `rule`, `category`, `severity`, `message`,
    /// `match`, `start`, `end`, `line`, `column`, `suggestion` (null when there is none).
    public var jsonOutput: JSONOutput {
        .object([
            ("rule", .string(rule)),
            ("category", .string(category.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
            ("match", .string(match)),
            ("start", .int(start)),
            ("end", .int(end)),
            ("line", .int(line)),
            ("column", .int(column)),
            ("suggestion", suggestion.map(JSONOutput.string) ?? .null),
        ])
    }
}
