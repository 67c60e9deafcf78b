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
