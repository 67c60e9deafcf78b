/// The shape of an incident state file, derived from the field table (`StateFields`). The
/// published JSON Schema is generated from it (`chorus schema`), and `chorus validate` checks
/// files against it, so the two cannot disagree.
public enum IncidentStateSchema {
    /// The state's object schema; `$schema` is accepted (a string naming the schema file).
    public static let state: ObjectSchema = {
        var schema = StateFields.state.objectSchema
        schema.ignoredKeys = ["$schema"]
        return schema
    }()

    /// The published schema's `$id`.
    public static let schemaID = "https://chorus.invalid/schema/incident-state.schema.json"

    /// The JSON Schema document for incident states.
    public static func document() -> String {
        JSONSchemaGenerator.document(for: state, id: schemaID, title: "Chorus incident state")
    }
}
