import ChorusCore
import ChorusSupport
import Foundation

/// `chorus set`, `add`, `remove`, `get`: every field of the state, by the name the field table
/// gives it, with the same validation as a state file.
enum FieldCommands {
    static let idArgument = ArgumentSpec("id", help: "The incident id.")

    /// `chorus help set`: every field, as the command line names it.
    static var fieldList: String {
        var lines = ["FIELDS (lists count from 1; <id> and <internalName> pick an item by its id or name):"]
        for entry in FieldCatalog.entries {
            var line = "  " + entry.address.padding(toLength: max(entry.address.count, 34), withPad: " ", startingAt: 0) + " "
            line += entry.typedAs
            if entry.required { line += ", required" }
            if let flag = entry.flag { line += ", --\(flag)" }
            if let managed = entry.managed { line += " (not set directly: \(managed))" }
            if !entry.addOptions.isEmpty { line += "; chorus add ID \(entry.address) " + entry.addOptions.joined(separator: " ") }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static let set = CommandSpec(
        name: "set",
        abstract: "Set any field of the state: chorus set ID impact.summary \"…\" [FIELD VALUE …].",
        discussion: """
        Sets one or more fields in one revision, validated as a whole like a state file. Values are
        typed by the field: text, a time (13:58 means the most recent 13:58 for what has happened,
        the next for what is to come; now, -10m, +30m, or a full date), a number, one of a list
        (--status values), or JSON for a whole list or record. Setting a part of a record that is
        not there yet creates it (window.start and window.end together create the window).
        Lists: chorus add and chorus remove. Each typed time is echoed back.

        \(fieldList)
        """,
        arguments: [idArgument, ArgumentSpec("assignments", help: "FIELD VALUE pairs, such as impact.summary \"…\" or window.start 02:00.", arity: .oneOrMore)],
        options: Workflow.writeOptions,
        usage: "chorus set <id> <field> <value> [<field> <value> ...] [--store <dir>] [--as <name>] [--expect-revision <n>] [--now <time>] [--tz <zone>]"
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let words = context.arguments.arguments("assignments")
        guard words.count % 2 == 0 else {
            throw UsageError("give FIELD VALUE pairs; '\(words.last ?? "")' has no value (to remove a field: chorus remove \(id) \(words.last ?? ""))")
        }
        let pairs = stride(from: 0, to: words.count, by: 2).map { (words[$0], words[$0 + 1]) }
        try workflow.revise(id, &context, summary: "set " + pairs.map(\.0).joined(separator: ", ")) { current in
            var editor = try workflow.editor(current)
            for (field, value) in pairs { try editor.set(field, to: value) }
            workflow.collectTimes(of: editor)
            return try editor.state()
        }
        return ExitStatus.success
    }

    /// Every field of every record a list can hold, as `chorus add` options.
    static let recordOptions: [OptionSpec] = {
        var seen: Set<String> = []
        var options: [OptionSpec] = []
        func visit(_ record: RecordSpec) {
            for field in record.fields {
                if let inner = field.type.recordForAdd { visit(inner) }
                guard field.editing == .free, !seen.contains(field.kebabName) else { continue }
                seen.insert(field.kebabName)
                options.append(.value(field.kebabName, "value", help: "A field of the item added (chorus help set lists which list has which)."))
            }
        }
        visit(StateFields.state)
        return options.sorted { $0.long < $1.long }
    }()

    static let add = CommandSpec(
        name: "add",
        abstract: "Add an item to a list: chorus add ID asks \"…\", chorus add ID links --title … --url ….",
        discussion: """
        A list of text takes the item itself: chorus add INC-1 asks "Approve a credit for affected accounts".
        A list of records takes its fields as options: chorus add INC-1 links --title Runbook --url https://…;
        chorus add INC-1 quantifiedImpact --metric "failed checkouts" --value 412 --as-of 09:03.
        Fields left out take their defaults (a fact's next id and the time now, say). Prints the new
        item's name (facts.F4, asks.3) for chorus set and chorus remove.

        \(fieldList)
        """,
        arguments: [idArgument, ArgumentSpec("list", help: "The list: asks, links, facts, rootCause.whys, …"),
                    ArgumentSpec("item", help: "The item, for a list of text.", arity: .optional)],
        options: recordOptions + Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let list = context.arguments.argument("list") ?? ""
        let names = Set(recordOptions.map(\.long))
        let fields = context.arguments.options.filter { names.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value.last ?? "") }
        let item = context.arguments.argument("item")
        let added = AddedItem()
        try workflow.revise(id, &context, summary: "add to \(list)") { current in
            var editor = try workflow.editor(current)
            added.name = try editor.add(to: list, value: item, fields: fields)
            workflow.collectTimes(of: editor)
            return try editor.state()
        }
        context.print("  added \(added.name)")
        return ExitStatus.success
    }

    static let remove = CommandSpec(
        name: "remove",
        abstract: "Remove an optional field or a list item: chorus remove ID asks.2, chorus remove ID workaround.",
        discussion: """
        Removes each named field or list item in one revision (list items count from 1, as chorus get
        shows them; items with an id go by it: facts.F3). Required fields cannot be removed; change
        them with chorus set.
        """,
        arguments: [idArgument, ArgumentSpec("fields", help: "The fields or items to remove.", arity: .oneOrMore)],
        options: Workflow.writeOptions
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let fields = context.arguments.arguments("fields")
        try workflow.revise(id, &context, summary: "remove " + fields.joined(separator: ", ")) { current in
            var editor = try workflow.editor(current)
            // Later items first, so "asks.1 asks.2" removes the two that were named.
            for field in fields.reversed() { try editor.remove(field) }
            return try editor.state()
        }
        return ExitStatus.success
    }

    static let get = CommandSpec(
        name: "get",
        abstract: "Print a field of an incident's current state (text on one line, lists and records as JSON).",
        discussion: """
        chorus get ID prints the whole state as JSON; chorus get ID FIELD one field: text on one
        line, lists and records as JSON, with the items of a list numbered as set and remove name
        them. Control and bidi characters print escaped: \\u{1B} in text, \\u001b in JSON.
        """,
        arguments: [idArgument, ArgumentSpec("field", help: "The field, such as impact.summary or links.", arity: .optional)],
        options: Workflow.readOptions + [.value("format", short: "f", "format", help: "text or json.", default: "text", allowed: ["text", "json"])]
    ) { context in
        let workflow = try Workflow(context)
        let id = context.arguments.argument("id") ?? ""
        let state = try workflow.snapshot(id, &context).requireState()
        // State text is whatever was typed: JSON carries control and bidi characters as \uXXXX
        // escapes, and text is escaped as show, list and log escape it (\u{202E}, one line).
        guard let field = context.arguments.argument("field") else {
            context.print(TerminalText.escapedJSON(try StateCoding.readable(state)), terminator: "")
            return ExitStatus.success
        }
        let editor = try workflow.editor(state)
        let (path, json) = try editor.get(field)
        guard let json else { throw StateEditError.notFound("\(path.description.dropFirst(2)) is not set") }
        let node = try JSONParser.parse(json)
        if context.arguments.value("format") == "json" {
            context.print(TerminalText.escapedJSON(JSONOutput(node).rendered()))
        } else if let text = node.stringValue {
            context.print(TerminalText.escape(text))
        } else if let elements = node.elements {
            for (index, element) in elements.enumerated() {
                context.print("\(index + 1). " + (element.stringValue.map(TerminalText.escape) ?? TerminalText.escapedJSON(JSONOutput(element).rendered(pretty: false))))
            }
            if elements.isEmpty { context.print("(empty)") }
        } else {
            context.print(TerminalText.escapedJSON(JSONOutput(node).rendered()))
        }
        return ExitStatus.success
    }
}

/// The name `chorus add` gives the new item, found while the journal is locked.
private final class AddedItem {
    var name = ""
}

extension FieldType {
    /// The record a list holds, whose fields `chorus add` takes as options.
    fileprivate var recordForAdd: RecordSpec? {
        switch self {
        case .record(let record): return record
        case .list(.record(let record)): return record
        default: return nil
        }
    }
}

extension JSONOutput {
    /// The parsed JSON as output, numbers as written.
    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let value, let text): self = Int(text).map { .int($0) } ?? .double(value)
        case .string(let s): self = .string(s)
        case .array(let elements): self = .array(elements.map(JSONOutput.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONOutput($0.node)) })
        }
    }
}
