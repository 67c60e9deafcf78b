/// Every `chorus` subcommand, in the order `chorus --help` lists them.
/// A new command is a new file in `Commands/` and one line here.
enum CommandRegistry {
    static let commands: [CommandSpec] = [
        ValidateCommand.spec,
        SchemaCommand.spec,
        AudiencesCommand.spec,
    ]
}
