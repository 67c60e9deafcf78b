import ChorusCore
import ChorusLint
import Foundation

/// The audiences, phrasebook and vocabulary an approval is checked with, and the configured ones
/// (the workspace's, else the installed defaults; the workspace's vocabulary, else none) it must
/// match: an approval cannot be made easier by pointing `--audiences`, `--phrasebook`,
/// `--vocabulary`, `CHORUS_AUDIENCES`, `CHORUS_PHRASEBOOK` or `CHORUS_VOCABULARY` at a copy whose
/// policy is all off, whose allow list hides a finding, whose template says less, or whose
/// vocabulary declares the jargon and internal names of the draft the organization's own words.
struct ApprovalResources {
    let audiences: ResourceLocator.Located
    let phrasebook: ResourceLocator.Located
    /// The vocabulary used, and the option or environment variable that chose it (nil: configured).
    let vocabulary: (files: [URL], chosenBy: String?)
    /// The renderer for the folders used.
    let renderer: DraftRenderer
    /// The renderer for the configured folders, when they are not the ones used; nil when they
    /// are, or when none can be found (`missingConfiguration` says why).
    let configured: (renderer: DraftRenderer, audiences: URL, phrasebook: URL, vocabulary: [URL])?
    let missingConfiguration: String?

    init(_ context: CommandContext) throws {
        audiences = try ResourceLocator.lookup(.audiences, option: context.arguments.value("audiences"), in: context)
        phrasebook = try ResourceLocator.lookup(.phrasebook, option: context.arguments.value("phrasebook"), in: context)
        vocabulary = try ResourceLocator.chosenVocabulary(in: context)
        renderer = try RenderCommand.loadRenderer(audiences: audiences.folder, phrasebook: phrasebook.folder, vocabulary: vocabulary.files, context: context)
        let configuredAudiences: URL, configuredPhrasebook: URL
        let configuredVocabulary = try ResourceLocator.configuredVocabulary(in: context)
        do {
            configuredAudiences = try ResourceLocator.configured(.audiences, in: context).folder
            configuredPhrasebook = try ResourceLocator.configured(.phrasebook, in: context).folder
        } catch let failure as CommandFailure {
            configured = nil
            missingConfiguration = failure.message // so the folders used came from an option or the environment
            return
        }
        missingConfiguration = nil
        if audiences.folder.standardizedFileURL.path == configuredAudiences.standardizedFileURL.path,
           phrasebook.folder.standardizedFileURL.path == configuredPhrasebook.standardizedFileURL.path,
           vocabulary.files.map(\.standardizedFileURL.path) == configuredVocabulary.map(\.standardizedFileURL.path) {
            configured = nil
        } else {
            configured = (try RenderCommand.loadRenderer(audiences: configuredAudiences, phrasebook: configuredPhrasebook,
                                                         vocabulary: configuredVocabulary, context: context),
                          configuredAudiences, configuredPhrasebook, configuredVocabulary)
        }
    }

    /// What `draft` was checked with, and its error findings under the configured rules: the
    /// approved words are linted again with the configured audience's policy and phrasebook when
    /// other ones were used, and `unconfigured` says where those came from and what differed.
    func check(_ draft: RenderedDraft, of state: IncidentState) -> (check: ApprovalCheck, errors: [Finding]) {
        var check = ApprovalCheck.fingerprint(of: draft.audience, audiences: audiences.folder, phrasebook: phrasebook.folder, vocabulary: vocabulary.files)
        let errors = draft.findings.filter { $0.severity == .error }
        if let missingConfiguration {
            check.unconfigured = ["checked with \(describe(audiences, "audiences")) and \(describe(phrasebook, "phrasebook"))\(vocabulary.chosenBy.map { " and " + $0 } ?? ""), and no configured ones were found to check against: \(missingConfiguration)"]
            return (check, errors)
        }
        guard let configured else { return (check, errors) }
        guard let reference = configured.renderer.catalog.audience(named: draft.audience.name) else {
            check.unconfigured = ["checked with \(describe(audiences, "audiences")), and the configured audiences (\(configured.audiences.path)) have no \(draft.audience.name) audience"]
            return (check, errors)
        }
        let expected = ApprovalCheck.fingerprint(of: reference, audiences: configured.audiences, phrasebook: configured.phrasebook,
                                                 vocabulary: configured.vocabulary)
        let differences = check.differences(from: expected)
        guard !differences.isEmpty else { return (check, errors) } // an identical copy checks the same
        var used: [String] = []
        if differences.contains("policy") || differences.contains("templates") { used.append(describe(audiences, "audiences")) }
        if differences.contains("phrasebook") { used.append(describe(phrasebook, "phrasebook")) }
        if differences.contains("vocabulary") { used.append(vocabulary.chosenBy ?? "the vocabulary \(vocabulary.files.map(\.path).joined(separator: ", "))") }
        let named = differences.map { $0 == "phrasebook" || $0 == "vocabulary" ? $0 : "\(draft.audience.name) \($0)" }
        let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "")
        let verb = named.count == 1 && !list.hasSuffix("templates") ? "differs from the configured one" : "differ from the configured ones"
        let configuredVocabulary = configured.vocabulary.isEmpty ? "no vocabulary" : configured.vocabulary.map(\.path).joined(separator: ", ")
        check.unconfigured = ["checked with \(used.joined(separator: " and ")), whose \(list) \(verb) (\(configured.audiences.path), \(configured.phrasebook.path), \(configuredVocabulary))"]
        let configuredErrors = configured.renderer.lint(draft.lintedText, as: reference, of: state).filter { $0.severity == .error }
        return (check, configuredErrors)
    }

    private func describe(_ located: ResourceLocator.Located, _ kind: String) -> String {
        switch located.origin {
        case .option: return "--\(kind) \(located.folder.path)"
        case .environment: return "CHORUS_\(kind.uppercased())=\(located.folder.path)"
        case .workspace, .installed: return "the \(kind) at \(located.folder.path)"
        }
    }
}
