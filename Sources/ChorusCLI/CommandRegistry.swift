/// Every `chorus` subcommand, in the order `chorus --help` lists them.
/// A new command is a new file in `Commands/` and one line here.
enum CommandRegistry {
    static let commands: [CommandSpec] = [
        ValidateCommand.spec,
        SchemaCommand.spec,
        RenderCommand.spec,
        LintCommand.spec,
        AudiencesCommand.spec,
        MustacheCommand.spec,
        OpenCommand.spec,
        UpdateCommand.spec,
        RecordCommands.fact,
        RecordCommands.hypothesis,
        RecordCommands.ruleOut,
        RecordCommands.confirm,
        RecordCommands.retract,
        RecordCommands.step,
        RecordCommands.followUp,
        RecordCommands.component,
        RecordCommands.note,
        ShowCommands.show,
        ShowCommands.list,
        HistoryCommands.log,
        HistoryCommands.diff,
        VerifyCommand.spec,
        ApprovalCommands.approve,
        ApprovalCommands.pull,
        ApprovalCommands.publish,
        ApprovalCommands.due,
        ResolveCommand.spec,
    ]
}
