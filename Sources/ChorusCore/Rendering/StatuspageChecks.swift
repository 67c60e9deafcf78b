import ChorusLint

/// What Statuspage would refuse, found while the draft is linted, so it blocks an approval
/// instead of failing the send: an incident `name` over 255 characters, a `body` over 25,000.
public enum StatuspageChecks {
    static let nameRule = "statuspage-name-length"
    static let bodyRule = "statuspage-body-length"

    /// The update text: the draft as Markdown without its level-1 heading (the incident's name).
    public static func body(_ document: DraftDocument) -> String {
        var body = document
        if case .heading(1, _)? = body.blocks.first { body.blocks.removeFirst() }
        return DraftWriter.markdown(body)
    }

    static func unmappedNote(_ names: [String]) -> String {
        "affected components without a statuspageId cannot be set on Statuspage and are left out of the export: \(names.joined(separator: ", ")); give each one with chorus component ID NAME --statuspage-id ID"
    }

    /// Error findings for an audience that can be sent to Statuspage. `checkBody` also measures
    /// the body (written only when the draft is rendered as `statuspage`).
    static func findings(state: IncidentState, document: DraftDocument, lintedText: String, checkBody: Bool) -> [Finding] {
        var findings: [Finding] = []
        let name = StatuspageExport.name(for: state)
        let nameLength = name.count
        if nameLength > StatuspageExport.nameLimit {
            findings.append(finding(
                rule: nameRule, in: lintedText, match: name,
                message: "the title has \(nameLength) characters; Statuspage refuses an incident name over \(StatuspageExport.nameLimit)",
                suggestion: "shorten the title (chorus set ID title \"…\")"))
        }
        if checkBody {
            let bodyLength = body(document).count
            if bodyLength > StatuspageExport.bodyLimit {
                findings.append(finding(
                    rule: bodyRule, in: lintedText, match: "",
                    message: "the Statuspage update text has \(bodyLength) characters; Statuspage refuses a body over \(StatuspageExport.bodyLimit)",
                    suggestion: "say less in this update"))
            }
        }
        return findings
    }

    /// An error finding on `match` where it first stands in `text` (else at 1:1).
    private static func finding(rule: String, in text: String, match: String, message: String, suggestion: String) -> Finding {
        var start = 0, line = 1, column = 1
        if !match.isEmpty, let range = text.range(of: match) {
            for scalar in text.unicodeScalars[..<range.lowerBound] {
                start += 1
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        let end = start + match.unicodeScalars.count
        return Finding(rule: rule, category: .length, severity: .error, message: message, match: match,
                       start: start, end: end, line: line, column: column, suggestion: suggestion)
    }
}
