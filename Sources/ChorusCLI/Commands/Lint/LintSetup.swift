import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// What `chorus lint` needs besides the text: the linter, the audience's policy, and the
/// internal component names to look for.
struct LintSetup {
    var linter: Linter
    var policy: LintPolicy
    var components: [ComponentName]

    static func load(audience name: String, statePath: String?, context: CommandContext) throws -> LintSetup {
        let audience = try policyAudience(named: name, context: context)
        let folder = try ResourceLocator.locate(.phrasebook, option: context.arguments.value("phrasebook"), in: context)
        let vocabulary = try ResourceLocator.vocabulary(in: context)
        let phrasebook: Phrasebook
        do {
            phrasebook = try Phrasebook.load(from: folder, vocabulary: vocabulary, cache: PhrasebookCache.standard(environment: context.environment))
        } catch {
            throw CommandFailure("the phrasebook cannot be loaded:\n" + error.description)
        }
        var components: [ComponentName] = []
        if let statePath, !audience.shows(.componentInternalNames) {
            components = try componentNames(statePath: statePath, context: context)
        }
        return LintSetup(linter: Linter(phrasebook: phrasebook), policy: audience.policy, components: components)
    }

    /// The audience whose policy applies: the one place the command looks audiences up.
    static func policyAudience(named name: String, context: CommandContext) throws -> Audience {
        let folder = try ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context)
        let catalog: AudienceCatalog
        do {
            catalog = try AudienceCatalog.load(from: folder)
        } catch {
            throw CommandFailure("the audiences cannot be loaded:\n" + error.description)
        }
        if let audience = catalog.audience(named: name) { return audience }
        let names = catalog.audiences.map(\.name)
        var message = "Unknown audience '\(name)'"
        if let near = NameSuggestion.closest(to: name, among: names) { message += "\nDid you mean '\(near)'?" }
        message += "\nAudiences: \(names.joined(separator: ", "))"
        throw UsageError(message)
    }

    /// The state's components as the linter takes them; the state's own problems are reported
    /// with their file:line:column.
    static func componentNames(statePath: String, context: CommandContext) throws -> [ComponentName] {
        let input = try InputText.read(context.resolve(statePath), standardInput: context.readStandardInput)
        do {
            let state = try StateDocument.load(input.text).state
            return state.components.map { ComponentName(internalName: $0.internalName, publicName: $0.publicName) }
        } catch {
            let file = statePath == "-" ? input.displayName : statePath
            throw InvalidInput("--state \(file) is not a valid state:", problems: Problem.problems(of: error, file: file))
        }
    }
}
