import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation

/// `chorus render STATE (--audience NAME | --all)`: the main job.
enum RenderCommand {
    static let spec = CommandSpec(
        name: "render",
        abstract: "Render the message for one audience, or every applicable audience, and lint each draft.",
        discussion: """
        Each draft is derived from the state with only the fields its audience may see, rendered
        from the audience's template, and linted under its policy. Findings go to standard error
        as AUDIENCE:LINE:COL: severity: [category/rule] message, with (from $.impact.summary) when
        the words came from a state field (in the json format they are part of the envelope, with
        their field). Exit status 1 when any draft has an error finding, so scripts can gate
        on it. --now makes relative times ("in 15 minutes") and the output repeatable. In a
        terminal every draft is printed as plain text unless --format is given; piped or
        redirected, each audience's own format (Markdown, Slack Block Kit, …).
        """,
        arguments: [ArgumentSpec("state", help: "The incident state file (JSON); - reads standard input.", arity: .optional)],
        options: [
            .value("incident", "id", help: "Render the current revision of a journaled incident instead of a file."),
            Workflow.storeOption,
            .value("audience", short: "a", "name", help: "The audience to render."),
            .flag("all", help: "Render every audience that applies to the state, each under a header."),
            .value("format", short: "f", "format", help: "Output format (default: the audience's own).", allowed: OutputFormat.allCases.map(\.rawValue)),
            Workflow.nowOption, Workflow.tzOption,
            .flag("notify", help: "statuspage format: set deliver_notifications to true (the default, except for a retrospective)."),
            .flag("no-notify", help: "statuspage format: set deliver_notifications to false."),
        ] + ResourceLocator.options
    ) { context in
        let a = context.arguments
        guard (a.value("audience") != nil) != a.flag("all") else {
            throw UsageError(a.flag("all") ? "Give either --audience NAME or --all, not both." : "Missing '--audience <name>' (or --all for every audience)")
        }
        let workflow = try Workflow(context)
        let state: IncidentState
        var draftContext: DraftContext?
        var snapshot: JournalSnapshot?
        switch (a.argument("state"), a.value("incident")) {
        case (nil, nil): throw UsageError("Missing expected argument '<state>' (or --incident ID for a journaled incident)")
        case (_?, _?): throw UsageError("Give either a state file or --incident ID, not both.")
        case (nil, let id?):
            let read = try workflow.snapshot(id, &context)
            state = try workflow.run { try read.requireState() }
            draftContext = DraftContext(snapshot: read, now: workflow.now, history: try workflow.history(id, through: read))
            snapshot = read
        case (let path?, nil):
            let input = try InputText.read(context.resolve(path), standardInput: context.readStandardInput)
            let name = path == "-" ? input.displayName : path
            do {
                state = try StateDocument.load(input.text).state
            } catch let error as StateDocument.LoadError {
                throw InvalidInput("\(name) is not a valid incident state", problems: Problem.problems(of: error, file: name))
            }
        }
        let renderer = try loadRenderer(context)
        let asked = a.value("format").flatMap(OutputFormat.init(rawValue:))
        // A person at a terminal reads text; a program reading the output gets the audience's format.
        let format = asked ?? (context.outputIsTerminal ? .text : nil)
        if a.flag("notify") && a.flag("no-notify") { throw UsageError("Give either --notify or --no-notify, not both.") }
        let notify: Bool? = a.flag("notify") ? true : a.flag("no-notify") ? false : nil
        if let audience = a.value("audience") {
            _ = try requireAudience(audience, in: renderer.catalog)
            if let format = asked, let definition = renderer.catalog.audience(named: audience), !definition.formats.contains(format) {
                throw UsageError("the \(audience) audience cannot be rendered as \(format.rawValue); its formats: \(definition.formats.map(\.rawValue).joined(separator: ", "))")
            }
            let chosen = format.flatMap { renderer.catalog.audience(named: audience)?.formats.contains($0) == true ? $0 : nil }
            let draft = try render(renderer, state, audience, chosen, workflow.clock, draftContext, notify)
            let print = try fingerprinted(draft, state: state, snapshot: snapshot, history: draftContext?.history, renderer: renderer, &context)
            context.print(print, terminator: print.hasSuffix("\n") ? "" : "\n")
            report(draft, &context)
            return draft.errorCount > 0 ? ExitStatus.failure : ExitStatus.success
        }
        let audiences = renderer.applicableAudiences(for: state)
        var errors = 0
        var envelopes: [String] = []
        for (index, audience) in audiences.enumerated() {
            let chosen = format.flatMap { audience.formats.contains($0) ? $0 : nil }
            if let format = asked, chosen == nil {
                context.printError("note: \(audience.name) has no \(format.rawValue) format; rendered as \(audience.defaultFormat.rawValue)")
            }
            let draft = try render(renderer, state, audience.name, chosen, workflow.clock, draftContext, notify)
            errors += draft.errorCount
            let print = try fingerprinted(draft, state: state, snapshot: snapshot, history: draftContext?.history, renderer: renderer, &context)
            if format == .json && draft.format == .json {
                // --all --format json prints one JSON array of envelopes, so the output stays JSON.
                envelopes.append(print)
                continue
            }
            if index > 0 { context.print("") }
            context.print("==== \(audience.name) (\(draft.format.rawValue), \(audience.channel)): \(summary(draft)) ====")
            context.print(print, terminator: print.hasSuffix("\n") ? "" : "\n")
            report(draft, &context)
        }
        if !envelopes.isEmpty {
            let indented = envelopes.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
            context.print("[\n" + indented.joined(separator: ",\n") + "\n]")
        }
        let skipped = renderer.catalog.audiences.filter { !$0.applies(to: state) }
        if !skipped.isEmpty {
            var note = "note: \(skipped.map(\.name).joined(separator: ", ")) \(skipped.count == 1 ? "does" : "do") not apply to this \(state.kind.rawValue) while it is \(state.status.rawValue)"
            let drafted = skipped.filter { $0.drafts(state) }.map { "--audience \($0.name)" }
            if !drafted.isEmpty { note += " (\(drafted.joined(separator: ", ")) gives \(drafted.count == 1 ? "its" : "their") draft)" }
            context.printError(note)
        }
        return errors > 0 ? ExitStatus.failure : ExitStatus.success
    }

    /// The draft as printed, with its fingerprint: a `fingerprint` member of the JSON envelope, or
    /// a line on standard error (so the printed draft stays exactly the draft).
    static func fingerprinted(_ draft: RenderedDraft, state: IncidentState, snapshot: JournalSnapshot?, history: IncidentHistory?,
                              renderer: DraftRenderer, _ context: inout CommandContext) throws -> String {
        let text: String
        do {
            if let snapshot {
                text = try DraftFingerprint.of(snapshot, audience: draft.audience.name, renderer: renderer, history: history).text
            } else {
                text = try DraftFingerprint.canonicalText(state, audience: draft.audience.name, renderer: renderer,
                                                          revision: nil, revisionAt: nil, customerApproval: nil)
            }
        } catch let error as RenderError {
            throw CommandFailure(error.message)
        }
        let fingerprint = DraftFingerprint.of(text)
        if draft.format == .json, case .object(var members)? = (try? JSONParser.parse(draft.output)).map(JSONOutput.init) {
            let at = members.firstIndex { $0.0 == "text" } ?? members.count
            members.insert(("fingerprint", .string(fingerprint)), at: at)
            return JSONOutput.object(members).rendered()
        }
        var line = "\(draft.audience.name): fingerprint \(fingerprint)"
        if let snapshot {
            if draft.audience.applies(to: state) {
                line += " (revision \(snapshot.revision); approve it with: chorus approve \(snapshot.incidentID) \(draft.audience.name) --fingerprint \(fingerprint))"
            } else {
                line += " (revision \(snapshot.revision); a draft: it can be approved once the incident is \(draft.audience.statuses.map(\.rawValue).joined(separator: " or ")))"
            }
        }
        context.printError(line)
        return draft.output
    }

    /// The audience named on the command line, or a usage error with "did you mean" (exit 64).
    static func requireAudience(_ name: String, in catalog: AudienceCatalog) throws -> Audience {
        if let audience = catalog.audience(named: name) { return audience }
        let names = catalog.audiences.map(\.name)
        var message = "Unknown audience '\(name)'"
        if let near = NameSuggestion.closest(to: name, among: names) { message += "\nDid you mean '\(near)'?" }
        message += "\nAudiences: \(names.joined(separator: ", "))"
        throw UsageError(message)
    }

    static func render(_ renderer: DraftRenderer, _ state: IncidentState, _ audience: String, _ format: OutputFormat?,
                       _ clock: RenderClock, _ context: DraftContext?, _ notify: Bool?) throws -> RenderedDraft {
        do {
            return try renderer.render(state, audience: audience, format: format, clock: clock, context: context, deliverNotifications: notify)
        } catch let error as RenderError {
            throw CommandFailure(error.message)
        } catch let error as AudienceLoadError {
            throw CommandFailure(error.description)
        }
    }

    static func summary(_ draft: RenderedDraft) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return count(draft.errorCount, "error") + ", " + count(draft.warningCount, "warning")
    }

    /// Findings on standard error, `AUDIENCE:LINE:COL: severity: [category/rule] message`.
    static func report(_ draft: RenderedDraft, _ context: inout CommandContext) {
        for note in draft.notes { context.printError("\(draft.audience.name): note: \(note)") }
        guard draft.format != .json else { return }
        for finding in draft.findings {
            var line = "\(draft.audience.name):\(finding.line):\(finding.column): \(finding.severity.rawValue): [\(finding.category.rawValue)/\(finding.rule)] \(finding.message)"
            if let field = draft.field(of: finding) { line += " (from \(field))" }
            if let suggestion = finding.suggestion { line += " (suggestion: \(suggestion))" }
            context.printError(line)
        }
    }

    /// The renderer for the audiences and phrasebook this invocation names.
    static func loadRenderer(_ context: CommandContext) throws -> DraftRenderer {
        let audiences = try ResourceLocator.locate(.audiences, option: context.arguments.value("audiences"), in: context)
        let phrasebook = try ResourceLocator.locate(.phrasebook, option: context.arguments.value("phrasebook"), in: context)
        return try loadRenderer(audiences: audiences, phrasebook: phrasebook, context: context)
    }

    /// The renderer for these audiences and phrasebook folders (the status page address from
    /// the workspace of `context`); `vocabulary` nil means the one this invocation names.
    static func loadRenderer(audiences: URL, phrasebook: URL, vocabulary: [URL]? = nil, context: CommandContext) throws -> DraftRenderer {
        do {
            var renderer = try DraftRenderer.load(audiences: audiences, phrasebook: phrasebook, vocabulary: try vocabulary ?? ResourceLocator.vocabulary(in: context),
                                                  phrasebookCache: PhrasebookCache.standard(environment: context.environment))
            renderer.statusPage = try context.workspace()?.config.statusPage?.value
            return renderer
        } catch let error as AudienceLoadError {
            throw CommandFailure("the audiences cannot be loaded:\n" + error.description)
        } catch let error as PhrasebookError {
            throw CommandFailure("the phrasebook cannot be loaded:\n" + error.description)
        }
    }
}
