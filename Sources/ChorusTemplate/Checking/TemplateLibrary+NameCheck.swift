import ChorusSupport

extension TemplateLibrary {
    /// Every tag in the template `name`, in the partials it includes and the parents it extends,
    /// whose name the data of `shape` will not have, found the way rendering looks names up: the
    /// first part outward through the enclosing sections, the rest inside it. A section over a
    /// list checks its content against the list's items. Nothing is rendered.
    ///
    /// Dynamic partials (`{{>*x}}`) cannot be followed before rendering and are skipped; a
    /// template that is not in the library reports nothing.
    public func unknownNames(in name: String, shape: TemplateShape) -> [UnknownName] {
        guard let template = templates[name] else { return [] }
        var checker = NameChecker(library: self)
        checker.walk(template.root.nodes, stack: [shape], blocks: [:], depth: 0)
        var seen = Set<String>()
        return checker.found.filter { seen.insert("\($0.templateName):\($0.position.offset):\($0.name)").inserted }
    }
}

/// Walks a template's tree with a stack of shapes, as the renderer walks it with a stack of values.
private struct NameChecker {
    let library: TemplateLibrary
    var found: [UnknownName] = []
    /// Partials already checked with a given stack: a partial that includes itself is checked once
    /// per distinct stack, and a bounded number of tags in all, so checking always ends.
    var visited = Set<VisitKey>()
    var budget = 200_000

    struct VisitKey: Hashable {
        var partial: String
        var stack: [TemplateShape]
    }

    init(library: TemplateLibrary) { self.library = library }

    /// What a name resolves to: the shape found, or the name that is not there.
    enum Resolution {
        case found(TemplateShape)
        case missing(UnknownName)
    }

    /// The shape `name` resolves to on `stack`, or the unknown name.
    func resolve(_ name: TemplateName, on stack: [TemplateShape], at location: NodeLocation) -> Resolution {
        guard let first = name.first else { return .found(stack.last ?? .unknown) }
        var found: TemplateShape?
        for context in stack.reversed() {
            if let member = context.member(first) { found = member; break }
        }
        guard var shape = found else {
            let reachable = stack.flatMap { context -> [String] in
                if case .object(let members) = context { return Array(members.keys) }
                return []
            }
            let suggestion = name.components.count == 1
                ? NameSuggestion.closest(to: first, among: Set(reachable)) ?? Self.suggestByLastPart(first, stack: stack)
                : Self.suggestDotted(name.components, stack: stack)
            return .missing(unknown(name, missing: first, prefix: "", suggestion: suggestion, at: location))
        }
        for (index, part) in name.components.enumerated().dropFirst() {
            guard let member = shape.member(part) else {
                let prefix = name.components[..<index].joined(separator: ".")
                var candidates: [String] = []
                if case .object(let members) = shape { candidates = Array(members.keys) }
                let suggestion = NameSuggestion.closest(to: part, among: candidates).map { prefix + "." + $0 }
                return .missing(unknown(name, missing: part, prefix: prefix, suggestion: suggestion, at: location))
            }
            shape = member
        }
        return .found(shape)
    }

    /// For a plain name found nowhere in reach: a dotted name in reach whose last part is close
    /// (`sumary` → `impact.summary`), when exactly one is.
    static func suggestByLastPart(_ name: String, stack: [TemplateShape]) -> String? {
        var candidates = Set<String>()
        for context in stack { candidates.formUnion(context.names) }
        let matches = candidates.filter { candidate in
            guard let last = candidate.split(separator: ".").last.map(String.init), candidate.contains(".") else { return false }
            return last == name || NameSuggestion.closest(to: name, among: [last]) != nil
        }
        return matches.count == 1 ? matches.first : nil
    }

    /// For a dotted name whose first part is nowhere: a whole dotted name in reach that is close.
    static func suggestDotted(_ components: [String], stack: [TemplateShape]) -> String? {
        let written = components.joined(separator: ".")
        var candidates = Set<String>()
        for context in stack { candidates.formUnion(context.names) }
        return NameSuggestion.closest(to: written, among: candidates)
    }

    func unknown(_ name: TemplateName, missing: String, prefix: String, suggestion: String?, at location: NodeLocation) -> UnknownName {
        let position = location.source.position(ofByte: location.offset)
        return UnknownName(name: name.text, missingPart: missing, foundPrefix: prefix, templateName: location.source.name,
                           position: position, lineText: location.source.text.sourceLine(position.line) ?? "", suggestion: suggestion)
    }

    mutating func walk(_ nodes: [TemplateNode], stack: [TemplateShape], blocks: [String: BlockArgument], depth: Int) {
        guard depth <= TemplateLibrary.maximumDepth else { return }
        for node in nodes {
            budget -= 1
            guard budget > 0 else { return }
            switch node {
            case .text: break
            case .variable(let variable):
                if case .missing(let problem) = resolve(variable.name, on: stack, at: variable.location) { found.append(problem) }
            case .section(let section):
                switch resolve(section.name, on: stack, at: section.location) {
                case .missing(let problem):
                    found.append(problem)
                    // What is inside cannot be checked against a name that is not there.
                    walk(section.children, stack: stack + [.unknown], blocks: blocks, depth: depth)
                case .found(let shape):
                    if section.inverted {
                        walk(section.children, stack: stack, blocks: blocks, depth: depth)
                    } else if case .list(let item) = shape {
                        walk(section.children, stack: stack + [item], blocks: blocks, depth: depth)
                    } else {
                        walk(section.children, stack: stack + [shape], blocks: blocks, depth: depth)
                    }
                }
            case .partial(let partial):
                guard partial.dynamicName == nil, let template = library.templates[partial.name] else { continue }
                let key = VisitKey(partial: partial.name, stack: stack)
                guard visited.insert(key).inserted else { continue }
                if let arguments = partial.arguments {
                    // A parent: its blocks are filled by the arguments (the outermost filling wins).
                    for argument in arguments.values { walk(argument.children, stack: stack, blocks: blocks, depth: depth + 1) }
                    walk(template.root.nodes, stack: stack, blocks: arguments.merging(blocks) { _, outer in outer }, depth: depth + 1)
                } else {
                    walk(template.root.nodes, stack: stack, blocks: blocks, depth: depth + 1)
                }
            case .block(let block):
                if blocks[block.name] == nil { walk(block.children, stack: stack, blocks: blocks, depth: depth) }
            }
        }
    }
}
