import ChorusSupport

/// Parsed templates by name, where partials and parents are looked up, plus an optional loader
/// for names not loaded yet. An immutable value once built: share it between threads freely.
///
/// Strict (`.fail`, for audiences): `load` reads a template and every partial and parent it
/// names, transitively, and fails at the first tag naming one that does not exist; a dynamic
/// partial that is missing at render time is an error too. Lenient (`.renderEmpty`, the
/// Mustache spec's behaviour, for `chorus mustache`): a missing partial renders as the empty
/// string and is reported in `TemplateRendering.warnings`.
///
///     let loader = FileSystemTemplateLoader(roots: [audienceFolder, sharedPartialsFolder])
///     var library = TemplateLibrary(loader: loader, missingPartials: .fail)
///     try library.load("investigating")
///     let text = try library.render("investigating", view, escaping: .slack)
public struct TemplateLibrary: Sendable {
    /// What a partial or parent that cannot be found does.
    public enum MissingPartials: Sendable, Equatable {
        /// It is an error (at load time for names written in the template, at render time for
        /// dynamic names).
        case fail
        /// It renders as the empty string, with a warning.
        case renderEmpty
    }

    /// Partials, parents, blocks and lambda expansions nested deeper than this are an error.
    public static let maximumDepth = 64

    /// The most template text (bytes of the templates' own text, values not counted) that
    /// partials and blocks may expand to in one render: 8 MB, far beyond any real message,
    /// reached within a second by a partial that doubles at every level.
    public static let maximumExpansion = 8 * 1_048_576

    /// What every partial expansion counts towards `maximumExpansion` besides the text it
    /// writes: 64 bytes, so one render expands at most 131,072 partials (a partial that
    /// doubles down to a value, or to nothing, is stopped as soon as one writing text).
    public static let expansionCharge = 64

    /// The expansion bound of this library's renders: `maximumExpansion` unless set otherwise
    /// (tests prove the bound with a small one instead of rendering 8 MB).
    public var expansionLimit = TemplateLibrary.maximumExpansion

    /// The templates loaded so far, by name.
    public private(set) var templates: [String: Template]
    /// Where names not in `templates` are looked up (at render time without caching: `load`
    /// everything you can first).
    public let loader: (any TemplateLoader)?
    public let missingPartials: MissingPartials

    public init(templates: [String: Template] = [:], loader: (any TemplateLoader)? = nil, missingPartials: MissingPartials = .fail) {
        self.templates = templates
        self.loader = loader
        self.missingPartials = missingPartials
    }

    /// A library of templates given as text, each parsed under its own name.
    public init(sources: [String: String], missingPartials: MissingPartials = .fail) throws(TemplateError) {
        var templates: [String: Template] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            templates[name] = try Template(text, name: name)
        }
        self.init(templates: templates, missingPartials: missingPartials)
    }

    /// Adds (or replaces) a template under `name`.
    public mutating func add(_ template: Template, as name: String) {
        templates[name] = template
    }

    /// Loads `name` from the loader (unless already loaded) and every partial and parent it
    /// names, transitively. Strict libraries fail on the first missing one, at its tag.
    @discardableResult
    public mutating func load(_ name: String) throws(TemplateError) -> Template {
        if let loaded = templates[name] { return loaded }
        guard let template = try loadFromLoader(name, at: nil) else {
            throw TemplateError(.unknownTemplate(name: name), templateName: name, position: .start, lineText: "")
        }
        templates[name] = template
        try loadReferences(of: template)
        return template
    }

    /// Loads every partial and parent `template` names, transitively (for a template that is
    /// not itself in the library, such as one read from a path given on the command line).
    public mutating func loadReferences(of template: Template) throws(TemplateError) {
        var pending = [template]
        var missing = Set<String>()
        while let current = pending.popLast() {
            for reference in current.root.references where templates[reference.name] == nil && !missing.contains(reference.name) {
                if let loaded = try loadFromLoader(reference.name, at: reference.location) {
                    templates[reference.name] = loaded
                    pending.append(loaded)
                } else if missingPartials == .fail {
                    throw reference.location.error(.unknownPartial(name: reference.name))
                } else {
                    missing.insert(reference.name)
                }
            }
        }
    }

    /// The template called `name`: loaded already, or read now from the loader (not kept).
    public func template(named name: String) throws(TemplateError) -> Template? {
        if let loaded = templates[name] { return loaded }
        return try loadFromLoader(name, at: nil)
    }

    /// Renders the template called `name` (see `Template.render`).
    public func render(_ name: String, _ value: TemplateValue, escaping: TemplateEscaping = .html) throws(TemplateError) -> String {
        guard let found = try template(named: name) else {
            throw TemplateError(.unknownTemplate(name: name), templateName: name, position: .start, lineText: "")
        }
        return try found.render(value, partials: self, escaping: escaping)
    }

    func resolve(_ name: String, at location: NodeLocation) throws(TemplateError) -> Template? {
        if let loaded = templates[name] { return loaded }
        return try loadFromLoader(name, at: location)
    }

    private func loadFromLoader(_ name: String, at location: NodeLocation?) throws(TemplateError) -> Template? {
        guard let loader else { return nil }
        let source: TemplateSource?
        do {
            source = try loader.source(named: name)
        } catch {
            if let location { throw location.error(error.kind(asPartial: true)) }
            throw TemplateError(error.kind(asPartial: false), templateName: name, position: .start, lineText: "")
        }
        guard let source else { return nil }
        return try Template(source.text, name: source.name)
    }
}
