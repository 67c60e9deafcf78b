import ChorusSupport
import Foundation

/// Derives an audience's view of the state: the rules engine's other half. Each field is copied
/// only when the audience's definition allows it, cleaned to one line of plain text, and worded
/// for readers.
public enum ViewDerivation {
    public static func view(of state: IncidentState, for audience: ChorusCore.Audience, clock: RenderClock,
                            context: DraftContext? = nil) -> AudienceView {
        let c = PlainText.clean
        // The same instant often appears twice (a fact and its timeline entry): worded once.
        var times: [Date: AudienceView.Time] = [:]
        func time(_ date: Date) -> AudienceView.Time {
            if let known = times[date] { return known }
            let worded = AudienceView.Time(iso: ISO8601.format(date), display: clock.absolute(date), relative: clock.relative(date),
                                           isPast: date <= clock.now)
            times[date] = worded
            return worded
        }
        func shows(_ field: ViewField) -> Bool { audience.shows(field) }
        let status = state.status
        let stepsNext = state.steps.filter { $0.state == .planned || $0.state == .inProgress }
        let stepsTried = state.steps.filter { $0.state == .done || $0.state == .failed }
        func step(_ s: Step) -> AudienceView.Step {
            AudienceView.Step(text: c(s.text), owner: c(s.owner), state: String(s.state.rawValue.map { $0 == "_" ? " " : $0 }),
                              isFailed: s.state == .failed, at: s.at.map(time))
        }
        func component(_ k: AffectedComponent) -> AudienceView.Component {
            AudienceView.Component(name: c(k.publicName), status: Labels.componentStatus(k.status), statusValue: k.status.rawValue,
                                   isAffected: k.status != .operational,
                                   internalName: shows(.componentInternalNames) ? c(k.internalName) : nil)
        }
        let components = shows(.components) ? state.components.map(component) : []
        let end = state.resolvedAt ?? clock.now
        func minutes(_ from: Date, _ to: Date) -> Int { max(0, Int((to.timeIntervalSince(from) / 60).rounded())) }
        let durationMinutes = minutes(state.startedAt, end)
        // The customer impact ends when the fix is in place (monitoring began), else at resolution.
        let fixInPlace = status == .monitoring || status == .resolved
        let impactEnded = fixInPlace ? (state.monitoringSince ?? state.resolvedAt) : nil

        var view = AudienceView(
            audience: AudienceView.Audience(name: audience.name, channel: audience.channel),
            id: c(state.id),
            kind: AudienceView.Kind(value: state.kind.rawValue, isIncident: state.kind == .incident,
                                    isMaintenance: state.kind == .maintenance, isRetrospective: state.kind == .retrospective),
            generatedAt: time(clock.now),
            revision: context.map { AudienceView.Revision(number: $0.revision, at: time($0.revisionAt)) },
            approval: context.flatMap { context in
                context.approvingAs.map { AudienceView.Approval(revision: context.revision, at: time(context.approvingAt ?? clock.now), by: c($0)) }
            },
            approvedCustomerWording: nil,
            title: shows(.title) ? c(state.title) : nil,
            status: shows(.status) ? AudienceView.Status(
                value: status.rawValue, label: Labels.status(status), isOpen: status.isOpen,
                isActive: status == .investigating || status == .identified, isFixInPlace: fixInPlace,
                isInvestigating: status == .investigating, isIdentified: status == .identified,
                isMonitoring: status == .monitoring, isResolved: status == .resolved, isScheduled: status == .scheduled,
                isInProgress: status == .inProgress, isVerifying: status == .verifying, isCompleted: status == .completed
            ) : nil,
            reopened: shows(.status) ? state.reopened.map {
                AudienceView.Reopened(at: time($0.at), resolvedAt: time($0.resolvedAt), reason: shows(.facts) ? c($0.reason) : nil)
            } : nil,
            severity: shows(.severity) ? AudienceView.Severity(value: state.severity.rawValue, label: state.severity.rawValue.uppercased(),
                                                                description: Labels.severity(state.severity),
                                                                isMajor: state.severity <= .sev2) : nil,
            times: shows(.times) ? AudienceView.Times(started: time(state.startedAt), detected: state.detectedAt.map(time),
                                                      resolved: state.resolvedAt.map(time),
                                                      duration: RenderClock.duration(minutes: durationMinutes),
                                                      impactEnded: impactEnded.map(time),
                                                      impactWindow: impactEnded.map { clock.span(state.startedAt, $0) },
                                                      impactDuration: RenderClock.duration(minutes: minutes(state.startedAt, impactEnded ?? end)),
                                                      timeToResolve: state.resolvedAt.map {
                                                          RenderClock.duration(minutes: minutes(state.detectedAt ?? state.startedAt, $0))
                                                      }) : nil,
            lastUpdated: shows(.lastUpdatedAt) ? time(state.lastUpdatedAt) : nil,
            nextUpdate: shows(.nextUpdateAt) && status.isOpen ? state.nextUpdateAt.map(time) : nil,
            window: shows(.window) ? state.window.map {
                AudienceView.Window(start: time($0.start), end: time($0.end),
                                    duration: RenderClock.duration(minutes: Int(($0.end.timeIntervalSince($0.start) / 60).rounded())))
            } : nil,
            roles: shows(.roles) ? AudienceView.Roles(incidentLead: c(state.roles.incidentLead), commsLead: state.roles.commsLead.map(c)) : nil,
            responders: shows(.responders) ? state.roles.responders.map { AudienceView.Responder(name: c($0.name), doing: c($0.doing)) } : [],
            escalation: shows(.escalation) ? state.roles.escalation.map(c) : nil,
            impact: shows(.impact) ? AudienceView.Impact(summary: c(state.impact.summary), canDo: state.impact.canDo.map(c),
                                                         cannotDo: state.impact.cannotDo.map(c), whoIsAffected: c(state.impact.whoIsAffected),
                                                         pastSummary: state.impact.pastSummary.map(c)) : nil,
            segments: shows(.segments) ? state.impact.segments.map(c) : [],
            quantifiedImpact: shows(.quantifiedImpact) ? state.quantifiedImpact.map {
                AudienceView.Measure(text: Quantity.describe(value: $0.value, unit: $0.unit.map(c), metric: c($0.metric)),
                                     value: Quantity.format($0.value), asOf: $0.asOf.map(time))
            } : [],
            businessImpact: shows(.businessImpact) ? state.businessImpact.map(c) : nil,
            components: components,
            affectedComponents: components.filter(\.isAffected),
            facts: shows(.facts) ? state.facts.map { AudienceView.Fact(id: c($0.id), text: c($0.text), at: time($0.at), source: $0.source.rawValue) } : [],
            hypotheses: nil,
            nextSteps: shows(.nextSteps) ? stepsNext.map(step) : [],
            triedSteps: shows(.triedSteps) ? stepsTried.map(step) : [],
            timeline: [],
            workaround: shows(.workaround) ? state.workaround.map(c) : nil,
            eta: nil,
            rootCause: shows(.rootCause) ? state.rootCause.map {
                AudienceView.RootCause(summary: c($0.summary), whys: $0.whys.enumerated().map { AudienceView.Why(number: $0.offset + 1, text: c($0.element)) })
            } : nil,
            fix: shows(.fix) ? state.fix.map(c) : nil,
            followUps: shows(.followUps) ? state.followUps.map { AudienceView.FollowUp(text: c($0.text), owner: c($0.owner), due: c($0.due)) } : [],
            // A retracted fact was only ever shown to audiences that see facts; a retracted
            // statement with no fact behind it was public, and every audience hears the correction.
            corrections: shows(.corrections) ? state.corrections.filter { $0.retracts == nil || shows(.facts) }.map {
                AudienceView.Correction(said: c($0.said), correct: c($0.correct), at: time($0.at))
            } : [],
            links: shows(.links) ? state.links.map { AudienceView.Link(title: c($0.title), url: c($0.url)) } : [],
            asks: shows(.asks) ? state.asks.map(c) : [],
            whatWentWell: shows(.whatWentWell) ? state.whatWentWell.map(c) : []
        )

        if shows(.approvedCustomerWording), let context, let approval = context.customerApproval, let lines = context.customerWordingLines {
            view.approvedCustomerWording = AudienceView.ApprovedWording(
                lines: lines.map(c), revision: approval.revision ?? 0, at: time(approval.at), by: c(approval.author),
                isCurrent: approval.revision == context.revision)
        }
        let settled = shows(.settledHypotheses), open = shows(.openHypotheses)
        if settled || open {
            func h(_ x: Hypothesis) -> AudienceView.Hypothesis { AudienceView.Hypothesis(id: c(x.id), text: c(x.text)) }
            view.hypotheses = AudienceView.Hypotheses(
                open: open ? state.hypotheses.filter { $0.state == .open }.map(h) : [],
                confirmed: settled ? state.hypotheses.filter { $0.state == .confirmed }.map(h) : [],
                ruledOut: settled ? state.hypotheses.filter { $0.state == .ruledOut }.map(h) : []
            )
        }
        if let eta = state.eta, shows(.anyETA) || (shows(.confirmedETA) && eta.confidence == .confirmed && eta.at != nil) {
            view.eta = AudienceView.ETA(at: eta.at.map(time), isConfirmed: eta.confidence == .confirmed, confidence: eta.confidence.rawValue)
        }
        if shows(.facts) || shows(.triedSteps) {
            var entries: [(Date, String)] = shows(.times) ? [(state.startedAt, "The problem started.")] : []
            if shows(.facts) { entries += state.facts.map { ($0.at, c($0.text)) } }
            if shows(.triedSteps) {
                entries += stepsTried.compactMap { s in s.at.map { ($0, c(s.text) + (s.state == .failed ? " (did not help)" : "") + " (" + c(s.owner) + ")") } }
            }
            if shows(.times), let resolved = state.resolvedAt { entries.append((resolved, "Resolved.")) }
            view.timeline = entries.enumerated().sorted { a, b in
                a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
            }.map { AudienceView.TimelineEntry(at: time($0.element.0), text: $0.element.1) }
        }
        view.has = AudienceView.Has(
            canDo: !(view.impact?.canDo.isEmpty ?? true), cannotDo: !(view.impact?.cannotDo.isEmpty ?? true),
            segments: !view.segments.isEmpty, quantifiedImpact: !view.quantifiedImpact.isEmpty,
            components: !view.components.isEmpty, affectedComponents: !view.affectedComponents.isEmpty,
            facts: !view.facts.isEmpty, openHypotheses: !(view.hypotheses?.open.isEmpty ?? true),
            settledHypotheses: !((view.hypotheses?.confirmed.isEmpty ?? true) && (view.hypotheses?.ruledOut.isEmpty ?? true)),
            nextSteps: !view.nextSteps.isEmpty, triedSteps: !view.triedSteps.isEmpty, timeline: !view.timeline.isEmpty,
            followUps: !view.followUps.isEmpty, corrections: !view.corrections.isEmpty, links: !view.links.isEmpty,
            asks: !view.asks.isEmpty, whatWentWell: !view.whatWentWell.isEmpty, responders: !view.responders.isEmpty,
            whys: !(view.rootCause?.whys.isEmpty ?? true), workaround: view.workaround != nil, eta: view.eta != nil,
            nextUpdate: view.nextUpdate != nil
        )
        return view
    }
}

/// Plain-language labels for enum values.
public enum Labels {
    public static func status(_ status: IncidentStatus) -> String {
        switch status {
        case .investigating: return "Investigating"
        case .identified: return "Identified"
        case .monitoring: return "Monitoring"
        case .resolved: return "Resolved"
        case .scheduled: return "Scheduled"
        case .inProgress: return "In progress"
        case .verifying: return "Verifying"
        case .completed: return "Completed"
        }
    }

    public static func severity(_ severity: IncidentSeverity) -> String {
        switch severity {
        case .sev1: return "highest"
        case .sev2: return "high"
        case .sev3: return "medium"
        case .sev4: return "low"
        }
    }

    public static func componentStatus(_ status: ComponentStatus) -> String {
        switch status {
        case .operational: return "Operational"
        case .degradedPerformance: return "Slower than usual"
        case .partialOutage: return "Partly unavailable"
        case .majorOutage: return "Unavailable"
        case .underMaintenance: return "Under maintenance"
        }
    }
}
