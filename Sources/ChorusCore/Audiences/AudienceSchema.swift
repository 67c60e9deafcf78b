import ChorusLint

/// The shape of `audiences/<name>/audience.json`.
public enum AudienceSchema {
    static let severities = SchemaType.enumeration(ChorusLint.Severity.allCases.map(\.rawValue))

    public static let policy = ObjectSchema(
        name: "LintPolicy",
        description: "the lint policy",
        properties: FindingCategory.allCases.map { category in
            let help = "Severity of \(category.rawValue) findings: error, warning or off."
            return FindingCategory.required.contains(category)
                ? .required(category.rawValue, severities, help)
                : PropertySchema(name: category.rawValue, type: severities, required: false, nullable: false, description: help)
        }
    )

    /// Severities of single rules, which take precedence over their category's.
    public static let rules = ObjectSchema(
        name: "RuleSeverities",
        description: "the rule severities",
        properties: Linter.rules.map { rule in
            PropertySchema(name: rule.id, type: severities, required: false, nullable: false,
                           description: "Severity of \(rule.id) findings, instead of their category's.")
        }
    )

    public static let appliesTo = ObjectSchema(name: "AppliesTo", description: "appliesTo", properties: [
        .required("kinds", .array(.enumeration(IncidentKind.allCases.map(\.rawValue))), "Incident kinds this audience gets a message for."),
        PropertySchema(name: "statuses", type: .array(.enumeration(IncidentStatus.allCases.map(\.rawValue))), required: false,
                       nullable: false, description: "Statuses it gets a message for; all when absent."),
        PropertySchema(name: "draftsBefore", type: .boolean, required: false, nullable: false,
                       description: "Whether a draft (marked as one) may be rendered at the other statuses too; it is approved only at these."),
    ])

    public static let definition = ObjectSchema(
        name: "Audience",
        description: "the audience definition",
        properties: [
            .required("name", .string(.nonEmpty), "The audience's name; the same as its folder."),
            .required("description", .string(.nonEmpty), "What the message is."),
            .required("audience", .string(.nonEmpty), "Who reads it."),
            .required("channel", .string(.nonEmpty), "Where it goes."),
            .required("format", .enumeration(OutputFormat.allCases.map(\.rawValue)), "The default output format."),
            PropertySchema(name: "formats", type: .array(.enumeration(OutputFormat.allCases.map(\.rawValue))), required: false,
                           nullable: false, description: "Formats it may be rendered in; all but statuspage when absent."),
            .optional("lengthLimit", .integer(minimum: 1), "Longest draft in characters; longer drafts get a length finding."),
            .required("appliesTo", .object(appliesTo), "Which incidents get a message for this audience."),
            .required("shows", .array(.enumeration(ViewField.allCases.map(\.rawValue))), "The state fields this audience may be shown."),
            .required("policy", .object(policy), "Severity per finding category."),
            PropertySchema(name: "rules", type: .object(rules), required: false, nullable: false,
                           description: "Severity per rule, where it differs from its category's (\"third-party-blame\": \"warning\")."),
            PropertySchema(name: "allow", type: .array(.string(.nonEmpty)), required: false, nullable: false,
                           description: "Terms never reported for this audience."),
        ],
        ignoredKeys: ["$schema", "$comment"]
    )
}
