/// The parts of the incident state an audience may be shown. An audience's definition lists the
/// ones it may show; its view model holds only those, so a template can never leak the rest.
public enum ViewField: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case title, severity, status
    /// Started, detected and resolved times.
    case times
    case lastUpdatedAt, nextUpdateAt
    /// The maintenance window.
    case window
    /// Incident lead and comms lead.
    case roles
    /// Responders and what each is doing.
    case responders
    /// Where to escalate.
    case escalation
    /// Customer impact in plain words: summary, can / cannot do, who is affected.
    case impact
    /// Affected customer segments.
    case segments
    case quantifiedImpact, businessImpact
    /// Affected components by public name, with plain-language status.
    case components
    /// Internal component names: engineering only.
    case componentInternalNames = "components.internalName"
    case facts
    /// Hypotheses that were confirmed or ruled out.
    case settledHypotheses = "hypotheses.settled"
    /// Open hypotheses: engineering only.
    case openHypotheses = "hypotheses.open"
    /// Planned and in-progress steps, with owners.
    case nextSteps = "steps.next"
    /// Steps done and steps that failed.
    case triedSteps = "steps.tried"
    case workaround
    /// An ETA only when confirmed.
    case confirmedETA = "eta.confirmed"
    /// Any ETA, estimates included: engineering only.
    case anyETA = "eta.any"
    case rootCause, fix, followUps, corrections, links, asks, whatWentWell
    /// The customer wording as last approved (from the journal), for audiences that repeat it.
    case approvedCustomerWording = "approvals.customer"

    public static func < (lhs: ViewField, rhs: ViewField) -> Bool { lhs.rawValue < rhs.rawValue }
}
