import ChorusSupport

/// The JSON body of a Statuspage incident create or update (`POST /v1/pages/{page_id}/incidents`,
/// `PATCH …/incidents/{incident_id}`): `{"incident": {…}}`, as Statuspage's API accepts it.
///
/// - Components: only those the incident affects (not operational) are sent, so a component
///   the state lists for context ("Website: Operational") is never attached to the incident.
///   A component sent before (`Options.previouslyAffected`) is sent again with its status now,
///   so a recovered one returns to operational; without that history (a plain export), an
///   incident that is over sends every component it names, to restore them. A maintenance
///   sends every component it names (the window concerns them all; Statuspage puts them under
///   maintenance when it starts). With no component to send, the keys are left out, so an
///   update never detaches the components an earlier one attached.
/// - Retrospectives are backfilled: `backfilled` with `backfill_date`, no components (the API
///   refuses components on a backfilled incident), and no notifications unless asked.
/// - Maintenance is created scheduled, with reminders and automatic transitions as configured.
public enum StatuspageExport {
    /// Statuspage's limit on an incident's `name`.
    public static let nameLimit = 255
    /// Statuspage's limit on `body` (the incident update's text).
    public static let bodyLimit = 25_000

    /// How a maintenance moves on by itself, and what Statuspage tells subscribers about it.
    public struct Maintenance: Sendable, Equatable {
        /// `scheduled_remind_prior`: remind subscribers before the window (an hour before).
        public var remindPrior = true
        /// `scheduled_auto_in_progress`: in progress when the window starts.
        public var autoInProgress = true
        /// `scheduled_auto_completed`: completed when the window ends.
        public var autoCompleted = true
        /// `auto_transition_to_maintenance_state`: components under maintenance during the window.
        public var componentsUnderMaintenance = true
        /// `auto_transition_to_operational_state`: components operational when it completes.
        public var componentsOperationalAfter = true

        public init() {}
    }

    /// What the body depends on besides the state and the text.
    public struct Options: Sendable, Equatable {
        /// `deliver_notifications`; nil for the default: true, except for a retrospective.
        public var deliverNotifications: Bool?
        /// Statuspage component ids sent in earlier updates of the same incident; nil when that
        /// history is unknown (a plain export).
        public var previouslyAffected: [String]?
        public var maintenance = Maintenance()

        public init(deliverNotifications: Bool? = nil, previouslyAffected: [String]? = nil, maintenance: Maintenance = Maintenance()) {
            self.deliverNotifications = deliverNotifications
            self.previouslyAffected = previouslyAffected
            self.maintenance = maintenance
        }
    }

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

    /// The incident's `name`: the title as one line.
    public static func name(for state: IncidentState) -> String {
        PlainText.clean(state.title)
    }

    /// The component ids and statuses the body sends (see the type's notes), and the public
    /// names of affected components that have no `statuspageId` (they cannot be addressed).
    public static func components(for state: IncidentState, previouslyAffected: [String]? = nil)
        -> (sent: [(id: String, status: ComponentStatus)], unmapped: [String]) {
        guard state.kind != .retrospective else { return ([], []) }
        var sent: [(id: String, status: ComponentStatus)] = []
        var unmapped: [String] = []
        let earlier = Set(previouslyAffected ?? [])
        let sendAll = state.kind == .maintenance || (previouslyAffected == nil && !state.status.isOpen)
        for component in state.components {
            let id = component.statuspageId.map(PlainText.clean) ?? ""
            let affected = sendAll || component.status != .operational
            if id.isEmpty {
                if affected { unmapped.append(PlainText.clean(component.publicName)) }
            } else if affected || earlier.contains(id), !sent.contains(where: { $0.id == id }) {
                sent.append((id, component.status))
            }
        }
        return (sent, unmapped)
    }

    /// The body for `state`, with `body` as the update text.
    public static func body(for state: IncidentState, body: String, options: Options = Options())
        -> (json: JSONOutput, unmapped: [String]) {
        let (sent, unmapped) = components(for: state, previouslyAffected: options.previouslyAffected)
        let notify = options.deliverNotifications ?? (state.kind != .retrospective)
        var incident: [(String, JSONOutput)] = [
            ("name", .string(name(for: state))),
            ("status", .string(state.status.rawValue)),
            ("body", .string(body)),
            ("impact_override", .string(impact(for: state))),
        ]
        if !sent.isEmpty {
            incident.append(("component_ids", .array(sent.map { .string($0.id) })))
            incident.append(("components", .object(sent.map { ($0.id, .string($0.status.rawValue)) })))
        }
        incident.append(("deliver_notifications", .bool(notify)))
        if state.kind == .maintenance, let window = state.window {
            let maintenance = options.maintenance
            incident.append(("scheduled_for", .string(ISO8601.format(window.start))))
            incident.append(("scheduled_until", .string(ISO8601.format(window.end))))
            incident.append(("scheduled_remind_prior", .bool(maintenance.remindPrior)))
            incident.append(("scheduled_auto_in_progress", .bool(maintenance.autoInProgress)))
            incident.append(("scheduled_auto_completed", .bool(maintenance.autoCompleted)))
            incident.append(("auto_transition_to_maintenance_state", .bool(maintenance.componentsUnderMaintenance)))
            incident.append(("auto_transition_to_operational_state", .bool(maintenance.componentsOperationalAfter)))
            incident.append(("auto_transition_deliver_notifications_at_start", .bool(notify)))
            incident.append(("auto_transition_deliver_notifications_at_end", .bool(notify)))
        }
        if state.kind == .retrospective {
            incident.append(("backfilled", .bool(true)))
            incident.append(("backfill_date", .string(ISO8601.format(state.startedAt))))
        }
        return (.object([("incident", .object(incident))]), unmapped)
    }

    /// `body(for:body:options:)` with only the notification choice.
    public static func body(for state: IncidentState, body: String, deliverNotifications: Bool?)
        -> (json: JSONOutput, unmapped: [String]) {
        self.body(for: state, body: body, options: Options(deliverNotifications: deliverNotifications))
    }
}
