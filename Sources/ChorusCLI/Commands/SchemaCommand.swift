import ChorusCore
import ChorusSupport

/// `chorus schema`: prints the JSON Schema of the incident state, generated from the model.
enum SchemaCommand {
    static let spec = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the incident state.",
        discussion: """
        The schema is generated from the same description `chorus validate` checks against, so the
        two never disagree. The repository keeps a copy in examples/schema/incident-state.schema.json
        for editors; point a state's "$schema" key at it for completion and inline checks.
        """
    ) { context in
        context.print(IncidentStateSchema.document(), terminator: "")
        return ExitStatus.success
    }
}
