import Foundation

/// The one canonical incident state. Every audience's message is derived from it; nothing is
/// typed twice. Stored as JSON with ISO 8601 times (with zone); see `schema/incident-state.schema.json`.
public struct IncidentState: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var kind: IncidentKind
    public var severity: IncidentSeverity
    public var status: IncidentStatus

    public var startedAt: Date
    public var detectedAt: Date?
    public var resolvedAt: Date?
    public var lastUpdatedAt: Date
    /// When the next update is promised; required while the incident is open.
    public var nextUpdateAt: Date?
    /// For maintenance: the announced window.
    public var window: MaintenanceWindow?
    /// When the incident entered `monitoring` (set by `chorus update`).
    public var monitoringSince: Date?
    /// How long monitoring must hold before the incident may be resolved, in minutes.
    public var monitoringPeriodMinutes: Int?

    public var roles: Roles
    public var impact: CustomerImpact
    public var quantifiedImpact: [ImpactMeasure]
    public var businessImpact: String?
    public var components: [AffectedComponent]
    public var facts: [Fact]
    public var hypotheses: [Hypothesis]
    public var steps: [Step]
    public var workaround: String?
    public var eta: ETA?
    public var rootCause: RootCause?
    public var fix: String?
    public var followUps: [FollowUp]
    public var corrections: [Correction]
    public var links: [Link]
    /// Decisions or help needed from leadership.
    public var asks: [String]
    /// For the review: what went well in the response.
    public var whatWentWell: [String]
    /// Set when a resolved incident is reopened (the problem returned).
    public var reopened: Reopening?

    public init(
        id: String, title: String, kind: IncidentKind = .incident, severity: IncidentSeverity, status: IncidentStatus,
        startedAt: Date, detectedAt: Date? = nil, resolvedAt: Date? = nil, lastUpdatedAt: Date,
        nextUpdateAt: Date? = nil, window: MaintenanceWindow? = nil, monitoringSince: Date? = nil,
        monitoringPeriodMinutes: Int? = nil, roles: Roles, impact: CustomerImpact,
        quantifiedImpact: [ImpactMeasure] = [], businessImpact: String? = nil,
        components: [AffectedComponent] = [], facts: [Fact] = [], hypotheses: [Hypothesis] = [],
        steps: [Step] = [], workaround: String? = nil, eta: ETA? = nil, rootCause: RootCause? = nil,
        fix: String? = nil, followUps: [FollowUp] = [], corrections: [Correction] = [], links: [Link] = [],
        asks: [String] = [], whatWentWell: [String] = [], reopened: Reopening? = nil
    ) {
        self.id = id; self.title = title; self.kind = kind; self.severity = severity; self.status = status
        self.startedAt = startedAt; self.detectedAt = detectedAt; self.resolvedAt = resolvedAt
        self.lastUpdatedAt = lastUpdatedAt; self.nextUpdateAt = nextUpdateAt; self.window = window
        self.monitoringSince = monitoringSince; self.monitoringPeriodMinutes = monitoringPeriodMinutes
        self.roles = roles; self.impact = impact; self.quantifiedImpact = quantifiedImpact
        self.businessImpact = businessImpact; self.components = components; self.facts = facts
        self.hypotheses = hypotheses; self.steps = steps; self.workaround = workaround; self.eta = eta
        self.rootCause = rootCause; self.fix = fix; self.followUps = followUps; self.corrections = corrections
        self.links = links; self.asks = asks; self.whatWentWell = whatWentWell; self.reopened = reopened
    }
}

extension IncidentState {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, kind, severity, status, startedAt, detectedAt, resolvedAt, lastUpdatedAt, nextUpdateAt
        case window, monitoringSince, monitoringPeriodMinutes, roles, impact, quantifiedImpact, businessImpact
        case components, facts, hypotheses, steps, workaround, eta, rootCause, fix, followUps, corrections
        case links, asks, whatWentWell, reopened
    }

    /// Lists may be left out of the JSON (they mean "none"); everything else follows the schema.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        kind = try c.decodeIfPresent(IncidentKind.self, forKey: .kind) ?? .incident
        severity = try c.decode(IncidentSeverity.self, forKey: .severity)
        status = try c.decode(IncidentStatus.self, forKey: .status)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        detectedAt = try c.decodeIfPresent(Date.self, forKey: .detectedAt)
        resolvedAt = try c.decodeIfPresent(Date.self, forKey: .resolvedAt)
        lastUpdatedAt = try c.decode(Date.self, forKey: .lastUpdatedAt)
        nextUpdateAt = try c.decodeIfPresent(Date.self, forKey: .nextUpdateAt)
        window = try c.decodeIfPresent(MaintenanceWindow.self, forKey: .window)
        monitoringSince = try c.decodeIfPresent(Date.self, forKey: .monitoringSince)
        monitoringPeriodMinutes = try c.decodeIfPresent(Int.self, forKey: .monitoringPeriodMinutes)
        roles = try c.decode(Roles.self, forKey: .roles)
        impact = try c.decode(CustomerImpact.self, forKey: .impact)
        quantifiedImpact = try c.decodeIfPresent([ImpactMeasure].self, forKey: .quantifiedImpact) ?? []
        businessImpact = try c.decodeIfPresent(String.self, forKey: .businessImpact)
        components = try c.decodeIfPresent([AffectedComponent].self, forKey: .components) ?? []
        facts = try c.decodeIfPresent([Fact].self, forKey: .facts) ?? []
        hypotheses = try c.decodeIfPresent([Hypothesis].self, forKey: .hypotheses) ?? []
        steps = try c.decodeIfPresent([Step].self, forKey: .steps) ?? []
        workaround = try c.decodeIfPresent(String.self, forKey: .workaround)
        eta = try c.decodeIfPresent(ETA.self, forKey: .eta)
        rootCause = try c.decodeIfPresent(RootCause.self, forKey: .rootCause)
        fix = try c.decodeIfPresent(String.self, forKey: .fix)
        followUps = try c.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        corrections = try c.decodeIfPresent([Correction].self, forKey: .corrections) ?? []
        links = try c.decodeIfPresent([Link].self, forKey: .links) ?? []
        asks = try c.decodeIfPresent([String].self, forKey: .asks) ?? []
        whatWentWell = try c.decodeIfPresent([String].self, forKey: .whatWentWell) ?? []
        reopened = try c.decodeIfPresent(Reopening.self, forKey: .reopened)
    }
}
