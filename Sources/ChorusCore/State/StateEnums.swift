/// What sort of event the state describes.
public enum IncidentKind: String, Sendable, Codable, CaseIterable {
    /// Something broke and is being handled now.
    case incident
    /// Planned work announced ahead of time.
    case maintenance
    /// An incident written up after the fact (backfilled): already resolved when recorded.
    case retrospective
}

/// How bad it is. `sev1` is the worst.
public enum IncidentSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case sev1, sev2, sev3, sev4

    public static func < (lhs: IncidentSeverity, rhs: IncidentSeverity) -> Bool { lhs.rank < rhs.rank }

    var rank: Int {
        switch self {
        case .sev1: return 1
        case .sev2: return 2
        case .sev3: return 3
        case .sev4: return 4
        }
    }
}

/// Where the incident or maintenance stands. Incidents use the first four; maintenance the last four.
public enum IncidentStatus: String, Sendable, Codable, CaseIterable {
    case investigating, identified, monitoring, resolved
    case scheduled
    case inProgress = "in_progress"
    case verifying, completed

    /// The statuses valid for `kind`.
    public static func allowed(for kind: IncidentKind) -> [IncidentStatus] {
        switch kind {
        case .incident: return [.investigating, .identified, .monitoring, .resolved]
        case .maintenance: return [.scheduled, .inProgress, .verifying, .completed]
        case .retrospective: return [.resolved]
        }
    }

    /// Still being worked on: an update is owed.
    public var isOpen: Bool { self != .resolved && self != .completed }
}

/// A component's state, with the values Statuspage uses.
public enum ComponentStatus: String, Sendable, Codable, CaseIterable {
    case operational
    case degradedPerformance = "degraded_performance"
    case partialOutage = "partial_outage"
    case majorOutage = "major_outage"
    case underMaintenance = "under_maintenance"
}

/// Who reported a confirmed fact.
public enum FactSource: String, Sendable, Codable, CaseIterable {
    case support, engineering, product, monitoring
}

/// Where a hypothesis stands. Open ones are never shown outside engineering.
public enum HypothesisState: String, Sendable, Codable, CaseIterable {
    case open
    case ruledOut = "ruled_out"
    case confirmed
}

/// Where a step of the response stands: planned and in-progress steps are the next steps;
/// done and failed ones are what was tried.
public enum StepState: String, Sendable, Codable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case done
    case failed
}

/// How sure an ETA is. Only a confirmed ETA may reach leadership, and none reaches customers.
public enum ETAConfidence: String, Sendable, Codable, CaseIterable {
    case estimate, confirmed
}
