import ChorusCore

extension CommandContext {
    /// The workspace that applies to this invocation (`CHORUS_WORKSPACE`, else the nearest
    /// `chorus.json` from the working directory up), or nil when there is none. A workspace whose
    /// `chorus.json` is broken stops the command with every problem at its `file:line:col`.
    func workspace() throws -> Workspace? {
        do {
            return try Workspace.discover(currentDirectory: currentDirectory, environment: environment)
        } catch {
            throw CommandFailure("the workspace cannot be used:\n" + error.description)
        }
    }
}
