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

    /// As `jsonOutput`, with `field`: the JSON path of the state field the matched words came
    /// from (`$.impact.summary`), null when they are the template's own.
    public func jsonOutput(field: String?) -> JSONOutput {
        guard case .object(var members) = jsonOutput else { return jsonOutput }
        members.append(("field", field.map(JSONOutput.string) ?? .null))
        return .object(members)
    }
}
