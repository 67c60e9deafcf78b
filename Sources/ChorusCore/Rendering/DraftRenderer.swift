import ChorusLint
import ChorusSupport
import ChorusTemplate
import Foundation

/// Why a draft could not be rendered.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One audience's draft of one state: the text in the chosen format, the plain text that was
/// linted, and the findings.
public struct RenderedDraft: Sendable {
    public var audience: Audience
    public var format: OutputFormat
    public var incidentID: String
    public var revision: Int?
    /// The draft in `format`.
    public var output: String
    /// The plain text the linter read (hidden suppression comments included).
    public var lintedText: String
    /// The template's output with value markers: every format can be written from it.
    public var source: String
    public var findings: [Finding]
    /// Notes about the export (components with no Statuspage id, say).
    public var notes: [String]
    /// The state field each finding's words came from, as a JSON path (`$.impact.summary`).
    public var fields: [Finding: String] = [:]

    /// The state field `finding`'s words came from, if they came from one.
    public func field(of finding: Finding) -> String? { fields[finding] }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
}

/// Renders and lints drafts for every audience: the main job.
public struct DraftRenderer: Sendable {
    public let catalog: AudienceCatalog
    public let templates: [String: AudienceTemplates]
    public let linter: Linter
    /// The public status page's address (the workspace's `statusPage`), which texts point to.
    public var statusPage: String?

    public init(catalog: AudienceCatalog, templates: [String: AudienceTemplates], linter: Linter, statusPage: String? = nil) {
        self.catalog = catalog
        self.templates = templates
        self.linter = linter
        self.statusPage = statusPage
    }

    /// Loads the audiences (definitions and templates) and the phrasebook with the organization's
    /// vocabulary files, reporting every problem found in any of them; the compiled phrasebook
    /// comes from `phrasebookCache` when it holds the same files.
    public static func load(audiences: URL, phrasebook: URL, vocabulary: [URL] = [], phrasebookCache: PhrasebookCache? = nil) throws -> DraftRenderer {
        let catalog = try AudienceCatalog.load(from: audiences)
        var templates: [String: AudienceTemplates] = [:]
        var problems: [AudienceProblem] = []
        let shared = audiences.appendingPathComponent(AudienceCatalog.sharedPartialsFolder)
        let sharedExists = FileManager.default.fileExists(atPath: shared.path)
        for audience in catalog.audiences {
            do {
                templates[audience.name] = try AudienceTemplates.load(for: audience, sharedPartials: sharedExists ? shared : nil)
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw AudienceLoadError(problems: problems) }
        let book = try Phrasebook.load(from: phrasebook, vocabulary: vocabulary, cache: phrasebookCache)
        return DraftRenderer(catalog: catalog, templates: templates, linter: Linter(phrasebook: book))
    }

    /// The audiences that get a message for `state`, in catalog order.
    public func applicableAudiences(for state: IncidentState) -> [Audience] {
        catalog.audiences.filter { $0.applies(to: state) }
    }

    /// Renders `audienceName`'s draft of `state` in `format` (the audience's default when nil)
    /// and lints it under the audience's policy.
    public func render(
        _ state: IncidentState, audience audienceName: String, format requested: OutputFormat? = nil,
        clock: RenderClock, context: DraftContext? = nil, deliverNotifications: Bool? = nil
    ) throws -> RenderedDraft {
        let audience = try catalog.require(audienceName)
        guard audience.drafts(state) else {
            var when = audience.kinds.map(\.rawValue).joined(separator: ", ")
            if !audience.statuses.isEmpty { when += " when " + audience.statuses.map(\.rawValue).joined(separator: " or ") }
            throw RenderError("the \(audience.name) audience does not apply to \(Wording.article(state.status.rawValue + " " + state.kind.rawValue)); it applies to: \(when)")
        }
        let format = requested ?? audience.defaultFormat
        guard audience.formats.contains(format) else {
            throw RenderError("the \(audience.name) audience cannot be rendered as \(format.rawValue); its formats: \(audience.formats.map(\.rawValue).joined(separator: ", "))")
        }
        guard let set = templates[audience.name], let name = set.templateName(for: state) else {
            throw RenderError("the \(audience.name) audience has no template for \(Wording.article(state.kind.rawValue)) (\(state.status.rawValue)); add \(audience.directory.path)/\(state.kind.rawValue).mustache or template.mustache")
        }
        let view = AudienceViewTable.value(of: state, for: audience, clock: clock, context: context, statusPage: statusPage)
        let marked: String
        do {
            marked = try set.render(name, view: view)
        } catch let error as TemplateError {
            throw RenderError(error.description)
        }
        let document = DraftDocument.parse(marked)
        let lintSource = DraftWriter.lintSource(document)
        var findings = lint(Self.unquoted(DraftWriter.lintInput(document)), as: audience, of: state)
        // Without comment lines the plain text is the linted text, word for word.
        let hasComments = document.blocks.contains { if case .comment = $0 { return true }; return false }
        findings += NextUpdateCheck.findings(state: state, view: view, lintedText: lintSource, clock: clock,
                                             journaled: context != nil)
        if audience.formats.contains(.statuspage) {
            findings += StatuspageChecks.findings(state: state, document: document, lintedText: lintSource, checkBody: format == .statuspage)
        }
        var fields = FindingOrigins.fields(of: findings, in: lintSource, state: state)
        // A promised time that has passed is fixed in the state's next update time.
        for finding in findings where finding.rule == NextUpdateCheck.rule { fields[finding] = "$.nextUpdateAt" }
        let (output, notes) = Self.write(document, as: format, text: hasComments ? nil : lintSource, state: state, audience: audience.name,
                                         revision: context?.revision, findings: findings, fields: fields, deliverNotifications: deliverNotifications)
        return RenderedDraft(audience: audience, format: format, incidentID: state.id, revision: context?.revision,
                             output: output, lintedText: lintSource, source: marked, findings: findings, notes: notes, fields: fields)
    }

    /// Lints a draft's plain text under `audience`'s policy (with this renderer's phrasebook), as
    /// `render` does: no cadence is owed once the incident is closed, and internal component
    /// names are findings for audiences that may not see them.
    public func lint(_ text: String, as audience: Audience, of state: IncidentState) -> [Finding] {
        var policy = audience.policy
        if !state.status.isOpen { policy.severities[.cadence] = .off } // no next update is owed
        let components = state.components.map { ComponentName(internalName: $0.internalName, publicName: $0.publicName) }
        // The incident's own id, the severity's name ("SEV1 (highest)") and the components'
        // public names are the reader's words, not jargon — unless a public name is just the
        // internal name again ("payments-db"), which readers do not know either.
        let publicNames = state.components.filter { $0.publicName.lowercased() != $0.internalName.lowercased() }.map(\.publicName)
        let vocabulary = [state.id, state.severity.rawValue.uppercased()] + publicNames
        return linter.lint(text, policy: policy, componentNames: audience.shows(.componentInternalNames) ? [] : components,
                           vocabulary: vocabulary)
    }

    /// The linted text with its quotation lines read as plain lines: the linter skips quoted
    /// text (someone else's words), but a draft's quotes are words Chorus tells people to repeat
    /// (the sales brief's approved wording), so they are checked like the rest. `> ` becomes `- `
    /// and a bare `>` a space, so every finding keeps its offsets, line and column.
    static func unquoted(_ text: String) -> String {
        guard text.hasPrefix(">") || text.contains("\n>") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            if line == ">" { return " " }
            if line.hasPrefix("> ") { return "- " + line.dropFirst(2) }
            return line
        }.joined(separator: "\n")
    }

    /// SHA-256 of the state's canonical JSON.
    public static func stateHash(_ state: IncidentState) -> String {
        SHA256.hex((try? StateCoding.encode(state)) ?? "")
    }

    /// Writes a rendered document in `format`. Also used by `chorus pull` to give an approved
    /// draft in another format, word for word.
    public static func write(
        _ document: DraftDocument, as format: OutputFormat, state: IncidentState, audience: String, revision: Int?,
        findings: [Finding], deliverNotifications: Bool? = nil
    ) -> (output: String, notes: [String]) {
        write(document, as: format, text: nil, state: state, audience: audience, revision: revision,
              findings: findings, fields: [:], deliverNotifications: deliverNotifications)
    }

    /// `write`, given `DraftWriter.text(document)` when it has been written already.
    static func write(
        _ document: DraftDocument, as format: OutputFormat, text knownText: String?, state: IncidentState, audience: String,
        revision: Int?, findings: [Finding], fields: [Finding: String], deliverNotifications: Bool?
    ) -> (output: String, notes: [String]) {
        func text() -> String { knownText ?? DraftWriter.text(document) }
        switch format {
        case .text: return (text(), [])
        case .markdown: return (DraftWriter.markdown(document), [])
        case .html: return (DraftWriter.html(document), [])
        case .slack: return (DraftWriter.slack(document, text: text()).rendered(), [])
        case .statuspage:
            let export = StatuspageExport.body(for: state, body: StatuspageChecks.body(document),
                                               options: StatuspageExport.Options(deliverNotifications: deliverNotifications))
            let notes = export.unmapped.isEmpty ? [] : [StatuspageChecks.unmappedNote(export.unmapped)]
            return (export.json.rendered(), notes)
        case .json:
            return (JSONOutput.object([
                ("audience", .string(audience)),
                ("incident", .string(state.id)),
                ("revision", revision.map { .int($0) } ?? .null),
                ("stateHash", .string(stateHash(state))),
                ("format", .string("text")),
                ("text", .string(text())),
                ("findings", .array(findings.map { $0.jsonOutput(field: fields[$0]) })),
            ]).rendered(), [])
        }
    }
}
