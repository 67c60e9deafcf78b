import ChorusSupport
import ChorusTemplate
import Foundation

/// What one audience's template sees, member by member: each member of the view is one entry
/// here, with the parts of the view (`shows` in `audience.json`) an audience must be allowed for
/// it to be built at all — so a field's privacy is read off one line, and a template can never
/// reach what its audience may not see (a hidden member is absent, a hidden list empty).
/// `StateFields` says which audiences may see each field of the state; a test checks the two
/// agree field by field. `has.<member>` is derived: true when the member is present and not empty.
struct ViewMember: Sendable {
    var name: String
    /// Who gets it built.
    var visibility: FieldSpec.Visibility
    /// A list member is an empty list (not absent) when hidden, as templates expect.
    var isList: Bool
    var build: @Sendable (inout ViewWords) -> TemplateValue?
    /// `has` entries beyond `has.<name>`, for what the member holds (`has.canDo` from `impact`).
    var hasMore: @Sendable (TemplateValue) -> [String: Bool] = { _ in [:] }

    static func value(_ name: String, _ visibility: FieldSpec.Visibility, _ build: @escaping @Sendable (inout ViewWords) -> TemplateValue?) -> ViewMember {
        ViewMember(name: name, visibility: visibility, isList: false, build: build)
    }

    static func list(_ name: String, _ visibility: FieldSpec.Visibility, _ build: @escaping @Sendable (inout ViewWords) -> [TemplateValue]) -> ViewMember {
        ViewMember(name: name, visibility: visibility, isList: true, build: { .list(build(&$0)) })
    }

    func built(for audience: Audience, _ words: inout ViewWords) -> TemplateValue? {
        let visible: Bool
        switch visibility {
        case .everyone: visible = true
        case .nobody: visible = false
        case .with(let fields): visible = fields.contains { audience.shows($0) }
        }
        guard visible else { return isList ? .list([]) : nil }
        return build(&words)
    }
}

/// The members of every audience's view.
enum AudienceViewTable {
    typealias W = ViewWords

    static let members: [ViewMember] = [
        .value("audience", .everyone) { w in W.object(["name": .string(w.audience.name), "channel": .string(w.audience.channel)]) },
        .value("statusPage", .everyone) { w in w.text(ifAny: w.statusPage) },
        .value("id", .everyone) { w in w.text(w.state.id) },
        .value("kind", .everyone) { w in
            let kind = w.state.kind
            return W.object(["value": .string(kind.rawValue), "isIncident": .bool(kind == .incident),
                             "isMaintenance": .bool(kind == .maintenance), "isRetrospective": .bool(kind == .retrospective)])
        },
        .value("generatedAt", .everyone) { w in w.time(w.clock.now) },
        .value("revision", .everyone) { w in
            guard let context = w.context else { return nil }
            return W.object(["number": .int(context.revision), "at": w.time(context.revisionAt)])
        },
        .value("approval", .everyone) { w in
            guard let context = w.context, let by = context.approvingAs else { return nil }
            return W.object(["revision": .int(context.revision), "at": w.time(context.approvingAt ?? w.clock.now), "by": w.text(by)])
        },
        .value("approvedCustomerWording", .with([.approvedCustomerWording])) { w in
            // Only approved text is handed out to repeat, without what was retracted since.
            guard let context = w.context,
                  let wording = ApprovedWording(customer: context.customerApproval, support: context.supportApproval,
                                                retracted: w.state.corrections.map(\.said)) else { return nil }
            let approval = wording.approval
            return W.object(["lines": .list(wording.lines.map { w.text($0) }), "from": .string(wording.from),
                             "revision": .int(approval.revision ?? 0), "at": w.time(approval.at), "by": w.text(approval.author),
                             "isCurrent": .bool(approval.revision == context.revision),
                             "approvedWhile": approval.state.map { .string(Labels.status($0.status).lowercased()) }, "leftOut": .bool(wording.leftOut)])
        },
        // What customers were last told, from the journal: the latest customer publication.
        .value("customersTold", .with([.approvedCustomerWording])) { w in
            guard let context = w.context, let entry = context.history?.lastPublication(to: "customer"),
                  case .published(_, let channel, let revision, let told) = entry.event else { return nil }
            return W.object(["at": w.time(entry.at), "by": w.text(entry.author), "channel": w.text(ifAny: channel),
                             "revision": .int(revision ?? 0), "isCurrent": .bool(revision == context.revision), "said": w.text(ifAny: told)])
        },
        .value("title", .with([.title])) { w in w.text(w.state.title) },
        .value("status", .with([.status])) { w in
            let status = w.state.status
            return W.object([
                "value": .string(status.rawValue), "label": .string(Labels.status(status)), "isOpen": .bool(status.isOpen),
                "isActive": .bool(status == .investigating || status == .identified), "isFixInPlace": .bool(Self.fixInPlace(status)),
                "isInvestigating": .bool(status == .investigating), "isIdentified": .bool(status == .identified),
                "isMonitoring": .bool(status == .monitoring), "isResolved": .bool(status == .resolved),
                "isScheduled": .bool(status == .scheduled), "isInProgress": .bool(status == .inProgress),
                "isVerifying": .bool(status == .verifying), "isCompleted": .bool(status == .completed),
            ])
        },
        .value("reopened", .with([.status])) { w in
            guard let reopened = w.state.reopened else { return nil }
            // Why it came back is engineering detail: only audiences that see facts are told.
            return W.object(["at": w.time(reopened.at), "resolvedAt": w.time(reopened.resolvedAt),
                             "impactReturned": w.time(ifAny: reopened.impactReturnedAt),
                             "reason": w.shows(.facts) ? w.text(reopened.reason) : nil])
        },
        .value("severity", .with([.severity])) { w in
            let severity = w.state.severity
            return W.object(["value": .string(severity.rawValue), "label": .string(severity.rawValue.uppercased()),
                             "description": .string(Labels.severity(severity)), "isMajor": .bool(severity <= .sev2)])
        },
        .value("times", .with([.times])) { w in
            let state = w.state
            let end = state.resolvedAt ?? w.clock.now
            // The customer impact ends when the fix is in place (monitoring began), else at resolution.
            let impactEnded = fixInPlace(state.status) ? (state.monitoringSince ?? state.resolvedAt) : nil
            // A fix that did not hold: the impact comes in periods, told from the journal.
            let periods = impactPeriods(state, history: w.context?.history, ended: impactEnded)
            let window = impactEnded.map { _ in periods.map { w.clock.span($0.start, $0.end ?? end) }.joined(separator: " and again between ") }
            let minutes = periods.reduce(0) { $0 + W.minutes($1.start, $1.end ?? end) }
            return W.object([
                "started": w.time(state.startedAt), "detected": w.time(ifAny: state.detectedAt), "resolved": w.time(ifAny: state.resolvedAt),
                "duration": .string(RenderClock.duration(minutes: W.minutes(state.startedAt, end))),
                "impactEnded": w.time(ifAny: impactEnded),
                "impactWindow": window.map { .string($0) },
                "impactDuration": .string(RenderClock.duration(minutes: minutes)),
                "timeToResolve": state.resolvedAt.map { .string(RenderClock.duration(minutes: W.minutes(state.detectedAt ?? state.startedAt, $0))) },
            ])
        },
        .value("lastUpdated", .with([.lastUpdatedAt])) { w in w.time(w.state.lastUpdatedAt) },
        // The next update only while one is owed.
        .value("nextUpdate", .with([.nextUpdateAt])) { w in w.state.status.isOpen ? w.time(ifAny: w.state.nextUpdateAt) : nil },
        .value("window", .with([.window])) { w in
            guard let window = w.state.window else { return nil }
            // `started` is when the work really began: moving a maintenance to in_progress ahead of
            // its window starts it then, and a draft must not say it "started" at a time to come.
            return W.object(["start": w.time(window.start), "end": w.time(window.end),
                             "duration": .string(RenderClock.duration(minutes: W.minutes(window.start, window.end))),
                             "started": w.time(w.state.startedAt), "isStartedAsPlanned": .bool(w.state.startedAt == window.start)])
        },
        .value("roles", .with([.roles])) { w in
            W.object(["incidentLead": w.text(w.state.roles.incidentLead), "commsLead": w.text(ifAny: w.state.roles.commsLead)])
        },
        .list("responders", .with([.responders])) { w in
            w.state.roles.responders.map { W.object(["name": w.text($0.name), "doing": w.text($0.doing)]) }
        },
        .value("escalation", .with([.escalation])) { w in w.text(ifAny: w.state.roles.escalation) },
        ViewMember(name: "impact", visibility: .with([.impact]), isList: false, build: { w in
            let impact = w.state.impact
            return W.object(["summary": w.text(impact.summary), "canDo": .list(impact.canDo.map { w.text($0) }),
                             "cannotDo": .list(impact.cannotDo.map { w.text($0) }), "whoIsAffected": w.text(impact.whoIsAffected),
                             "pastSummary": w.text(ifAny: impact.pastSummary)])
        }, hasMore: { impact in ["canDo": impact["canDo"]?.isTruthy ?? false, "cannotDo": impact["cannotDo"]?.isTruthy ?? false] }),
        .list("segments", .with([.segments])) { w in w.state.impact.segments.map { w.text($0) } },
        .list("quantifiedImpact", .with([.quantifiedImpact])) { w in
            w.state.quantifiedImpact.map { measure in
                W.object(["text": .string(Quantity.describe(value: measure.value, unit: measure.unit.map(PlainText.clean), metric: PlainText.clean(measure.metric))),
                          "value": .string(Quantity.format(measure.value)), "asOf": w.time(ifAny: measure.asOf)])
            }
        },
        .value("businessImpact", .with([.businessImpact])) { w in w.text(ifAny: w.state.businessImpact) },
        .list("components", .with([.components])) { w in w.state.components.map { component(w, $0) } },
        .list("affectedComponents", .with([.components])) { w in
            w.state.components.filter { $0.status != .operational }.map { component(w, $0) }
        },
        .list("facts", .with([.facts])) { w in
            w.state.facts.map { fact in
                W.object(["id": w.text(fact.id), "text": w.text(fact.text), "at": w.time(fact.at), "source": .string(fact.source.rawValue)])
            }
        },
        ViewMember(name: "hypotheses", visibility: .with([.openHypotheses, .settledHypotheses]), isList: false, build: { w in
            // Open hypotheses stay inside engineering; settled ones go wherever `hypotheses.settled` goes.
            func list(_ state: HypothesisState, _ allowed: Bool) -> TemplateValue {
                .list(allowed ? w.state.hypotheses.filter { $0.state == state }.map { W.object(["id": w.text($0.id), "text": w.text($0.text)]) } : [])
            }
            let open = w.shows(.openHypotheses), settled = w.shows(.settledHypotheses)
            return W.object(["open": list(.open, open), "confirmed": list(.confirmed, settled), "ruledOut": list(.ruledOut, settled)])
        }, hasMore: { hypotheses in
            ["openHypotheses": hypotheses["open"]?.isTruthy ?? false,
             "settledHypotheses": (hypotheses["confirmed"]?.isTruthy ?? false) || (hypotheses["ruledOut"]?.isTruthy ?? false)]
        }),
        .list("nextSteps", .with([.nextSteps])) { w in
            w.state.steps.filter { $0.state == .planned || $0.state == .inProgress }.map { step(&w, $0) }
        },
        .list("triedSteps", .with([.triedSteps])) { w in
            w.state.steps.filter { $0.state == .done || $0.state == .failed }.map { step(&w, $0) }
        },
        .list("timeline", .with([.facts, .triedSteps])) { w in timeline(&w) },
        .value("workaround", .with([.workaround])) { w in w.text(ifAny: w.state.workaround) },
        // Any ETA for engineering; elsewhere only a confirmed one with its time.
        .value("eta", .with([.anyETA, .confirmedETA])) { w in
            guard let eta = w.state.eta, w.shows(.anyETA) || (eta.confidence == .confirmed && eta.at != nil) else { return nil }
            return W.object(["at": w.time(ifAny: eta.at), "isConfirmed": .bool(eta.confidence == .confirmed), "confidence": .string(eta.confidence.rawValue)])
        },
        ViewMember(name: "rootCause", visibility: .with([.rootCause]), isList: false, build: { w in
            guard let cause = w.state.rootCause else { return nil }
            return W.object(["summary": w.text(cause.summary),
                             "whys": .list(cause.whys.enumerated().map { W.object(["number": .int($0.offset + 1), "text": w.text($0.element)]) })])
        }, hasMore: { cause in ["whys": cause["whys"]?.isTruthy ?? false] }),
        .value("fix", .with([.fix])) { w in w.text(ifAny: w.state.fix) },
        .list("followUps", .with([.followUps])) { w in
            w.state.followUps.map { W.object(["text": w.text($0.text), "owner": w.text($0.owner), "due": w.text($0.due)]) }
        },
        // A retracted fact was only ever shown to audiences that see facts; a retracted statement
        // with no fact behind it was public, and every audience hears the correction.
        .list("corrections", .with([.corrections])) { w in
            w.state.corrections.filter { $0.retracts == nil || w.shows(.facts) }.map { correction in
                W.object(["said": .string(QuotedWords.quotable(PlainText.clean(correction.said))),
                          "correct": .string(QuotedWords.sentence(PlainText.clean(correction.correct))),
                          "at": w.time(correction.at)])
            }
        },
        .list("links", .with([.links])) { w in w.state.links.map { W.object(["title": w.text($0.title), "url": w.text($0.url)]) } },
        .list("asks", .with([.asks])) { w in w.state.asks.map { w.text($0) } },
        .list("whatWentWell", .with([.whatWentWell])) { w in w.state.whatWentWell.map { w.text($0) } },
    ]

    /// The view `audience`'s templates render: every member it may see, and `has`.
    static func value(of state: IncidentState, for audience: Audience, clock: RenderClock, context: DraftContext?,
                      statusPage: String?) -> TemplateValue {
        var words = ViewWords(state: state, audience: audience, clock: clock, context: context, statusPage: statusPage)
        var view: [String: TemplateValue] = [:]
        view.reserveCapacity(members.count + 1)
        var has: [String: TemplateValue] = [:]
        for member in members {
            guard let value = member.built(for: audience, &words) else {
                has[member.name] = .bool(false)
                for (name, _) in member.hasMore(.object([:])) { has[name] = .bool(false) }
                continue
            }
            view[member.name] = value
            has[member.name] = .bool(value.isTruthy)
            for (name, present) in member.hasMore(value) { has[name] = .bool(present) }
        }
        view["has"] = .object(has)
        return .object(view)
    }

    static func fixInPlace(_ status: IncidentStatus) -> Bool { status == .monitoring || status == .resolved }

    /// When customers were affected: from the start until the fix was in place (`ended`; nil
    /// while it is not). When the journal shows the incident reopened, each time the fix did not
    /// hold is a period of its own, from when customers were affected again (the time `reopen`
    /// was given, else the reopening) until the next fix was in place.
    static func impactPeriods(_ state: IncidentState, history: IncidentHistory?, ended: Date?) -> [(start: Date, end: Date?)] {
        guard let history, history.entries.contains(where: { if case .reopened = $0.event { return true }; return false }) else {
            return [(state.startedAt, ended)]
        }
        var periods: [(start: Date, end: Date?)] = []
        var current: Date? = state.startedAt
        for entry in history.entries {
            switch entry.event {
            case .statusChanged(_, let to) where fixInPlace(to):
                if let start = current { periods.append((start, max(start, entry.at))); current = nil }
            case .reopened(_, _, let returned):
                // Never before the previous period ended: periods do not overlap.
                if current == nil { current = max(returned ?? entry.at, periods.last?.end ?? state.startedAt) }
            default:
                continue
            }
        }
        if let start = current {
            periods.append((start, ended.map { max(start, $0) }))
        } else if let ended, let last = periods.last {
            periods[periods.count - 1].end = max(last.start, ended) // the fix in place as the state records it
        }
        return periods
    }

    static func component(_ w: ViewWords, _ component: AffectedComponent) -> TemplateValue {
        W.object(["name": w.text(component.publicName), "status": .string(Labels.componentStatus(component.status)),
                  "statusValue": .string(component.status.rawValue), "isAffected": .bool(component.status != .operational),
                  // Internal names stay inside engineering.
                  "internalName": w.shows(.componentInternalNames) ? w.text(component.internalName) : nil])
    }

    static func step(_ w: inout ViewWords, _ step: Step) -> TemplateValue {
        W.object(["text": w.text(step.text), "owner": w.text(step.owner), "state": .string(step.state.rawValue.replacingOccurrences(of: "_", with: " ")),
                  "isFailed": .bool(step.state == .failed), "at": w.time(ifAny: step.at)])
    }
}
