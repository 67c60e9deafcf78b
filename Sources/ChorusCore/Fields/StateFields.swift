/// The incident state, field by field: the one table the schema, `chorus validate`, the
/// audience views and the command line's `set`, `add` and `remove` are derived from. A new
/// field is one entry here (and its member of `IncidentState`).
public enum StateFields {
    typealias F = FieldSpec

    static let managedID = F.Editing.managed("ids are given when the item is added, and other entries refer to them")

    public static let responder = RecordSpec("Responder", "a responder", key: "name", [
        F("name", .text, required: true, "Who is responding.", shown: .with([.responders])),
        F("doing", .text, required: true, "What they are doing right now.", shown: .with([.responders])),
    ])

    public static let roles = RecordSpec("Roles", "the roles", [
        F("incidentLead", .text, required: true, "The incident lead: owns the response and its decisions.", flag: "lead", shown: .with([.roles])),
        F("commsLead", .text, "Writes and publishes the updates.", flag: "comms", shown: .with([.roles])),
        F("responders", .list(.record(responder)), "Everyone responding and what each is doing.", shown: .with([.responders])),
        F("escalation", .text, "Where support and sales escalate: a channel, a rota or a person.", flag: "escalation", shown: .with([.escalation])),
    ])

    public static let impact = RecordSpec("CustomerImpact", "the customer impact", [
        F("summary", .text, required: true, "The impact in plain words a customer would understand.", flag: "impact", shown: .with([.impact])),
        F("canDo", .list(.text), "What users can still do.", shown: .with([.impact])),
        F("cannotDo", .list(.text), "What users cannot do.", shown: .with([.impact])),
        F("whoIsAffected", .text, required: true, "Who is affected, in words.", flag: "affected", shown: .with([.impact])),
        F("segments", .list(.text), "Affected customer segments, for sales.", shown: .with([.segments])),
        F("pastSummary", .text, "The impact in the past tense, for drafts once a fix is in place (monitoring, resolved): "
          + "\"Some customers could not upload files.\" Required once resolved.", flag: "past-impact", shown: .with([.impact])),
    ])

    public static let measure = RecordSpec("ImpactMeasure", "an impact measure", [
        F("metric", .text, required: true, "What is counted, in plain words: \"failed checkouts\".", shown: .with([.quantifiedImpact])),
        F("value", .number, required: true, "The number.", shown: .with([.quantifiedImpact])),
        F("unit", .text, "A unit written after the number (\"%\", \"USD\").", shown: .with([.quantifiedImpact])),
        F("asOf", .time(.past), "When the number was taken.", default: .now, shown: .with([.quantifiedImpact])),
    ])

    public static let component = RecordSpec("AffectedComponent", "a component", key: "internalName", [
        F("internalName", .text, required: true, "The name engineers use; never shown outside engineering.", shown: .with([.componentInternalNames])),
        F("publicName", .text, required: true, "The name customers know.", shown: .with([.components])),
        F("status", .choice(of: ComponentStatus.self), required: true, "The component's status, as on Statuspage.", shown: .with([.components])),
        F("statuspageId", .text, "The component's id on the status page.", shown: .nobody),
    ])

    public static let fact = RecordSpec("Fact", "a confirmed fact", key: "id", [
        F("id", .text, required: true, "A short id, unique among facts: F1, F2, …", editing: managedID, default: .nextID("F"), shown: .with([.facts])),
        F("text", .text, required: true, "What is known to be true.", shown: .with([.facts])),
        F("at", .time(.past), required: true, "When it was observed.", default: .now, shown: .with([.facts])),
        F("source", .choice(of: FactSource.self), required: true, "Who reported it.", shown: .with([.facts])),
    ])

    public static let hypothesis = RecordSpec("Hypothesis", "a hypothesis", key: "id", [
        F("id", .text, required: true, "A short id, unique among hypotheses: H1, H2, …", editing: managedID, default: .nextID("H"),
          shown: .with([.openHypotheses, .settledHypotheses])),
        F("text", .text, required: true, "The possible explanation.", shown: .with([.openHypotheses, .settledHypotheses])),
        F("state", .choice(of: HypothesisState.self), required: true, "open, ruled_out or confirmed. Open ones stay inside engineering.",
          default: .value(HypothesisState.open.rawValue), shown: .with([.openHypotheses, .settledHypotheses])),
    ])

    public static let step = RecordSpec("Step", "a step", key: "id", [
        F("id", .text, "A short id: S1, S2, …", editing: managedID, default: .nextID("S"), shown: .nobody),
        F("text", .text, required: true, "What is being done or was tried.", shown: .with([.nextSteps, .triedSteps])),
        F("owner", .text, required: true, "Who owns the step.", shown: .with([.nextSteps, .triedSteps])),
        F("state", .choice(of: StepState.self), "planned (default), in_progress, done or failed.", shown: .with([.nextSteps, .triedSteps])),
        F("at", .time(.past), "When it was taken or finished.", shown: .with([.nextSteps, .triedSteps])),
    ])

    public static let eta = RecordSpec("ETA", "the ETA", [
        F("at", .time(.future), "When the fix is expected.", flag: "eta", shown: .with([.anyETA, .confirmedETA])),
        F("confidence", .choice(of: ETAConfidence.self), required: true, "estimate or confirmed; a confirmed ETA needs a time.",
          flag: "eta-confidence", default: .value(ETAConfidence.estimate.rawValue), shown: .with([.anyETA, .confirmedETA])),
    ])

    public static let rootCause = RecordSpec("RootCause", "the root cause", [
        F("summary", .text, required: true, "The cause, blamelessly worded.", flag: "root-cause", shown: .with([.rootCause])),
        F("whys", .list(.text), "The five-whys chain, first why first.", shown: .with([.rootCause])),
    ])

    public static let followUp = RecordSpec("FollowUp", "a follow-up", [
        F("text", .text, required: true, "The work to do.", shown: .with([.followUps])),
        F("owner", .text, required: true, "Who owns it; every follow-up needs an owner.", shown: .with([.followUps])),
        F("due", .date, required: true, "Due date, YYYY-MM-DD.", shown: .with([.followUps])),
    ])

    public static let correction = RecordSpec("Correction", "a correction", [
        F("retracts", .text, "The id of the retracted fact, when it was one.", shown: .nobody),
        F("said", .text, required: true, "What was said before.", shown: .with([.corrections])),
        F("correct", .text, required: true, "What is true now.", shown: .with([.corrections])),
        F("at", .time(.past), required: true, "When the correction was made.", default: .now, shown: .with([.corrections])),
    ])

    public static let link = RecordSpec("Link", "a link", [
        F("title", .text, required: true, "What the link is.", shown: .with([.links])),
        F("url", .url, required: true, "The URL.", shown: .with([.links])),
    ])

    public static let window = RecordSpec("MaintenanceWindow", "the maintenance window", [
        F("start", .time(.future), required: true, "When the maintenance starts.", flag: "window-start", shown: .with([.window])),
        F("end", .time(.future), required: true, "When it is announced to end.", flag: "window-end", shown: .with([.window])),
    ])

    public static let reopening = RecordSpec("Reopening", "the reopening", [
        F("at", .time(.past), required: true, "When the incident was reopened.", shown: .with([.status])),
        F("reason", .text, required: true, "Why: what showed the problem had returned.", shown: .with([.status])),
        F("resolvedAt", .time(.past), required: true, "When it had been resolved.", shown: .with([.status])),
        F("impactReturnedAt", .time(.past), "When customers were affected again (the fix stopped holding), if before the reopening: between resolvedAt and at.",
          shown: .with([.status])),
    ])

    public static let state = RecordSpec("IncidentState", "the incident state", [
        F("id", .text, required: true, "The incident's id, e.g. INC-2041.",
          editing: .managed("the id names the incident's journal; open a new incident for another id"), shown: .everyone),
        F("title", .text, required: true, "A short public title.", flag: "title", shown: .with([.title])),
        F("kind", .choice(of: IncidentKind.self), "incident (default), maintenance or retrospective.",
          editing: .managed("the kind is chosen when the incident is opened (chorus open --kind)"), shown: .everyone),
        F("severity", .choice(of: IncidentSeverity.self), required: true, "sev1 (worst) to sev4.", flag: "severity", shown: .with([.severity])),
        F("status", .choice(of: IncidentStatus.self), required: true,
          "incident: investigating, identified, monitoring, resolved; maintenance: scheduled, in_progress, verifying, completed.",
          editing: .managed("change it with chorus update ID --status …, chorus resolve or chorus reopen"), flag: "status", shown: .with([.status])),
        F("startedAt", .time(.past), required: true, "When the problem started (or the maintenance begins).", flag: "started", shown: .with([.times])),
        F("detectedAt", .time(.past), "When it was detected.", flag: "detected", shown: .with([.times])),
        F("resolvedAt", .time(.past), "When it was resolved; required once resolved.", flag: "resolved", shown: .with([.times])),
        F("lastUpdatedAt", .time(.past), required: true, "When the state last changed.",
          editing: .managed("every change sets it to the time of the write"), shown: .with([.lastUpdatedAt])),
        F("nextUpdateAt", .promise, "When the next update is promised; required while open.", flag: "next-update", shown: .with([.nextUpdateAt])),
        F("window", .record(window), "For maintenance: the announced window.", shown: .with([.window])),
        F("monitoringSince", .time(.past), "When monitoring began: the fix was in place, so the customer impact ended.",
          editing: .managed("set when the status becomes monitoring (chorus update ID --status monitoring)"), shown: .with([.times])),
        F("monitoringPeriodMinutes", .integer(minimum: 1), "How long monitoring must hold before resolving.", flag: "monitoring-period", shown: .nobody),
        F("roles", .record(roles), required: true, "Incident lead and other roles.", shown: .with([.roles, .responders, .escalation])),
        F("impact", .record(impact), required: true, "The customer impact in plain words.", shown: .with([.impact, .segments])),
        F("quantifiedImpact", .list(.record(measure)), "The impact in numbers.", shown: .with([.quantifiedImpact])),
        F("businessImpact", .text, "What the incident costs the business.", flag: "business-impact", shown: .with([.businessImpact])),
        F("components", .list(.record(component)), "Affected components.", shown: .with([.components])),
        F("facts", .list(.record(fact)), "Confirmed facts, each with time and source.", shown: .with([.facts])),
        F("hypotheses", .list(.record(hypothesis)), "Possible explanations and where each stands.", shown: .with([.openHypotheses, .settledHypotheses])),
        F("steps", .list(.record(step)), "Next steps and what was tried, each with an owner.", shown: .with([.nextSteps, .triedSteps])),
        F("workaround", .text, "What customers can do meanwhile.", flag: "workaround", shown: .with([.workaround])),
        F("eta", .record(eta), "When the fix is expected, with its confidence.", shown: .with([.anyETA, .confirmedETA])),
        F("rootCause", .record(rootCause), "The root cause once known.", shown: .with([.rootCause])),
        F("fix", .text, "What fixed it, in plain words (customers read it once a fix is in place); required once resolved.", flag: "fix", shown: .with([.fix])),
        F("followUps", .list(.record(followUp)), "Work after the incident, each with owner and due date.", shown: .with([.followUps])),
        F("corrections", .list(.record(correction)), "Retracted statements and what is true instead.", shown: .with([.corrections])),
        F("links", .list(.record(link)), "Dashboards, channels, runbooks.", shown: .with([.links])),
        F("asks", .list(.text), "Decisions or help needed from leadership.", shown: .with([.asks])),
        F("whatWentWell", .list(.text), "For the review: what went well in the response.", shown: .with([.whatWentWell])),
        F("reopened", .record(reopening), "Set when a resolved incident is reopened: when, why, and when it had been resolved.",
          editing: .managed("chorus reopen sets it"), shown: .with([.status])),
    ])
}
