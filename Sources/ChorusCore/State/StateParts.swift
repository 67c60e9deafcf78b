import Foundation

/// The announced window of a maintenance.
public struct MaintenanceWindow: Sendable, Codable, Equatable {
    public var start: Date
    public var end: Date
    public init(start: Date, end: Date) { self.start = start; self.end = end }
}

/// Who runs the response.
public struct Roles: Sendable, Codable, Equatable {
    /// The incident lead: owns the response and the decisions.
    public var incidentLead: String
    /// Writes and publishes the updates.
    public var commsLead: String?
    public var responders: [Responder]
    /// Where support and sales escalate (a channel, a rota, a person).
    public var escalation: String?

    public init(incidentLead: String, commsLead: String? = nil, responders: [Responder] = [], escalation: String? = nil) {
        self.incidentLead = incidentLead; self.commsLead = commsLead; self.responders = responders; self.escalation = escalation
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case incidentLead, commsLead, responders, escalation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        incidentLead = try c.decode(String.self, forKey: .incidentLead)
        commsLead = try c.decodeIfPresent(String.self, forKey: .commsLead)
        responders = try c.decodeIfPresent([Responder].self, forKey: .responders) ?? []
        escalation = try c.decodeIfPresent(String.self, forKey: .escalation)
    }
}

/// A responder and what they are doing.
public struct Responder: Sendable, Codable, Equatable {
    public var name: String
    public var doing: String
    public init(name: String, doing: String) { self.name = name; self.doing = doing }
}

/// The customer impact in plain words.
public struct CustomerImpact: Sendable, Codable, Equatable {
    /// One or two sentences a customer would understand.
    public var summary: String
    /// What users can still do.
    public var canDo: [String]
    /// What users cannot do.
    public var cannotDo: [String]
    /// Who is affected, in words ("customers paying by card on the web").
    public var whoIsAffected: String
    /// Affected customer segments, for sales ("EU merchants", "Enterprise plan").
    public var segments: [String]
    /// The impact in the past tense, for drafts once a fix is in place (monitoring, resolved):
    /// "Some customers could not upload files." Required once resolved.
    public var pastSummary: String?

    public init(summary: String, canDo: [String] = [], cannotDo: [String] = [], whoIsAffected: String, segments: [String] = [],
                pastSummary: String? = nil) {
        self.summary = summary; self.canDo = canDo; self.cannotDo = cannotDo; self.whoIsAffected = whoIsAffected; self.segments = segments
        self.pastSummary = pastSummary
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case summary, canDo, cannotDo, whoIsAffected, segments, pastSummary }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        summary = try c.decode(String.self, forKey: .summary)
        canDo = try c.decodeIfPresent([String].self, forKey: .canDo) ?? []
        cannotDo = try c.decodeIfPresent([String].self, forKey: .cannotDo) ?? []
        whoIsAffected = try c.decode(String.self, forKey: .whoIsAffected)
        segments = try c.decodeIfPresent([String].self, forKey: .segments) ?? []
        pastSummary = try c.decodeIfPresent(String.self, forKey: .pastSummary)
    }
}

/// One number that measures the impact: "412 failed checkouts", "3.5% of logins".
public struct ImpactMeasure: Sendable, Codable, Equatable {
    /// What is counted, in plain words: "failed checkouts".
    public var metric: String
    public var value: Double
    /// A unit written after the number ("%", "USD", "accounts"); nil when `metric` says it.
    public var unit: String?
    /// When the number was taken.
    public var asOf: Date?

    public init(metric: String, value: Double, unit: String? = nil, asOf: Date? = nil) {
        self.metric = metric; self.value = value; self.unit = unit; self.asOf = asOf
    }
}

/// A component of the product that is affected.
public struct AffectedComponent: Sendable, Codable, Equatable {
    /// The name engineers use (`payments-callback`); never shown outside engineering.
    public var internalName: String
    /// The name customers know ("Checkout").
    public var publicName: String
    public var status: ComponentStatus
    /// The component's id on the status page, for Statuspage exports.
    public var statuspageId: String?

    public init(internalName: String, publicName: String, status: ComponentStatus, statuspageId: String? = nil) {
        self.internalName = internalName; self.publicName = publicName; self.status = status; self.statuspageId = statuspageId
    }
}

/// Something known to be true, with when it was observed and who reported it.
public struct Fact: Sendable, Codable, Equatable {
    public var id: String
    public var text: String
    public var at: Date
    public var source: FactSource
    public init(id: String, text: String, at: Date, source: FactSource) {
        self.id = id; self.text = text; self.at = at; self.source = source
    }
}

/// A possible explanation being checked. Open ones stay inside engineering.
public struct Hypothesis: Sendable, Codable, Equatable {
    public var id: String
    public var text: String
    public var state: HypothesisState
    public init(id: String, text: String, state: HypothesisState) { self.id = id; self.text = text; self.state = state }
}

/// A step of the response, with the person who owns it.
public struct Step: Sendable, Codable, Equatable {
    public var id: String?
    public var text: String
    public var owner: String
    public var state: StepState
    /// When the step was taken or finished.
    public var at: Date?
    public init(id: String? = nil, text: String, owner: String, state: StepState = .planned, at: Date? = nil) {
        self.id = id; self.text = text; self.owner = owner; self.state = state; self.at = at
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, text, owner, state, at }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        owner = try c.decode(String.self, forKey: .owner)
        state = try c.decodeIfPresent(StepState.self, forKey: .state) ?? .planned
        at = try c.decodeIfPresent(Date.self, forKey: .at)
    }
}

/// When the fix is expected, and how sure we are.
public struct ETA: Sendable, Codable, Equatable {
    public var at: Date?
    public var confidence: ETAConfidence
    public init(at: Date?, confidence: ETAConfidence) { self.at = at; self.confidence = confidence }
}

/// The cause, once known, with the five-whys chain when the team wrote one.
public struct RootCause: Sendable, Codable, Equatable {
    public var summary: String
    public var whys: [String]
    public init(summary: String, whys: [String] = []) { self.summary = summary; self.whys = whys }

    enum CodingKeys: String, CodingKey, CaseIterable { case summary, whys }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        summary = try c.decode(String.self, forKey: .summary)
        whys = try c.decodeIfPresent([String].self, forKey: .whys) ?? []
    }
}

/// Work to do after the incident, with an owner and a due date.
public struct FollowUp: Sendable, Codable, Equatable {
    public var text: String
    public var owner: String
    /// A calendar date, `YYYY-MM-DD`.
    public var due: String
    public init(text: String, owner: String, due: String) { self.text = text; self.owner = owner; self.due = due }
}

/// A statement that was retracted, and what is true instead.
public struct Correction: Sendable, Codable, Equatable {
    /// The id of the fact retracted, when it was one.
    public var retracts: String?
    /// What was said before.
    public var said: String
    /// What is true now.
    public var correct: String
    public var at: Date
    public init(retracts: String? = nil, said: String, correct: String, at: Date) {
        self.retracts = retracts; self.said = said; self.correct = correct; self.at = at
    }
}

/// A resolved incident that came back: when it was reopened, why, when it had been resolved, and
/// when customers were affected again if that was before the reopening.
public struct Reopening: Sendable, Codable, Equatable {
    public var at: Date
    /// Why it was reopened: "Errors returned at 15:40 after the fix was deployed".
    public var reason: String
    /// When it had been resolved.
    public var resolvedAt: Date
    /// When the customer impact returned (the fix stopped holding), between `resolvedAt` and
    /// `at`; nil when it is taken to be the reopening itself (and in journals written before
    /// this was recorded).
    public var impactReturnedAt: Date?
    public init(at: Date, reason: String, resolvedAt: Date, impactReturnedAt: Date? = nil) {
        self.at = at; self.reason = reason; self.resolvedAt = resolvedAt; self.impactReturnedAt = impactReturnedAt
    }

    /// When customers were affected again: the time the impact returned, else the reopening.
    public var impactStart: Date { impactReturnedAt ?? at }
}

/// A link for engineers: dashboard, channel, runbook, pull request.
public struct Link: Sendable, Codable, Equatable {
    public var title: String
    public var url: String
    public init(title: String, url: String) { self.title = title; self.url = url }
}
