/// What one audience's template sees: only the fields its definition allows, already worded for
/// readers (plain-language labels, formatted quantities, times in the chosen zone). Fields the
/// audience may not see are nil or empty, so a template mistake cannot leak them.
public struct AudienceView: Sendable, Encodable, Equatable {
    public struct Audience: Sendable, Encodable, Equatable {
        public var name: String
        public var channel: String
    }

    public struct Kind: Sendable, Encodable, Equatable {
        public var value: String
        public var isIncident: Bool
        public var isMaintenance: Bool
        public var isRetrospective: Bool
    }

    public struct Status: Sendable, Encodable, Equatable {
        public var value: String
        /// "Investigating", "In progress".
        public var label: String
        public var isOpen: Bool
        /// Investigating or identified: the customer impact is going on, no fix is in place.
        public var isActive: Bool
        /// Monitoring or resolved: a fix is in place, the impact is in the past.
        public var isFixInPlace: Bool
        public var isInvestigating, isIdentified, isMonitoring, isResolved: Bool
        public var isScheduled, isInProgress, isVerifying, isCompleted: Bool
    }

    public struct Severity: Sendable, Encodable, Equatable {
        public var value: String
        /// "SEV1"
        public var label: String
        /// In words for readers outside engineering: "highest" (so "SEV1 (highest)").
        public var description: String
        /// sev1 or sev2.
        public var isMajor: Bool
    }

    public struct Time: Sendable, Encodable, Equatable {
        public var iso: String
        /// "09:40 UTC" today, "Tue 24 Nov 09:40 UTC" otherwise.
        public var display: String
        /// "in 15 minutes", "25 minutes ago".
        public var relative: String
        public var isPast: Bool
    }

    public struct Times: Sendable, Encodable, Equatable {
        public var started: Time
        public var detected: Time?
        public var resolved: Time?
        /// From start to resolution (or to now while open): "1 hour 48 minutes".
        public var duration: String
        /// When the customer impact ended: when the fix was in place (monitoring began), else
        /// when it was resolved. Absent while no fix is in place.
        public var impactEnded: Time?
        /// The span of the customer impact, for "between …": "13:40 and 15:00 UTC". Absent
        /// while no fix is in place.
        public var impactWindow: String?
        /// How long customers were affected: from start to `impactEnded` (or to now).
        public var impactDuration: String
        /// From detection (or start) to resolution, once resolved: the time to resolve.
        public var timeToResolve: String?
    }

    public struct Window: Sendable, Encodable, Equatable {
        public var start: Time
        public var end: Time
        public var duration: String
    }

    public struct Roles: Sendable, Encodable, Equatable {
        public var incidentLead: String
        public var commsLead: String?
    }

    public struct Responder: Sendable, Encodable, Equatable {
        public var name: String
        public var doing: String
    }

    public struct Impact: Sendable, Encodable, Equatable {
        public var summary: String
        public var canDo: [String]
        public var cannotDo: [String]
        public var whoIsAffected: String
        /// The impact in the past tense, once a fix is in place.
        public var pastSummary: String?
    }

    public struct Measure: Sendable, Encodable, Equatable {
        /// "412 failed card checkouts", "38% of card checkouts failing".
        public var text: String
        public var value: String
        public var asOf: Time?
    }

    public struct Component: Sendable, Encodable, Equatable {
        public var name: String
        /// "Partial outage", "Operational".
        public var status: String
        public var statusValue: String
        public var isAffected: Bool
        /// Only for audiences that may see internal names.
        public var internalName: String?
    }

    public struct Fact: Sendable, Encodable, Equatable {
        public var id: String
        public var text: String
        public var at: Time
        public var source: String
    }

    public struct Hypothesis: Sendable, Encodable, Equatable {
        public var id: String
        public var text: String
    }

    public struct Hypotheses: Sendable, Encodable, Equatable {
        public var open: [Hypothesis]
        public var confirmed: [Hypothesis]
        public var ruledOut: [Hypothesis]
    }

    public struct Step: Sendable, Encodable, Equatable {
        public var text: String
        public var owner: String
        /// "planned", "in progress", "done", "failed".
        public var state: String
        public var isFailed: Bool
        public var at: Time?
    }

    public struct ETA: Sendable, Encodable, Equatable {
        public var at: Time?
        public var isConfirmed: Bool
        /// "estimate" or "confirmed".
        public var confidence: String
    }

    public struct Why: Sendable, Encodable, Equatable {
        public var number: Int
        public var text: String
    }

    public struct RootCause: Sendable, Encodable, Equatable {
        public var summary: String
        public var whys: [Why]
    }

    public struct FollowUp: Sendable, Encodable, Equatable {
        public var text: String
        public var owner: String
        public var due: String
    }

    public struct Correction: Sendable, Encodable, Equatable {
        public var said: String
        public var correct: String
        public var at: Time
    }

    public struct Link: Sendable, Encodable, Equatable {
        public var title: String
        public var url: String
    }

    public struct TimelineEntry: Sendable, Encodable, Equatable {
        public var at: Time
        public var text: String
    }

    /// A resolved incident that came back: when it had been resolved and when it was reopened;
    /// why only for audiences that see facts.
    public struct Reopened: Sendable, Encodable, Equatable {
        public var at: Time
        public var resolvedAt: Time
        public var reason: String?
    }

    /// The journal revision the draft is of, when it comes from the journal.
    public struct Revision: Sendable, Encodable, Equatable {
        public var number: Int
        public var at: Time
    }

    /// Set only when the draft is being approved: who approves which revision, and when.
    public struct Approval: Sendable, Encodable, Equatable {
        public var revision: Int
        public var at: Time
        public var by: String
    }

    /// Another audience's approved text, line by line, for audiences that repeat it verbatim.
    public struct ApprovedWording: Sendable, Encodable, Equatable {
        public var lines: [String]
        public var revision: Int
        public var at: Time
        public var by: String
        /// False when the state changed since that approval.
        public var isCurrent: Bool
    }

    /// Which lists and optional parts are non-empty, for headings: `{{#has.facts}}## Facts{{/has.facts}}`.
    public struct Has: Sendable, Encodable, Equatable {
        public var canDo = false, cannotDo = false, segments = false, quantifiedImpact = false
        public var components = false, affectedComponents = false, facts = false, openHypotheses = false
        public var settledHypotheses = false, nextSteps = false, triedSteps = false, timeline = false
        public var followUps = false, corrections = false, links = false, asks = false, whatWentWell = false
        public var responders = false, whys = false, workaround = false, eta = false, nextUpdate = false
    }

    public var audience: Audience
    public var has = Has()
    /// The public status page's address (the workspace's `statusPage`), for texts that point to it.
    public var statusPage: String?
    public var id: String
    public var kind: Kind
    public var generatedAt: Time
    public var revision: Revision?
    public var approval: Approval?
    /// The customer audience's approved wording (audiences showing `approvals.customer`).
    public var approvedCustomerWording: ApprovedWording?

    public var title: String?
    public var status: Status?
    public var reopened: Reopened?
    public var severity: Severity?
    public var times: Times?
    public var lastUpdated: Time?
    public var nextUpdate: Time?
    public var window: Window?
    public var roles: Roles?
    public var responders: [Responder]
    public var escalation: String?
    public var impact: Impact?
    public var segments: [String]
    public var quantifiedImpact: [Measure]
    public var businessImpact: String?
    public var components: [Component]
    /// Components not operational.
    public var affectedComponents: [Component]
    public var facts: [Fact]
    public var hypotheses: Hypotheses?
    public var nextSteps: [Step]
    public var triedSteps: [Step]
    /// Facts and finished steps in time order, for the review.
    public var timeline: [TimelineEntry]
    public var workaround: String?
    public var eta: ETA?
    public var rootCause: RootCause?
    public var fix: String?
    public var followUps: [FollowUp]
    public var corrections: [Correction]
    public var links: [Link]
    public var asks: [String]
    public var whatWentWell: [String]
}
