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
    /// `timeZone` is the zone times in messages are written in (ISO 8601 at its offset): the
    /// zone the person typed them in, so "detected (…05:00+01:00)" matches what they typed.
    public static func validate(_ state: IncidentState, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func time(_ date: Date) -> String { ISO8601.format(date, offsetSeconds: timeZone.secondsFromGMT(for: date)) }
        let root = JSONPath.root
        func add(_ path: JSONPath, _ message: String) { issues.append(ValidationIssue(path, message)) }

        let allowed = IncidentStatus.allowed(for: state.kind)
        if !allowed.contains(state.status) {
            add(root.appending("status"), "\"\(state.status.rawValue)\" is not a status of \(Wording.article(state.kind.rawValue)); expected one of "
                + allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }

        // Cadence: an open incident always says when the next update comes.
        if state.status.isOpen && state.nextUpdateAt == nil {
            add(root.appending("nextUpdateAt"), "an open \(state.kind.rawValue) needs a next update time: say when the next update comes")
        }
        // The promise comes after the update that made it. A next update time that has passed
        // is overdue (`chorus show` and `chorus due` say so), but a state changed after it
        // passed must promise a new one: a draft saying "updated 09:50, next update by 09:40"
        // contradicts itself.
        if state.status.isOpen, let next = state.nextUpdateAt, next < state.lastUpdatedAt {
            add(root.appending("nextUpdateAt"), "the next update (\(time(next))) is before the last update (\(time(state.lastUpdatedAt))); "
                + "an open \(state.kind.rawValue) promises its next update after its last one: give a new next update time (chorus update ID --next-update +30m)")
        }
        // Nothing is updated before it starts; a scheduled maintenance is announced before its window.
        if !(state.kind == .maintenance && state.status == .scheduled), state.lastUpdatedAt < state.startedAt {
            add(root.appending("startedAt"), "started (\(time(state.startedAt))) is after the last update (\(time(state.lastUpdatedAt))); "
                + "times must run started ≤ last updated: a start time cannot be in the future")
        }

        // Close-out; for a status of another kind (an incident "completed") only the status
        // is at fault, so what its close-out would need is not reported alongside.
        let fits = allowed.contains(state.status)
        let closed = fits && !state.status.isOpen
        if closed && state.resolvedAt == nil {
            add(root.appending("resolvedAt"), "\(Wording.article(state.status.rawValue + " " + state.kind.rawValue)) needs a resolved time")
        }
        if closed && state.kind != .maintenance && (state.fix ?? "").allSatisfy(\.isWhitespace) {
            add(root.appending("fix"), "a resolved \(state.kind.rawValue) needs a fix: say what fixed it")
        }
        // A text after the fix speaks in the past tense: what customers could not do, not what
        // they cannot do. Without it a resolved draft would say "resolved" and "cannot" at once.
        if closed && state.kind != .maintenance && (state.impact.pastSummary ?? "").allSatisfy(\.isWhitespace) {
            add(root.appending("impact").appending("pastSummary"), "a resolved \(state.kind.rawValue) needs the impact in the past tense for its drafts: "
                + "say what customers could not do (\"Some customers could not upload files.\"; chorus update ID --past-impact \"…\")")
        }
        if fits, !closed, state.resolvedAt != nil {
            add(root.appending("resolvedAt"), "a resolved time is set but the status is \"\(state.status.rawValue)\"; set the status or remove the time")
        }

        // Times in order: started ≤ detected ≤ resolved.
        if let detected = state.detectedAt, detected < state.startedAt {
            add(root.appending("detectedAt"), "detected (\(time(detected))) is before started (\(time(state.startedAt))); times must run started ≤ detected ≤ resolved")
        }
        if let resolved = state.resolvedAt {
            let floor = state.detectedAt ?? state.startedAt
            if resolved < floor {
                let name = state.detectedAt == nil ? "started" : "detected"
                add(root.appending("resolvedAt"), "resolved (\(time(resolved))) is before \(name) (\(time(floor))); times must run started ≤ detected ≤ resolved")
            }
        }
        // A follow-up comes after the incident: one due before it started is a typo of the year
        // (1999 for 2026). A day of slack, since the due date is a calendar date in some zone.
        let firstDay = String(ISO8601.format(state.startedAt.addingTimeInterval(-86_400)).prefix(10))
        for (index, followUp) in state.followUps.enumerated() where followUp.due.count == 10 && followUp.due < firstDay {
            add(root.appending("followUps").appending(index).appending("due"), "due \(followUp.due) is before the \(state.kind.rawValue) started "
                + "(\(ISO8601.format(state.startedAt).prefix(10))); a follow-up is due after it: check the date (the year?)")
        }
        // What has happened happened by the last update: nothing is observed in the future.
        func happened(_ date: Date?, _ path: JSONPath, _ what: String) {
            guard let date, date > state.lastUpdatedAt else { return }
            add(path, "\(what) (\(time(date))) is after the last update (\(time(state.lastUpdatedAt))); "
                + "what has happened cannot be timed in the future")
        }
        happened(state.detectedAt, root.appending("detectedAt"), "detected")
        happened(state.resolvedAt, root.appending("resolvedAt"), "resolved")
        for (index, fact) in state.facts.enumerated() { happened(fact.at, root.appending("facts").appending(index).appending("at"), "fact \(fact.id)") }
        for (index, step) in state.steps.enumerated() { happened(step.at, root.appending("steps").appending(index).appending("at"), "a step") }
        for (index, measure) in state.quantifiedImpact.enumerated() {
            happened(measure.asOf, root.appending("quantifiedImpact").appending(index).appending("asOf"), "the measure")
        }
        if let reopened = state.reopened {
            happened(reopened.at, root.appending("reopened").appending("at"), "reopened")
            if reopened.resolvedAt > reopened.at {
                add(root.appending("reopened").appending("resolvedAt"), "it was resolved (\(time(reopened.resolvedAt))) after it was reopened (\(time(reopened.at)))")
            }
            if let returned = reopened.impactReturnedAt {
                let path = root.appending("reopened").appending("impactReturnedAt")
                if returned < reopened.resolvedAt {
                    add(path, "the impact returned (\(time(returned))) before it was resolved (\(time(reopened.resolvedAt))); expected a time between the resolution and the reopening")
                } else if returned > reopened.at {
                    add(path, "the impact returned (\(time(returned))) after it was reopened (\(time(reopened.at))); expected a time between the resolution and the reopening")
                }
            }
        }
        for (index, correction) in state.corrections.enumerated() {
            happened(correction.at, root.appending("corrections").appending(index).appending("at"), "the correction")
        }
        if let window = state.window, window.end <= window.start {
            add(root.appending("window").appending("end"), "the maintenance window ends (\(time(window.end))) before it starts (\(time(window.start)))")
        }
        if state.kind == .maintenance && state.window == nil {
            add(root.appending("window"), "a maintenance needs its announced window (start and end)")
        }

        // Ids are unique, so facts and hypotheses can be referred to.
        duplicates(state.facts.map(\.id), at: root.appending("facts"), noun: "fact", into: &issues)
        duplicates(state.hypotheses.map(\.id), at: root.appending("hypotheses"), noun: "hypothesis", into: &issues)
        duplicates(state.steps.map { $0.id ?? "" }, at: root.appending("steps"), noun: "step", into: &issues, ignoringEmpty: true)
        duplicates(state.components.map(\.internalName), at: root.appending("components"), noun: "component", field: "internalName", into: &issues)

        // (A follow-up's owner must not be blank: the schema says so, for every text field.)

        // One correction per statement: a second one of the same words is a mistake (edit or
        // withdraw the first instead), and both would stay in every draft.
        var corrected: [String: Int] = [:]
        for (index, correction) in state.corrections.enumerated() {
            let said = PlainText.clean(correction.said).lowercased()
            if let first = corrected[said] {
                add(root.appending("corrections").appending(index).appending("said"),
                    "\"\(correction.said)\" is already corrected (corrections item \(first + 1)); change that correction or withdraw it instead of adding another")
            } else {
                corrected[said] = index
            }
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
