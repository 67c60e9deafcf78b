import ChorusSupport

/// A tag that writes data without escaping (`{{{name}}}`, `{{&name}}`) or lets data choose which
/// partial renders (`{{>*name}}`). Both are legitimate Mustache for trusted data; an application
/// rendering untrusted data can find and refuse them before anything is rendered.
public struct UnsafeTag: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unescapedVariable
        case dynamicPartial
    }

    public var kind: Kind
    /// The name in the tag.
    public var name: String
    public var templateName: String
    public var position: SourcePosition
    public var lineText: String

    public var description: String {
        switch kind {
        case .unescapedVariable:
            return "\(templateName):\(position.line):\(position.column): the tag for '\(name)' writes its value unescaped ({{{ }}} or {{& }})"
        case .dynamicPartial:
            return "\(templateName):\(position.line):\(position.column): the dynamic partial '*\(name)' lets data choose a template"
        }
    }
}

extension Template {
    /// Every unescaped variable and dynamic partial in this template, in order, including those
    /// inside sections, blocks and parent arguments.
    public var unsafeTags: [UnsafeTag] {
        var found: [UnsafeTag] = []
        func tag(_ kind: UnsafeTag.Kind, _ name: String, _ location: NodeLocation) {
            let position = location.source.position(ofByte: location.offset)
            found.append(UnsafeTag(kind: kind, name: name, templateName: location.source.name, position: position,
                                   lineText: location.source.text.sourceLine(position.line) ?? ""))
        }
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let variable):
                    if !variable.escaped { tag(.unescapedVariable, variable.name.text, variable.location) }
                case .section(let section): walk(section.children)
                case .partial(let partial):
                    if let dynamic = partial.dynamicName { tag(.dynamicPartial, dynamic.text, partial.location) }
                    for argument in (partial.arguments ?? [:]).values { walk(argument.children) }
                case .block(let block): walk(block.children)
                }
            }
        }
        walk(root.nodes)
        return found
    }
}
