/// The parsed, immutable tree of a template. Text nodes hold template text (line breaks only from
/// the template itself, which is what partial indentation follows); everything else is a tag.
enum TemplateNode: Sendable {
    case text(String)
    case variable(VariableNode)
    case section(SectionNode)
    case partial(PartialNode)
    case block(BlockNode)
}

/// A tag's name: `.` (the current value) or a dotted path such as `lead.name`.
struct TemplateName: Sendable, CustomStringConvertible {
    /// Empty for `.`.
    let components: [String]
    /// The first component (nil for `.`), kept apart so that lookups of plain names need not
    /// touch the array.
    let first: String?
    let text: String

    var isImplicit: Bool { components.isEmpty }
    var description: String { text }

    /// `.`, or dot-separated non-empty parts; whitespace is not allowed.
    init(_ text: String) throws(TemplateNameProblem) {
        self.text = text
        if text == "." {
            components = []
            first = nil
            return
        }
        var parts: [String] = []
        var partStart = text.utf8.startIndex
        var index = partStart
        while true {
            let atEnd = index == text.utf8.endIndex
            let byte = atEnd ? UInt8(ascii: ".") : text.utf8[index]
            if TemplateScanner.isWhitespace(byte) {
                throw TemplateNameProblem(reason: "names cannot contain whitespace")
            }
            if byte == UInt8(ascii: ".") {
                if partStart == index { throw TemplateNameProblem(reason: "a dotted name cannot have an empty part") }
                parts.append(String(text[partStart..<index]))
                if atEnd { break }
                partStart = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        components = parts
        first = parts.first
    }
}

struct TemplateNameProblem: Error {
    var reason: String
}

/// Where a node came from, for errors found while rendering.
struct NodeLocation: Sendable {
    let source: TemplateSourceText
    let offset: Int

    func error(_ kind: TemplateError.Kind) -> TemplateError {
        source.error(kind, atByte: offset)
    }
}

/// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
final class VariableNode: Sendable {
    let name: TemplateName
    let escaped: Bool
    let location: NodeLocation

    init(name: TemplateName, escaped: Bool, location: NodeLocation) {
        self.name = name
        self.escaped = escaped
        self.location = location
    }
}

/// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
final class SectionNode: Sendable {
    let name: TemplateName
    let inverted: Bool
    let children: [TemplateNode]
    /// The unrendered text between the tags, and the delimiters in effect at the opening tag:
    /// what a lambda receives, and how its result is parsed.
    let rawText: String
    let delimiters: Delimiters
    let location: NodeLocation

    init(name: TemplateName, inverted: Bool, children: [TemplateNode], rawText: String, delimiters: Delimiters, location: NodeLocation) {
        self.name = name
        self.inverted = inverted
        self.children = children
        self.rawText = rawText
        self.delimiters = delimiters
        self.location = location
    }
}

/// `{{>name}}`, `{{>*dynamic}}`, or a parent `{{<name}}{{$block}}…{{/block}}{{/name}}`.
final class PartialNode: Sendable {
    /// The partial's name, or for a dynamic name the dotted name to look up.
    let name: String
    /// Set for `{{>*name}}`: the context value at this name is the partial's name.
    let dynamicName: TemplateName?
    /// For a standalone tag, the whitespace before it (prefixed to every line of the partial);
    /// nil when the tag shares its line with other content.
    let indentation: String?
    /// For a parent tag, the blocks it passes (possibly none); nil for a plain partial.
    let arguments: [String: BlockArgument]?
    let location: NodeLocation

    init(name: String, dynamicName: TemplateName?, indentation: String?, arguments: [String: BlockArgument]?, location: NodeLocation) {
        self.name = name
        self.dynamicName = dynamicName
        self.indentation = indentation
        self.arguments = arguments
        self.location = location
    }
}

/// A block argument passed by a parent tag: its content with the indentation it had at the site
/// of definition removed (the site of expansion adds its own).
final class BlockArgument: Sendable {
    let children: [TemplateNode]

    init(children: [TemplateNode]) {
        self.children = children
    }
}

/// `{{$name}}default{{/name}}` outside a parent tag: a place a parent's caller may fill.
final class BlockNode: Sendable {
    /// How an argument expanded here is indented.
    enum Placement: Sendable {
        /// The opening tag stood alone on its line; every line of an argument gets this
        /// indentation (that of the default content's first line).
        case standalone(String)
        /// The tag shares its line; the whitespace before it (possibly none) has been written
        /// already, so it is added to the argument's following lines only.
        case inline(String)
    }

    let name: String
    let children: [TemplateNode]
    let placement: Placement
    let location: NodeLocation

    init(name: String, children: [TemplateNode], placement: Placement, location: NodeLocation) {
        self.name = name
        self.children = children
        self.placement = placement
        self.location = location
    }
}

/// A partial or parent named literally in a template (dynamic names cannot be known before
/// rendering): what a strict library loads and checks up front.
struct PartialReference: Sendable {
    let name: String
    let location: NodeLocation
}
