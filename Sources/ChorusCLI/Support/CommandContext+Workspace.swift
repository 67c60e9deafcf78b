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

    /// What to tell the person about `chorus.json` files passed over on the way up (another
    /// user's, or in a folder others may write), one note each; none when `CHORUS_WORKSPACE` is set.
    func untrustedWorkspaceNotes() -> [String] {
        let lookup = try? Workspace.lookup(currentDirectory: currentDirectory, environment: environment)
        return (lookup?.ignored ?? []).map { "note: " + $0.description }
    }
}
