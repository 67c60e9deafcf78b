enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check incident state files.",
        arguments: [ArgumentSpec("file", help: "State files (JSON); - reads standard input.", arity: .oneOrMore)]
    ) { _ in ExitStatus.success }
}
