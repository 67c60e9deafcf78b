import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// `chorus audiences`: lists the audiences with their description, channel and policy.
enum AudiencesCommand {
    static let spec = CommandSpec(
        name: "audiences",
        abstract: "List the audiences with their description, channel and lint policy.",
        discussion: """
        Audiences are folders under audiences/, each with an audience.json; a new audience is a new
        folder, not new code. Loading checks every definition and every template (syntax, partials,
        and every name against the fields the audience may see) and reports each problem as
        FILE:LINE:COL; exit 1 when there is any.
        """,
        options: [ResourceLocator.audiencesOption]
    ) { context in
        let folder = try ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context)
        let catalog: AudienceCatalog
        do {
            catalog = try AudienceCatalog.load(from: folder)
        } catch let error as AudienceLoadError {
            for problem in error.problems { context.printError(problem.description) }
            return ExitStatus.failure
        }
        let shared = catalog.directory.appendingPathComponent(AudienceCatalog.sharedPartialsFolder)
        let sharedExists = FileManager.default.fileExists(atPath: shared.path)
        var problems: [AudienceProblem] = []
        for audience in catalog.audiences {
            do {
                _ = try AudienceTemplates.load(for: audience, sharedPartials: sharedExists ? shared : nil)
            } catch let error as AudienceLoadError {
                problems += error.problems
            }
        }
        for audience in catalog.audiences {
            context.print("\(audience.name)")
            context.print("  \(audience.description)")
            context.print("  for:      \(audience.audience)")
            context.print("  channel:  \(audience.channel) (format: \(audience.defaultFormat.rawValue); also \(audience.formats.filter { $0 != audience.defaultFormat }.map(\.rawValue).joined(separator: ", ")))")
            var applies = audience.kinds.map(\.rawValue).joined(separator: ", ")
            if !audience.statuses.isEmpty { applies += " when " + audience.statuses.map(\.rawValue).joined(separator: " or ") }
            context.print("  applies:  \(applies)")
            if let limit = audience.lengthLimit { context.print("  limit:    \(limit) characters") }
            let policy = FindingCategory.allCases.map { "\($0.rawValue) \(audience.policy.severity(of: $0).rawValue)" }
            context.print("  policy:   \(policy.joined(separator: ", "))")
            if !audience.policy.allow.isEmpty { context.print("  allows:   \(audience.policy.allow.joined(separator: ", "))") }
            let own = problems.filter { $0.file.hasPrefix(audience.directory.path) }
            context.print("  templates: " + (own.isEmpty ? "ok" : Wording.count(own.count, "problem") + " (below)"))
        }
        for problem in problems { context.printError(problem.description) }
        return problems.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
}
