import ChorusCore
import ChorusLint

/// `chorus audiences`: lists the audiences with their description, channel and policy.
enum AudiencesCommand {
    static let spec = CommandSpec(
        name: "audiences",
        abstract: "List the audiences with their description, channel and lint policy.",
        discussion: """
        Audiences are folders under audiences/, each with an audience.json; a new audience is a new
        folder, not new code. Loading checks every definition and reports problems as FILE:LINE:COL.
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
        }
        return ExitStatus.success
    }
}
