/// The shape of an incident state file, field by field. The published JSON Schema is generated
/// from this (`chorus schema`), and `chorus validate` checks files against it.
public enum IncidentStateSchema {
    static func values<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> SchemaType where E.RawValue == String {
        .enumeration(E.allCases.map(\.rawValue))
    }

    static let time = SchemaType.string(.dateTime)
    static let text = SchemaType.string(.nonEmpty)

    public static let responder = ObjectSchema(name: "Responder", description: "a responder", properties: [
        .required("name", text, "Who is responding."),
        .required("doing", text, "What they are doing right now."),
    ])

    public static let roles = ObjectSchema(name: "Roles", description: "the roles", properties: [
        .required("incidentLead", text, "The incident lead: owns the response and its decisions."),
        .optional("commsLead", text, "Writes and publishes the updates."),
        .optional("responders", .array(.object(responder)), "Everyone responding and what each is doing."),
        .optional("escalation", text, "Where support and sales escalate: a channel, a rota or a person."),
    ])

    public static let impact = ObjectSchema(name: "CustomerImpact", description: "the customer impact", properties: [
        .required("summary", text, "The impact in plain words a customer would understand."),
        .optional("canDo", .array(text), "What users can still do."),
        .optional("cannotDo", .array(text), "What users cannot do."),
        .required("whoIsAffected", text, "Who is affected, in words."),
        .optional("segments", .array(text), "Affected customer segments, for sales."),
    ])

    public static let measure = ObjectSchema(name: "ImpactMeasure", description: "an impact measure", properties: [
        .required("metric", text, "What is counted, in plain words: \"failed checkouts\"."),
        .required("value", .number, "The number."),
        .optional("unit", text, "A unit written after the number (\"%\", \"USD\")."),
        .optional("asOf", time, "When the number was taken."),
    ])

    public static let component = ObjectSchema(name: "AffectedComponent", description: "a component", properties: [
        .required("internalName", text, "The name engineers use; never shown outside engineering."),
        .required("publicName", text, "The name customers know."),
        .required("status", values(ComponentStatus.self), "The component's status, as on Statuspage."),
        .optional("statuspageId", text, "The component's id on the status page."),
    ])

    public static let fact = ObjectSchema(name: "Fact", description: "a confirmed fact", properties: [
        .required("id", text, "A short id, unique among facts: F1, F2, …"),
        .required("text", text, "What is known to be true."),
        .required("at", time, "When it was observed."),
        .required("source", values(FactSource.self), "Who reported it."),
    ])

    public static let hypothesis = ObjectSchema(name: "Hypothesis", description: "a hypothesis", properties: [
        .required("id", text, "A short id, unique among hypotheses: H1, H2, …"),
        .required("text", text, "The possible explanation."),
        .required("state", values(HypothesisState.self), "open, ruled_out or confirmed. Open ones stay inside engineering."),
    ])

    public static let step = ObjectSchema(name: "Step", description: "a step", properties: [
        .optional("id", text, "A short id: S1, S2, …"),
        .required("text", text, "What is being done or was tried."),
        .required("owner", text, "Who owns the step."),
        .optional("state", values(StepState.self), "planned (default), in_progress, done or failed."),
        .optional("at", time, "When it was taken or finished."),
    ])

    public static let eta = ObjectSchema(name: "ETA", description: "the ETA", properties: [
        .optional("at", time, "When the fix is expected."),
        .required("confidence", values(ETAConfidence.self), "estimate or confirmed; a confirmed ETA needs a time."),
    ])

    public static let rootCause = ObjectSchema(name: "RootCause", description: "the root cause", properties: [
        .required("summary", text, "The cause, blamelessly worded."),
        .optional("whys", .array(text), "The five-whys chain, first why first."),
    ])

    public static let followUp = ObjectSchema(name: "FollowUp", description: "a follow-up", properties: [
        .required("text", text, "The work to do."),
        .required("owner", .string(.plain), "Who owns it; every follow-up needs an owner."),
        .required("due", .string(.date), "Due date, YYYY-MM-DD."),
    ])

    public static let correction = ObjectSchema(name: "Correction", description: "a correction", properties: [
        .optional("retracts", text, "The id of the retracted fact, when it was one."),
        .required("said", text, "What was said before."),
        .required("correct", text, "What is true now."),
        .required("at", time, "When the correction was made."),
    ])

    public static let link = ObjectSchema(name: "Link", description: "a link", properties: [
        .required("title", text, "What the link is."),
        .required("url", .string(.url), "The URL."),
    ])

    public static let window = ObjectSchema(name: "MaintenanceWindow", description: "the maintenance window", properties: [
        .required("start", time, "When the maintenance starts."),
        .required("end", time, "When it is announced to end."),
    ])

    public static let state = ObjectSchema(
        name: "IncidentState",
        description: "the incident state",
        properties: [
            .required("id", text, "The incident's id, e.g. INC-2041."),
            .required("title", text, "A short public title."),
            .optional("kind", values(IncidentKind.self), "incident (default), maintenance or retrospective."),
            .required("severity", values(IncidentSeverity.self), "sev1 (worst) to sev4."),
            .required("status", values(IncidentStatus.self),
                      "incident: investigating, identified, monitoring, resolved; maintenance: scheduled, in_progress, verifying, completed."),
            .required("startedAt", time, "When the problem started (or the maintenance begins)."),
            .optional("detectedAt", time, "When it was detected."),
            .optional("resolvedAt", time, "When it was resolved; required once resolved."),
            .required("lastUpdatedAt", time, "When the state last changed."),
            .optional("nextUpdateAt", time, "When the next update is promised; required while open."),
            .optional("window", .object(window), "For maintenance: the announced window."),
            .optional("monitoringSince", time, "When monitoring began."),
            .optional("monitoringPeriodMinutes", .integer(minimum: 1), "How long monitoring must hold before resolving."),
            .required("roles", .object(roles), "Incident lead and other roles."),
            .required("impact", .object(impact), "The customer impact in plain words."),
            .optional("quantifiedImpact", .array(.object(measure)), "The impact in numbers."),
            .optional("businessImpact", text, "What the incident costs the business."),
            .optional("components", .array(.object(component)), "Affected components."),
            .optional("facts", .array(.object(fact)), "Confirmed facts, each with time and source."),
            .optional("hypotheses", .array(.object(hypothesis)), "Possible explanations and where each stands."),
            .optional("steps", .array(.object(step)), "Next steps and what was tried, each with an owner."),
            .optional("workaround", text, "What customers can do meanwhile."),
            .optional("eta", .object(eta), "When the fix is expected, with its confidence."),
            .optional("rootCause", .object(rootCause), "The root cause once known."),
            .optional("fix", text, "What fixed it; required once resolved."),
            .optional("followUps", .array(.object(followUp)), "Work after the incident, each with owner and due date."),
            .optional("corrections", .array(.object(correction)), "Retracted statements and what is true instead."),
            .optional("links", .array(.object(link)), "Dashboards, channels, runbooks."),
            .optional("asks", .array(text), "Decisions or help needed from leadership."),
            .optional("whatWentWell", .array(text), "For the review: what went well in the response."),
        ],
        ignoredKeys: ["$schema"]
    )
}

extension IncidentStateSchema {
    /// The published schema's `$id`.
    public static let schemaID = "https://chorus.invalid/schema/incident-state.schema.json"

    /// The JSON Schema document for incident states.
    public static func document() -> String {
        JSONSchemaGenerator.document(for: state, id: schemaID, title: "Chorus incident state")
    }
}
