/// Walks a node tree and appends to one output buffer. Indentation of standalone partials and
/// blocks is added lazily: after a template line break, the next output of the same template
/// starts with the indentation, so a partial's lines are indented but interpolated values
/// with line breaks in them are left as they are.
struct TemplateRenderer {
    let library: TemplateLibrary
    let escaping: TemplateEscaping
    var output = ""
    private(set) var warnings: [TemplateError] = []
    private var warnedPartials: Set<String> = []
    /// A template line break was written and the next output starts a line.
    private var pendingIndentation = false
    /// Bytes of template text written from inside partials and blocks, plus
    /// `TemplateLibrary.expansionCharge` for every partial expanded, bounded by the library's
    /// `expansionLimit`.
    private var expandedBytes = 0

    init(library: TemplateLibrary, escaping: TemplateEscaping) {
        self.library = library
        self.escaping = escaping
    }

    mutating func render(_ nodes: [TemplateNode], in context: RenderContext) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                if context.depth > 0 { expandedBytes += text.utf8.count }
                if context.indentation.isEmpty {
                    output += text
                } else {
                    appendIndented(text, indentation: context.indentation)
                }
            case .variable(let variable):
                guard let value = context.lookup(variable.name) else { continue }
                switch value {
                case .string(let text): write(text, escaped: variable.escaped, context: context)
                case .lambda(let lambda): try interpolate(lambda, variable, context)
                default: write(value.interpolationText, escaped: variable.escaped, context: context)
                }
            case .section(let section):
                try renderSection(section, context)
            case .partial(let partial):
                try renderPartial(partial, context)
            case .block(let block):
                try renderBlock(block, context)
            }
        }
    }

    // MARK: - Output

    /// Template text under indentation: each line that has any output starts with it.
    private mutating func appendIndented(_ text: String, indentation: String) {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = lineStart
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                let next = utf8.index(after: index)
                if pendingIndentation { output += indentation }
                output += text[lineStart..<next]
                pendingIndentation = true
                lineStart = next
            }
            index = utf8.index(after: index)
        }
        if lineStart != utf8.endIndex {
            if pendingIndentation { output += indentation }
            pendingIndentation = false
            output += text[lineStart...]
        }
    }

    /// A value's text, escaped or not; starts the line's indentation when due.
    private mutating func write(_ text: String, escaped: Bool, context: RenderContext) {
        guard !text.isEmpty else { return }
        if pendingIndentation, !context.indentation.isEmpty {
            output += context.indentation
        }
        pendingIndentation = false
        if escaped {
            escaping.append(text, to: &output)
        } else {
            output += text
        }
    }

    // MARK: - Sections

    private mutating func renderSection(_ section: SectionNode, _ context: RenderContext) throws(TemplateError) {
        let value = context.lookup(section.name)
        if section.inverted {
            if let value, value.isTruthy { return }
            try render(section.children, in: context)
            return
        }
        guard let value else { return }
        if case .lambda(let lambda) = value {
            try renderSectionLambda(lambda, section, context)
        } else {
            try renderSection(section, value: value, context)
        }
    }

    private mutating func renderSection(_ section: SectionNode, value: TemplateValue, _ context: RenderContext) throws(TemplateError) {
        switch value {
        case .list(let items):
            for item in items { try render(section.children, in: context.with(pushed: item)) }
        case .lambda:
            return
        default:
            if value.isTruthy { try render(section.children, in: context.with(pushed: value)) }
        }
    }

    // MARK: - Lambdas

    private func checkDepth(_ context: RenderContext, _ what: @autoclosure () -> String, at location: NodeLocation) throws(TemplateError) {
        if context.depth >= TemplateLibrary.maximumDepth {
            throw location.error(.recursionTooDeep(what: what(), limit: TemplateLibrary.maximumDepth))
        }
    }

    /// `{{#lambda}}raw{{/lambda}}`: the lambda gets the raw text; a string result is template text
    /// (parsed with the section's delimiters, rendered here); any other result is used as the
    /// section's value.
    private mutating func renderSectionLambda(_ lambda: TemplateLambda, _ section: SectionNode, _ context: RenderContext) throws(TemplateError) {
        let result = lambda(section.rawText)
        guard case .string(let text) = result else {
            try renderSection(section, value: result, context)
            return
        }
        try checkDepth(context, "lambda '\(section.name)'", at: section.location)
        let template = try Template(text, name: "result of lambda '\(section.name)'", delimiters: section.delimiters)
        try render(template.root.nodes, in: context.deeper())
    }

    /// `{{lambda}}` / `{{{lambda}}}`: a string result is parsed with the default delimiters and
    /// rendered in the current context, and the whole result is then escaped once (or not).
    private mutating func interpolate(_ lambda: TemplateLambda, _ variable: VariableNode, _ context: RenderContext) throws(TemplateError) {
        let result = lambda("")
        switch result {
        case .string(let text):
            try checkDepth(context, "lambda '\(variable.name)'", at: variable.location)
            let template = try Template(text, name: "result of lambda '\(variable.name)'")
            var inner = TemplateRenderer(library: library, escaping: variable.escaped ? .text : escaping)
            try inner.render(template.root.nodes, in: context.withoutIndentation().deeper())
            for warning in inner.warnings where warnedPartials.insert(warning.kind.partialName ?? "").inserted {
                warnings.append(warning)
            }
            write(inner.output, escaped: variable.escaped, context: context)
        case .lambda:
            return
        default:
            write(result.interpolationText, escaped: variable.escaped, context: context)
        }
    }

    // MARK: - Partials and blocks

    private mutating func renderPartial(_ partial: PartialNode, _ context: RenderContext) throws(TemplateError) {
        let name: String
        if let dynamic = partial.dynamicName {
            switch context.lookup(dynamic) {
            case .string(let text)?: name = text
            case .int(let number)?: name = String(number)
            default: return
            }
            if name.isEmpty { return }
        } else {
            name = partial.name
        }
        try checkDepth(context, "partial '\(name)'", at: partial.location)
        guard let template = try library.resolve(name, at: partial.location) else {
            if library.missingPartials == .fail {
                throw partial.location.error(.unknownPartial(name: name))
            }
            if warnedPartials.insert(name).inserted {
                warnings.append(partial.location.error(.unknownPartial(name: name)))
            }
            return
        }
        // Every expansion counts, not only the text it writes: partials that double down to a
        // value or to nothing would otherwise make millions of calls within the byte limit.
        expandedBytes += TemplateLibrary.expansionCharge
        var inner = context.deeper()
        if let arguments = partial.arguments { inner = inner.with(arguments: arguments) }
        if let indentation = partial.indentation {
            if !indentation.isEmpty { inner = inner.with(indentation: indentation) }
            pendingIndentation = true
        }
        try render(template.root.nodes, in: inner)
        try checkExpansion("partial '\(name)'", at: partial.location)
    }

    private func checkExpansion(_ what: @autoclosure () -> String, at location: NodeLocation) throws(TemplateError) {
        if expandedBytes > library.expansionLimit {
            throw location.error(.expansionTooLarge(what: what(), limit: library.expansionLimit))
        }
    }

    private mutating func renderBlock(_ block: BlockNode, _ context: RenderContext) throws(TemplateError) {
        guard let argument = context.arguments[block.name] else {
            try render(block.children, in: context)
            return
        }
        try checkDepth(context, "block '\(block.name)'", at: block.location)
        var inner = context.deeper()
        switch block.placement {
        case .standalone(let indentation):
            if !indentation.isEmpty { inner = inner.with(indentation: indentation) }
            pendingIndentation = true
        case .inline(let indentation):
            if !indentation.isEmpty {
                inner = inner.with(indentation: indentation)
                pendingIndentation = false
            }
        }
        try render(argument.children, in: inner)
        try checkExpansion("block '\(block.name)'", at: block.location)
    }
}

extension TemplateError.Kind {
    /// The partial a lenient-mode warning is about.
    var partialName: String? {
        if case .unknownPartial(let name) = self { return name }
        return nil
    }
}
