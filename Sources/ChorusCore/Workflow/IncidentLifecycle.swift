import Foundation

/// The rules of an incident's life that every change obeys, whichever verb makes it: when the
/// state was last updated, when monitoring began, what a status change sets and clears.
public enum IncidentLifecycle {
    /// What every change does besides itself: the state was updated now, and monitoring must
    /// hold unbroken (entering it starts the clock; leaving it, except to resolve, stops it).
    public static func settle(_ next: inout IncidentState, after current: IncidentState, at now: Date) {
        next.lastUpdatedAt = max(now, current.lastUpdatedAt)
        if next.status == .monitoring && (current.status != .monitoring || next.monitoringSince == nil) {
            next.monitoringSince = now
        } else if next.status != .monitoring && next.status != .resolved {
            next.monitoringSince = nil
        }
    }

    /// Changes the status as `chorus update --status` does. Resolving goes through the close-out
    /// checklist (`chorus resolve`) and a closed incident opens again only with `chorus reopen`.
    public static func changeStatus(_ state: inout IncidentState, to status: IncidentStatus, at now: Date) throws(StateEditError) {
        guard status != state.status else { return }
        if status == .resolved && state.kind == .incident {
            throw .refused("to resolve \(state.id) use chorus resolve \(state.id), which checks the close-out list first")
        }
        if !state.status.isOpen && status.isOpen {
            throw .refused("\(state.id) is \(state.status.rawValue); to open it again use chorus reopen \(state.id) --reason \"…\" --next-update +30m")
        }
        state.status = status
        switch status {
        case .completed:
            state.resolvedAt = now
            state.nextUpdateAt = nil
            state.eta = nil
        case .inProgress where state.startedAt > now:
            state.startedAt = now // the maintenance began now, not at its announced start
        default:
            break
        }
    }

    /// Why `returned` cannot be when the impact of resolved `state` returned (nil when it can):
    /// it must lie between the resolution and `now`. Times are named in `timeZone`.
    public static func impactReturnedProblem(_ returned: Date, state: IncidentState, at now: Date,
                                             timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> String? {
        let clock = RenderClock(now: now, timeZone: timeZone)
        if returned > now {
            return "the impact cannot have returned at \(clock.absolute(returned)): that is still to come (it is \(clock.absolute(now))); give the time customers were affected again, such as 15:48 or -10m"
        }
        if let resolved = state.resolvedAt, returned < resolved {
            return "the impact cannot have returned at \(clock.absolute(returned)): \(state.id) was resolved later, at \(clock.absolute(resolved)); give a time between the resolution and now"
        }
        return nil
    }

    /// How the failed step `reopen` records for the fix that did not hold begins (the review's
    /// timeline tells it as it is, with no outcome added).
    public static let failedFixPrefix = "Fix that did not hold: "

    /// Returns a resolved incident (or a completed maintenance) to work: the status given, no
    /// resolved time, a new next update; the fix that did not hold becomes a failed step, and
    /// `reopened` records when, why and when it had been resolved, so drafts say it returned.
    /// `impactReturned` is when customers were affected again, if earlier than now (the customer
    /// impact counts from then); it must lie between the resolution and now. Refusals name times
    /// in `timeZone`.
    public static func reopen(_ state: inout IncidentState, to status: IncidentStatus, reason: String,
                              nextUpdate: Date, impactReturned: Date? = nil, at now: Date,
                              timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws(StateEditError) {
        guard !state.status.isOpen else {
            throw .refused("\(state.id) is \(state.status.rawValue), not resolved; there is nothing to reopen")
        }
        guard state.kind != .retrospective else {
            throw .refused("\(state.id) is a retrospective (written up after the fact); open a new incident instead")
        }
        let allowed: [IncidentStatus] = state.kind == .maintenance ? [.inProgress, .verifying] : [.investigating, .identified, .monitoring]
        guard allowed.contains(status) else {
            throw .badInput("a reopened \(state.kind.rawValue) goes back to \(allowed.map(\.rawValue).joined(separator: " or ")), not \(status.rawValue)")
        }
        let resolvedAt = state.resolvedAt ?? now
        if let returned = impactReturned, let problem = impactReturnedProblem(returned, state: state, at: now, timeZone: timeZone) {
            throw .badInput(problem)
        }
        if let fix = state.fix, state.kind == .incident {
            state.steps.append(Step(id: IncidentEdits.nextID(prefix: "S", existing: state.steps.compactMap(\.id)),
                                    text: failedFixPrefix + fix, owner: state.roles.incidentLead, state: .failed, at: now))
            state.fix = nil
        }
        state.status = status
        state.resolvedAt = nil
        state.nextUpdateAt = nextUpdate
        state.reopened = Reopening(at: now, reason: reason, resolvedAt: resolvedAt, impactReturnedAt: impactReturned)
    }
}
