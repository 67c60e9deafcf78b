import Foundation
import ChorusSupport

/// The close-out checklist `chorus resolve` applies before an incident may be resolved.
public enum ResolveChecklist {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var passed: Bool
        /// What is missing, or what satisfied it.
        public var detail: String
    }

    /// Default monitoring period when the state does not set one.
    public static let defaultMonitoringMinutes = 30

    public static func check(_ state: IncidentState, now: Date) -> [Item] {
        var items: [Item] = []
        let affected = state.components.filter { $0.status != .operational && $0.status != .underMaintenance }
        items.append(Item(
            name: "fix in place",
            passed: affected.isEmpty,
            detail: affected.isEmpty ? "every component is operational"
                : "components still affected: " + affected.map { "\($0.internalName) (\($0.status.rawValue))" }.joined(separator: ", ")
                    + "; set them with chorus component ID NAME --status operational"
        ))
        let period = state.monitoringPeriodMinutes ?? defaultMonitoringMinutes
        if state.status != .monitoring {
            items.append(Item(name: "monitoring held", passed: false,
                              detail: "the incident is \(state.status.rawValue), not monitoring; run chorus update ID --status monitoring and hold it for \(Wording.count(period, "minute"))"))
        } else if let since = state.monitoringSince {
            let held = Int(max(0, now.timeIntervalSince(since)) / 60) // never negative, so `period - held` cannot overflow
            items.append(Item(name: "monitoring held", passed: held >= period,
                              detail: held >= period ? "monitoring for \(Wording.count(held, "minute")) (period \(period))"
                                  : "monitoring for \(held) of \(Wording.count(period, "minute")); wait \(Wording.count(period - held, "more minute", plural: "more minutes"))"))
        } else {
            items.append(Item(name: "monitoring held", passed: false,
                              detail: "no monitoring start time is recorded; run chorus update ID --status monitoring again"))
        }
        let supportFacts = state.facts.filter { fact in
            fact.source == .support && (state.monitoringSince.map { fact.at >= $0 } ?? false)
        }
        items.append(Item(name: "support reports dropping", passed: !supportFacts.isEmpty,
                          detail: supportFacts.isEmpty ? "no fact from support since monitoring began; record one with chorus fact ID \"…\" --source support"
                              : "support: \(supportFacts.last?.text ?? "")"))
        let confirmed = state.hypotheses.filter { $0.state == .confirmed }
        let hasCause = state.rootCause != nil || !confirmed.isEmpty
        items.append(Item(name: "cause or best current answer", passed: hasCause,
                          detail: hasCause ? (state.rootCause?.summary ?? "confirmed: \(confirmed[0].text)")
                              : "no root cause and no confirmed hypothesis; chorus confirm ID H1 or chorus update ID --root-cause \"…\""))
        let fix = state.fix?.trimmingCharacters(in: .whitespaces) ?? ""
        items.append(Item(name: "fix", passed: !fix.isEmpty,
                          detail: fix.isEmpty ? "no fix recorded; chorus update ID --fix \"what fixed it\"" : fix))
        let past = state.impact.pastSummary?.trimmingCharacters(in: .whitespaces) ?? ""
        items.append(Item(name: "impact in the past tense", passed: !past.isEmpty,
                          detail: past.isEmpty ? "the resolved drafts need what customers could not do; chorus update ID --past-impact \"Some customers could not …\""
                              : past))
        let owned = state.followUps.filter { !$0.owner.trimmingCharacters(in: .whitespaces).isEmpty }
        items.append(Item(name: "follow-up with an owner", passed: !owned.isEmpty,
                          detail: owned.isEmpty ? "no follow-up yet; chorus follow-up ID \"…\" --owner NAME --due YYYY-MM-DD"
                              : "\(owned.count) follow-up\(owned.count == 1 ? "" : "s")"))
        return items
    }
}
