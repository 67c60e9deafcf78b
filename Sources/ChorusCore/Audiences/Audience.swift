import ChorusLint
import Foundation

/// One audience, as defined by `audiences/<name>/audience.json`: who it is for, where its
/// message goes, what it may be shown, and how strictly its drafts are linted.
public struct Audience: Sendable, Equatable {
    public var name: String
    public var description: String
    /// Who reads it: "customers reading the public status page".
    public var audience: String
    /// Where the message goes: "status page", "Slack #incidents", "support desk macro".
    public var channel: String
    public var defaultFormat: OutputFormat
    /// The formats this audience may be rendered in (the default is always one).
    public var formats: [OutputFormat]
    public var lengthLimit: Int?
    /// Incident kinds this audience gets a message for.
    public var kinds: [IncidentKind]
    /// Statuses this audience gets a message for; empty means every status.
    public var statuses: [IncidentStatus]
    public var shows: Set<ViewField>
    public var policy: LintPolicy
    /// The audience's folder (its templates live here).
    public var directory: URL
    /// Whether a draft may be rendered, marked as a draft, for an incident of its kinds at any
    /// status (`appliesTo.draftsBefore`): the review is written while the incident runs, and
    /// approved only once it applies.
    public var draftsBefore = false

    /// Whether this audience gets a message for `state` (the review only once resolved, say).
    public func applies(to state: IncidentState) -> Bool {
        kinds.contains(state.kind) && (statuses.isEmpty || statuses.contains(state.status))
    }

    /// Whether a draft of `state` may be rendered for this audience: it applies, or it takes
    /// drafts before it does.
    public func drafts(_ state: IncidentState) -> Bool {
        applies(to: state) || (draftsBefore && kinds.contains(state.kind))
    }

    public func shows(_ field: ViewField) -> Bool { shows.contains(field) }
}
