import ChorusSupport
import ChorusTemplate
import Foundation

/// What a member of an audience's view is built from: the state, the audience (what it may be
/// shown), the clock, and the journal's context; with the wording every member shares — text
/// cleaned to one line, times worded once per instant.
struct ViewWords {
    let state: IncidentState
    let audience: Audience
    let clock: RenderClock
    let context: DraftContext?
    let statusPage: String?
    /// The same instant often appears twice (a fact and its timeline entry): worded once.
    private var times: [Date: TemplateValue] = [:]

    init(state: IncidentState, audience: Audience, clock: RenderClock, context: DraftContext?, statusPage: String?) {
        self.state = state
        self.audience = audience
        self.clock = clock
        self.context = context
        self.statusPage = statusPage
    }

    func shows(_ field: ViewField) -> Bool { audience.shows(field) }

    /// State text as one clean line.
    func text(_ value: String) -> TemplateValue { .string(PlainText.clean(value)) }

    /// Optional state text: absent when the state has none.
    func text(ifAny value: String?) -> TemplateValue? { value.map { text($0) } }

    /// A time as readers see it: `iso`, `display` ("09:40 UTC"), `relative` ("in 15 minutes"), `isPast`.
    mutating func time(_ date: Date) -> TemplateValue {
        if let known = times[date] { return known }
        let worded = Self.object(["iso": .string(ISO8601.format(date)), "display": .string(clock.absolute(date)),
                                  "relative": .string(clock.relative(date)), "isPast": .bool(date <= clock.now)])
        times[date] = worded
        return worded
    }

    /// An optional time: absent when the state has none.
    mutating func time(ifAny date: Date?) -> TemplateValue? {
        guard let date else { return nil }
        return time(date)
    }

    /// An object of the members that are present (nil and `.null` are left out, so a template
    /// sees an absent member, never a null one).
    static func object(_ members: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        var object: [String: TemplateValue] = [:]
        object.reserveCapacity(members.count)
        for (key, value) in members {
            guard let value else { continue }
            if case .null = value { continue }
            object[key] = value
        }
        return .object(object)
    }

    /// Minutes between two times, never negative.
    static func minutes(_ from: Date, _ to: Date) -> Int { max(0, Int((to.timeIntervalSince(from) / 60).rounded())) }
}
