import ChorusLint
import ChorusTemplate
import Foundation

/// The names an audience's templates may use: the shape of every view the audience can be
/// rendered with, found by deriving its view of specimen states in which every field is set, at
/// every status and kind, with every part the journal can add. Derived, never written by hand,
/// so it cannot drift from the view.
enum ViewShape {
    /// The shape of the views of an audience that shows `fields`.
    static func shape(showing fields: Set<ViewField>) -> TemplateShape {
        let audience = Audience(
            name: "specimen", description: "", audience: "", channel: "", defaultFormat: .text, formats: [.text],
            lengthLimit: nil, kinds: IncidentKind.allCases, statuses: [], shows: fields, policy: LintPolicy(severities: [:]), directory: URL(fileURLWithPath: "/")
        )
        let clock = RenderClock(now: specimenTime.addingTimeInterval(3600))
        var shape: TemplateShape?
        for state in specimens {
            let view = AudienceViewTable.value(of: state, for: audience, clock: clock, context: specimenContext,
                                               statusPage: "https://status.example.com")
            let next = TemplateShape(describing: view)
            shape = shape.map { $0.merging(next) } ?? next
        }
        return shape ?? .unknown
    }

    /// Every field an audience may be shown.
    static let everyField = Set(ViewField.allCases)

    static let specimenTime = Date(timeIntervalSince1970: 1_795_000_000)

    /// What the journal adds: a revision, an approval being given, the customer wording as approved.
    static var specimenContext: DraftContext {
        let t = specimenTime
        var approval = JournalEntry(seq: 2, at: t, author: "A", kind: .approval)
        approval.audience = "customer"
        approval.revision = 1
        approval.source = "# Title\n\nText."
        approval.state = specimens.first
        let history = IncidentHistory(entries: [.init(at: t, author: "A", event: .published(audience: "customer", channel: "C", revision: 1, told: "T"))])
        return DraftContext(revision: 2, revisionAt: t, approvingAs: "A", approvingAt: t, customerApproval: approval, history: history)
    }

    /// A state with every field set, at the statuses that between them show every part of a view
    /// (a next update while open, the impact's end once a fix is in place, the time to resolve
    /// once resolved); the kind and status flags are there at every status.
    static var specimens: [IncidentState] {
        let t = specimenTime
        let base = IncidentState(
            id: "I", title: "T", severity: .sev1, status: .investigating, startedAt: t, detectedAt: t, resolvedAt: t, lastUpdatedAt: t,
            nextUpdateAt: t, window: MaintenanceWindow(start: t, end: t), monitoringSince: t, monitoringPeriodMinutes: 1,
            roles: Roles(incidentLead: "L", commsLead: "C", responders: [Responder(name: "N", doing: "D")], escalation: "E"),
            impact: CustomerImpact(summary: "S", canDo: ["C"], cannotDo: ["N"], whoIsAffected: "W", segments: ["G"], pastSummary: "P"),
            quantifiedImpact: [ImpactMeasure(metric: "M", value: 1, unit: "U", asOf: t)], businessImpact: "B",
            components: [AffectedComponent(internalName: "i", publicName: "P", status: .partialOutage, statuspageId: "x")],
            facts: [Fact(id: "F1", text: "F", at: t, source: .support)],
            hypotheses: [Hypothesis(id: "H1", text: "O", state: .open), Hypothesis(id: "H2", text: "C", state: .confirmed),
                         Hypothesis(id: "H3", text: "R", state: .ruledOut)],
            steps: [Step(id: "S1", text: "N", owner: "O", state: .planned, at: t), Step(id: "S2", text: "D", owner: "O", state: .done, at: t)],
            workaround: "W", eta: ETA(at: t, confidence: .confirmed), rootCause: RootCause(summary: "R", whys: ["Y"]), fix: "X",
            followUps: [FollowUp(text: "F", owner: "O", due: "2026-12-01")],
            corrections: [Correction(said: "S", correct: "C", at: t)], links: [Link(title: "L", url: "https://x")],
            asks: ["A"], whatWentWell: ["W"], reopened: Reopening(at: t, reason: "R", resolvedAt: t, impactReturnedAt: t)
        )
        return [(IncidentKind.incident, IncidentStatus.monitoring), (.incident, .resolved), (.maintenance, .scheduled)].map { kind, status in
            var state = base
            state.kind = kind
            state.status = status
            return state
        }
    }
}
