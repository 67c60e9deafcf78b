/// A parsed Mustache template: parse once, render many times, from any thread.
///
///     let template = try Template("Hello {{name}}!", name: "greeting")
///     let text = try template.render(["name": "<world>"])          // Hello &lt;world&gt;!
///
/// Supports the whole Mustache spec: interpolation (`{{x}}` escaped, `{{{x}}}` and `{{&x}}` not),
/// dotted names and `{{.}}`, sections and inverted sections, comments, set delimiters,
/// partials (`{{>name}}`, dynamic `{{>*name}}`), inheritance (`{{<parent}}{{$block}}…{{/block}}{{/parent}}`),
/// standalone lines and partial indentation, and Swift closures as lambdas.
public struct Template: Sendable {
    let root: TemplateRoot

    /// Sections, blocks and parents nested deeper than this in one template are a parse error.
    public static let maximumNesting = 100

    /// Parses `text`. `name` is what errors print before `:line:column` (a file path, say).
    public init(_ text: String, name: String = "template") throws(TemplateError) {
        try self.init(text, name: name, delimiters: .standard)
    }

    init(_ text: String, name: String, delimiters: Delimiters) throws(TemplateError) {
        let source = TemplateSourceText(name: name, text: text)
        var parser = try TemplateParser(source: source, delimiters: delimiters)
        let nodes = try parser.parse()
        root = TemplateRoot(source: source, nodes: nodes, references: parser.references)
    }

    /// The name given at parse time.
    public var name: String { root.source.name }

    /// The template's text.
    public var text: String { root.source.text }

    /// The partials and parents this template names literally (not `{{>*dynamic}}` ones), each
    /// once, in order of first use.
    public var partialNames: [String] {
        var seen = Set<String>()
        return root.references.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// Renders `value` with `escaping` (HTML unless told otherwise), resolving partials in
    /// `partials` (by default an empty, strict library: any partial is then an error). Throws
    /// for what cannot be rendered: a partial the library does not have when it is strict, a
    /// name that could leave the template folder, runaway recursion.
    public func render(
        _ value: TemplateValue, partials: TemplateLibrary = TemplateLibrary(), escaping: TemplateEscaping = .html
    ) throws(TemplateError) -> String {
        try renderWithWarnings(value, partials: partials, escaping: escaping).output
    }

    /// Like `render`, and also returns the warnings of a lenient library (partials that were
    /// missing and rendered as the empty string), once per partial name.
    public func renderWithWarnings(
        _ value: TemplateValue, partials: TemplateLibrary = TemplateLibrary(), escaping: TemplateEscaping = .html
    ) throws(TemplateError) -> TemplateRendering {
        var renderer = TemplateRenderer(library: partials, escaping: escaping)
        renderer.output.reserveCapacity(root.source.bytes.count + root.source.bytes.count / 2)
        try renderer.render(root.nodes, in: RenderContext(root: value))
        return TemplateRendering(output: renderer.output, warnings: renderer.warnings)
    }
}

/// What a render produced: the text, and the warnings of a lenient library.
public struct TemplateRendering: Sendable, Equatable {
    public var output: String
    /// Missing partials rendered as empty (lenient libraries only), located at their tags.
    public var warnings: [TemplateError]

    public init(output: String, warnings: [TemplateError]) {
        self.output = output
        self.warnings = warnings
    }
}

/// The parsed tree and its source, shared by every copy of a `Template`.
final class TemplateRoot: Sendable {
    let source: TemplateSourceText
    let nodes: [TemplateNode]
    let references: [PartialReference]

    init(source: TemplateSourceText, nodes: [TemplateNode], references: [PartialReference]) {
        self.source = source
        self.nodes = nodes
        self.references = references
    }
}
