/// The shape of a workspace's `chorus.json`.
///
/// Every path is relative to the folder that holds `chorus.json` (or absolute). `destinations`
/// is checked separately (`DestinationParser`): it maps audience names to lists
/// of destinations, a shape the schema language here does not describe.
public enum WorkspaceSchema {
    public static let board = ObjectSchema(name: "BoardSettings", description: "the board settings", properties: [
        .optional("out", .string(.nonEmpty), "The folder `chorus board` writes the site to; when set, every write regenerates it."),
        .optional("title", .string(.nonEmpty), "The site's title (default: \"Incidents\")."),
        .optional("recentDays", .integer(minimum: 0), "How many days resolved incidents stay on the index (default 14)."),
    ], ignoredKeys: ["$comment"])

    public static let config = ObjectSchema(
        name: "Workspace",
        description: "the workspace configuration",
        properties: [
            .optional("store", .string(.nonEmpty), "The store folder holding the incidents' journals (default \".chorus\")."),
            .optional("timeZone", .string(.nonEmpty), "IANA time zone for times typed and shown, such as Europe/Berlin (default UTC)."),
            .optional("statusPage", .string(.url), "The public status page's address, linked from the board."),
            .optional("vocabulary", .string(.nonEmpty), "The organization vocabulary (a file or folder) for lint: product and brand names that are never jargon."),
            .optional("audiences", .string(.nonEmpty), "A customized audiences folder (default: the installed defaults)."),
            .optional("phrasebook", .string(.nonEmpty), "A customized phrasebook folder (default: the installed defaults)."),
            .optional("board", .object(board), "Where and how `chorus board` writes the static site."),
        ],
        ignoredKeys: ["$schema", "$comment", "destinations"]
    )
}
