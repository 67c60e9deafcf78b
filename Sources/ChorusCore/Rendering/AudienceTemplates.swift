import ChorusTemplate
import Foundation

/// An audience's templates, parsed and checked once when the audience is loaded: every
/// `*.mustache` in its folder, and every partial they name (from the folder itself, then the
/// shared `audiences/partials`). A missing partial or a syntax error is a loading error with
/// file, line and column, never an empty section at render time. So is a tag that would write
/// state text unescaped (`{{{x}}}`, `{{& x}}`) or let it choose a partial (`{{>*x}}`).
///
/// Which template renders a state: `<kind>.<status>`, else `<kind>`, else `template`
/// (e.g. `incident.resolved`, `maintenance`, `template`).
public struct AudienceTemplates: Sendable {
    public let audience: Audience
    let library: TemplateLibrary
    /// The top-level template names found in the folder.
    public let names: [String]

    public static func load(for audience: Audience, sharedPartials: URL?) throws(AudienceLoadError) -> AudienceTemplates {
        let folder = audience.directory
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        let names = files.map { String($0.dropLast(".mustache".count)) }
        var roots = [folder]
        if let sharedPartials { roots.append(sharedPartials) }
        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: roots), missingPartials: .fail)
        var problems: [AudienceProblem] = []
        for name in names {
            do {
                try library.load(name)
            } catch {
                problems.append(AudienceProblem(file: templateFile(error.templateName, in: folder), position: error.position, path: nil, message: error.message))
            }
        }
        // Every value must pass through the escaping of the output format: a tag that writes state
        // text unescaped, or lets state text pick a partial, is refused when the audience loads.
        for template in library.templates.values.sorted(by: { $0.name < $1.name }) {
            for tag in template.unsafeTags {
                let message: String
                switch tag.kind {
                case .unescapedVariable:
                    message = "'\(tag.name)' is written unescaped ({{{ }}} or {{& }}); audience templates must use {{\(tag.name)}} so every output format can escape state text"
                case .dynamicPartial:
                    message = "the dynamic partial {{>*\(tag.name)}} lets state text choose a template; name the partial instead"
                }
                problems.append(AudienceProblem(file: templateFile(tag.templateName, in: folder), position: tag.position, path: nil, message: message))
            }
        }
        if names.isEmpty {
            problems.append(AudienceProblem(file: folder.path, message: "no templates: add template.mustache (or <kind>.mustache, <kind>.<status>.mustache)"))
        }
        guard problems.isEmpty else { throw AudienceLoadError(problems: problems) }
        return AudienceTemplates(audience: audience, library: library, names: names)
    }

    private static func templateFile(_ name: String, in folder: URL) -> String {
        name.hasSuffix(".mustache") ? name : folder.appendingPathComponent(name + ".mustache").path
    }

    /// The template for `state`, or nil when the folder has none that fits.
    public func templateName(for state: IncidentState) -> String? {
        let candidates = ["\(state.kind.rawValue).\(state.status.rawValue)", state.kind.rawValue, "template"]
        return candidates.first { names.contains($0) }
    }

    /// Renders `view` (from `AudienceViewTable`) with every value wrapped in the renderer's markers.
    func render(_ name: String, view: TemplateValue) throws -> String {
        try library.render(name, view, escaping: Self.marking)
    }

    /// Every value cleaned to one line and wrapped in the markers `DraftDocument` splits at.
    private static let marking = TemplateEscaping.custom(name: "chorus-marked") { (text: String, output: inout String) in
        output.unicodeScalars.append(PlainText.valueStart)
        output += PlainText.clean(text)
        output.unicodeScalars.append(PlainText.valueEnd)
    }
}
