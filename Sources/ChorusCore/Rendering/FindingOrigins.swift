import ChorusLint
import ChorusSupport
import Foundation

/// Which state field a finding's words came from, so the fix is made where it belongs
/// (`$.impact.summary`), not in the draft (`customer:7:105`).
///
/// Every value a draft shows is state text cleaned to one line, so the field is found by
/// looking, on the finding's line, for the state strings that contain the matched words and
/// cover them where they stand; the shortest such string is the most specific field. Words of
/// the template itself are covered by no state string and get no field.
enum FindingOrigins {
    /// The field of each finding that came from one.
    static func fields(of findings: [Finding], in text: String, state: IncidentState) -> [Finding: String] {
        let located = findings.filter { !$0.match.isEmpty && $0.end > $0.start }
        guard !located.isEmpty else { return [:] }
        let strings = stateStrings(state)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var fields: [Finding: String] = [:]
        for finding in located {
            guard finding.line >= 1, finding.line <= lines.count else { continue }
            let line = Array(lines[finding.line - 1].unicodeScalars)
            let from = finding.column - 1, to = from + (finding.end - finding.start)
            guard from >= 0, to <= line.count else { continue }
            let candidates = strings.filter { $0.text.contains(finding.match) }.sorted { $0.scalars.count < $1.scalars.count }
            if let origin = candidates.first(where: { covers($0.scalars, line, from, to) }) { fields[finding] = origin.path }
        }
        return fields
    }

    /// Whether `needle` occurs in `line` over the scalar range `from..<to`.
    static func covers(_ needle: [Unicode.Scalar], _ line: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        guard !needle.isEmpty, needle.count >= to - from else { return false }
        let first = max(0, to - needle.count), last = min(from, line.count - needle.count)
        guard first <= last else { return false }
        for start in first...last where line[start..<(start + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    /// Every string of the state with its JSON path, cleaned as drafts show it.
    static func stateStrings(_ state: IncidentState) -> [(path: String, text: String, scalars: [Unicode.Scalar])] {
        guard let json = try? StateCoding.encode(state), let root = try? JSONParser.parse(json) else { return [] }
        var out: [(path: String, text: String, scalars: [Unicode.Scalar])] = []
        func walk(_ node: JSONNode, _ path: JSONPath) {
            switch node.value {
            case .string(let raw):
                let text = PlainText.clean(raw)
                if !text.isEmpty { out.append((path.description, text, Array(text.unicodeScalars))) }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, path.appending(index)) }
            case .object(let members):
                for member in members { walk(member.node, path.appending(member.key)) }
            default:
                break
            }
        }
        walk(root, .root)
        return out
    }
}
