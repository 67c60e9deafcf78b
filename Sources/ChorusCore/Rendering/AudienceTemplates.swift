import ChorusSupport
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
        problems += checkFileNames(names, library: library, in: folder)
        if problems.isEmpty {
            problems += checkNames(library, names: names, audience: audience)
        }
        guard problems.isEmpty else { throw AudienceLoadError(problems: problems) }
        return AudienceTemplates(audience: audience, library: library, names: names)
    }

    /// The names a top-level template may have: `template`, `<kind>` and `<kind>.<status>` for
    /// each status the kind has (`incident.resolved`, `maintenance.in_progress`).
    public static let recognisedNames: [String] = ["template"] + IncidentKind.allCases.flatMap { kind in
        [kind.rawValue] + IncidentStatus.allowed(for: kind).map { "\(kind.rawValue).\($0.rawValue)" }
    }

    /// Every `*.mustache` in the folder must be a template Chorus picks (`recognisedNames`) or a
    /// partial one of them names: a misspelled name (`incident.investigatng`) would be ignored,
    /// and the team would get the default wording without knowing.
    static func checkFileNames(_ names: [String], library: TemplateLibrary, in folder: URL) -> [AudienceProblem] {
        let partials = Set(library.templates.values.flatMap(\.partialNames))
        let known = Set(recognisedNames)
        return names.filter { !known.contains($0) && !partials.contains($0) }.map { name in
            var message = "unknown template name '\(name)': Chorus renders only template, <kind> or <kind>.<status> "
                + "(such as incident.resolved or maintenance.in_progress) and the partials they name, so this file would be ignored"
            if let near = NameSuggestion.closest(to: name, among: recognisedNames + partials.sorted()) { message += "; did you mean '\(near)'?" }
            return AudienceProblem(file: templateFile(name, in: folder), message: message)
        }
    }

    /// Every name a template uses must be in the view the audience may see: a misspelled name
    /// would render as nothing, and a field the audience may not be shown never reaches it. Both
    /// are loading errors at the tag, with the nearest name or the `shows` entry that would allow
    /// it. A shared partial (`audiences/partials`) serves audiences that see different fields, so
    /// there only a misspelled name is an error; a field this audience does not see renders as
    /// nothing for it.
    static func checkNames(_ library: TemplateLibrary, names: [String], audience: Audience) -> [AudienceProblem] {
        let shape = ViewShape.shape(showing: audience.shows)
        let found = names.flatMap { library.unknownNames(in: $0, shape: shape) }
        guard !found.isEmpty else { return [] }
        let everything = ViewShape.shape(showing: ViewShape.everyField)
        func key(_ name: UnknownName) -> String { "\(name.templateName):\(name.position.offset)" }
        let unknownAnywhere = Set(names.flatMap { library.unknownNames(in: $0, shape: everything) }.map(key))
        var seen = Set<String>()
        var problems: [AudienceProblem] = []
        let own = audience.directory.standardizedFileURL.path + "/"
        for name in found where seen.insert(key(name)).inserted {
            let file = templateFile(name.templateName, in: audience.directory)
            let isShared = !URL(fileURLWithPath: file).standardizedFileURL.path.hasPrefix(own)
            if isShared && !unknownAnywhere.contains(key(name)) { continue }
            var message: String
            if unknownAnywhere.contains(key(name)) {
                message = "unknown name '\(name.name)': " + (name.foundPrefix.isEmpty ? "no field of the view is called '\(name.missingPart)' here"
                    : "'\(name.foundPrefix)' has no '\(name.missingPart)'")
                if let suggestion = name.suggestion { message += ". Did you mean '\(suggestion)'?" }
            } else {
                // The field named like the tag first: `hypotheses.open` for {{#hypotheses.open}}.
                func closeness(_ field: ViewField) -> Int {
                    let raw = field.rawValue, first = name.name.split(separator: ".").first.map(String.init) ?? name.name
                    if raw == name.name || name.name.hasPrefix(raw + ".") { return 0 }
                    if raw == first || raw.hasPrefix(first + ".") { return 1 }
                    return 2
                }
                let candidates = ViewField.allCases.filter { !audience.shows($0) }.sorted { closeness($0) < closeness($1) }
                let field = candidates.first { field in
                    let wider = ViewShape.shape(showing: audience.shows.union([field]))
                    return !names.flatMap { library.unknownNames(in: $0, shape: wider) }.map(key).contains(key(name))
                }
                message = "'\(name.name)' is not shown to the \(audience.name) audience"
                message += field.map { ": add \"\($0.rawValue)\" to \"shows\" in \(AudienceCatalog.definitionFileName) if it should see it" } ?? ""
            }
            problems.append(AudienceProblem(file: file, position: name.position, path: nil, message: message))
        }
        return problems
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
