import ChorusSupport

/// The JSON body of a Statuspage incident create or update (`POST /v1/pages/{page_id}/incidents`,
/// `PATCH …/incidents/{incident_id}`): `{"incident": {…}}`.
public enum StatuspageExport {
    /// Statuspage's impact for a severity: sev1 critical, sev2 major, sev3 minor, sev4 none;
    /// maintenance is `maintenance`.
    public static func impact(for state: IncidentState) -> String {
        if state.kind == .maintenance { return "maintenance" }
        switch state.severity {
        case .sev1: return "critical"
        case .sev2: return "major"
        case .sev3: return "minor"
        case .sev4: return "none"
        }
    }

    /// The body for `state`, with `body` as the update text. Components without a
    /// `statuspageId` cannot be addressed and are listed in `unmapped`.
    public static func body(for state: IncidentState, body: String, deliverNotifications: Bool)
        -> (json: JSONOutput, unmapped: [String]) {
        var mapped: [(id: String, status: ComponentStatus)] = []
        var unmapped: [String] = []
        for component in state.components {
            let id = component.statuspageId.map(PlainText.clean) ?? ""
            if id.isEmpty { unmapped.append(PlainText.clean(component.publicName)) } else { mapped.append((id, component.status)) }
        }
        var incident: [(String, JSONOutput)] = [
            ("name", .string(PlainText.clean(state.title))),
            ("status", .string(state.status.rawValue)),
            ("body", .string(body)),
            ("impact_override", .string(impact(for: state))),
            ("component_ids", .array(mapped.map { .string($0.id) })),
            ("components", .object(mapped.map { ($0.id, .string($0.status.rawValue)) })),
            ("deliver_notifications", .bool(deliverNotifications)),
        ]
        if state.kind == .maintenance, let window = state.window {
            incident.append(("scheduled_for", .string(ISO8601.format(window.start))))
            incident.append(("scheduled_until", .string(ISO8601.format(window.end))))
        }
        if state.kind == .retrospective {
            incident.append(("backfilled", .bool(true)))
            incident.append(("backfill_date", .string(ISO8601.format(state.startedAt))))
        }
        return (.object([("incident", .object(incident))]), unmapped)
    }
}
