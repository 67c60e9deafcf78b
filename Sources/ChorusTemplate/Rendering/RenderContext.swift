/// One value on the context stack, linked to the one below it. Immutable, so pushing shares the
/// whole stack below instead of copying it.
final class ContextFrame: Sendable {
    let value: TemplateValue
    let parent: ContextFrame?

    init(_ value: TemplateValue, parent: ContextFrame?) {
        self.value = value
        self.parent = parent
    }
}

/// Where the renderer stands: the context stack, the indentation of the enclosing standalone
/// partials and blocks, the block arguments of the enclosing parents, and how deep partials,
/// blocks and lambdas are nested. Immutable: every change is a `with…` copy.
struct RenderContext {
    let top: ContextFrame
    let indentation: String
    let arguments: [String: BlockArgument]
    let depth: Int

    init(root value: TemplateValue) {
        self.init(top: ContextFrame(value, parent: nil), indentation: "", arguments: [:], depth: 0)
    }

    private init(top: ContextFrame, indentation: String, arguments: [String: BlockArgument], depth: Int) {
        self.top = top
        self.indentation = indentation
        self.arguments = arguments
        self.depth = depth
    }

    /// With `value` on top of the stack (a section's value, or one item of a list).
    func with(pushed value: TemplateValue) -> RenderContext {
        RenderContext(top: ContextFrame(value, parent: top), indentation: indentation, arguments: arguments, depth: depth)
    }

    /// With `more` indentation after the current one.
    func with(indentation more: String) -> RenderContext {
        RenderContext(top: top, indentation: indentation + more, arguments: arguments, depth: depth)
    }

    /// Without indentation (a lambda's result is rendered as a value, then placed).
    func withoutIndentation() -> RenderContext {
        RenderContext(top: top, indentation: "", arguments: arguments, depth: depth)
    }

    /// With a parent's block arguments added. Arguments already in force win: the outermost
    /// template that fills a block decides its content, as the inheritance spec requires.
    func with(arguments added: [String: BlockArgument]) -> RenderContext {
        guard !added.isEmpty else { return self }
        let merged = arguments.isEmpty ? added : added.merging(arguments) { _, outer in outer }
        return RenderContext(top: top, indentation: indentation, arguments: merged, depth: depth)
    }

    /// One level deeper in partials, blocks or lambdas.
    func deeper() -> RenderContext {
        RenderContext(top: top, indentation: indentation, arguments: arguments, depth: depth + 1)
    }

    /// The value of `name`: `.` is the top of the stack; otherwise the first part is looked up
    /// from the top of the stack down, and each further part only in the value found so far.
    func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.first else { return top.value }
        var frame: ContextFrame? = top
        var found: TemplateValue?
        while let current = frame {
            if case .object(let members) = current.value, let value = members[first] {
                found = value
                break
            }
            frame = current.parent
        }
        guard var value = found else { return nil }
        let components = name.components
        var index = 1
        while index < components.count {
            if case .lambda(let lambda) = value { value = lambda("") }
            guard case .object(let members) = value, let next = members[components[index]] else { return nil }
            value = next
            index += 1
        }
        return value
    }
}
