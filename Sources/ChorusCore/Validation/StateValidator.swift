import ChorusSupport
import Foundation

/// One rule broken by a well-formed state, with the path of the field at fault.
public struct ValidationIssue: Sendable, Equatable {
    public var path: JSONPath
    public var message: String
    public init(_ path: JSONPath, _ message: String) { self.path = path; self.message = message }
}

/// The rules a state must follow beyond its shape. Reports every broken rule, not the first.
public enum StateValidator {
    public static func validate(_ state: IncidentState) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let root = JSONPath.root
        func add(_ path: JSONPath, _ message: String) { issues.append(ValidationIssue(path, message)) }

        let allowed = IncidentStatus.allowed(for: state.kind)
        if !allowed.contains(state.status) {
            add(root.appending("status"), "\"\(state.status.rawValue)\" is not a status of a \(state.kind.rawValue); expected one of "
                + allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }

        // Cadence: an open incident always says when the next update comes.
        if state.status.isOpen && state.nextUpdateAt == nil {
            add(root.appending("nextUpdateAt"), "an open \(state.kind.rawValue) needs a next update time: say when the next update comes")
        }
        // A next update time in the past is overdue, not invalid: `chorus show` and `chorus due`
        // say so, and recording a fact while overdue must never be refused.

        // Close-out.
        let closed = !state.status.isOpen
        if closed && state.resolvedAt == nil {
            add(root.appending("resolvedAt"), "a \(state.status.rawValue) \(state.kind.rawValue) needs a resolved time")
        }
        if closed && state.kind != .maintenance && (state.fix ?? "").allSatisfy(\.isWhitespace) {
            add(root.appending("fix"), "a resolved \(state.kind.rawValue) needs a fix: say what fixed it")
        }
        if !closed, state.resolvedAt != nil {
            add(root.appending("resolvedAt"), "a resolved time is set but the status is \"\(state.status.rawValue)\"; set the status or remove the time")
        }

        // Times in order: started ≤ detected ≤ resolved.
        if let detected = state.detectedAt, detected < state.startedAt {
            add(root.appending("detectedAt"), "detected (\(ISO8601.format(detected))) is before started (\(ISO8601.format(state.startedAt))); times must run started ≤ detected ≤ resolved")
        }
        if let resolved = state.resolvedAt {
            let floor = state.detectedAt ?? state.startedAt
            if resolved < floor {
                let name = state.detectedAt == nil ? "started" : "detected"
                add(root.appending("resolvedAt"), "resolved (\(ISO8601.format(resolved))) is before \(name) (\(ISO8601.format(floor))); times must run started ≤ detected ≤ resolved")
            }
        }
        if let window = state.window, window.end <= window.start {
            add(root.appending("window").appending("end"), "the maintenance window ends (\(ISO8601.format(window.end))) before it starts (\(ISO8601.format(window.start)))")
        }
        if state.kind == .maintenance && state.window == nil {
            add(root.appending("window"), "a maintenance needs its announced window (start and end)")
        }

        // Ids are unique, so facts and hypotheses can be referred to.
        duplicates(state.facts.map(\.id), at: root.appending("facts"), noun: "fact", into: &issues)
        duplicates(state.hypotheses.map(\.id), at: root.appending("hypotheses"), noun: "hypothesis", into: &issues)
        duplicates(state.steps.map { $0.id ?? "" }, at: root.appending("steps"), noun: "step", into: &issues, ignoringEmpty: true)
        duplicates(state.components.map(\.internalName), at: root.appending("components"), noun: "component", field: "internalName", into: &issues)

        for (index, followUp) in state.followUps.enumerated() where followUp.owner.allSatisfy(\.isWhitespace) {
            add(root.appending("followUps").appending(index).appending("owner"),
                "follow-up \"\(followUp.text)\" has no owner: every follow-up needs a named owner")
        }

        if let eta = state.eta, eta.confidence == .confirmed, eta.at == nil {
            add(root.appending("eta").appending("at"), "a confirmed ETA needs a time; use confidence \"estimate\" or give the time")
        }
        return issues
    }

    private static func duplicates(
        _ ids: [String], at path: JSONPath, noun: String, field: String = "id",
        into issues: inout [ValidationIssue], ignoringEmpty: Bool = false
    ) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if ignoringEmpty && id.isEmpty { continue }
            if let first = seen[id] {
                issues.append(ValidationIssue(path.appending(index).appending(field),
                                              "duplicate \(noun) \(field) \"\(id)\" (first used at \(path.appending(first)))"))
            } else {
                seen[id] = index
            }
        }
    }
}
