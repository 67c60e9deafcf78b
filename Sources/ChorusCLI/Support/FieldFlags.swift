import ChorusCore

/// The flags of `chorus open` and `chorus update`, from the field table: one per field that
/// has one (`--impact` sets impact.summary), so the two commands cannot drift apart.
enum FieldFlags {
    struct Flag {
        var name: String
        var entry: FieldCatalog.Entry
    }

    static let all: [Flag] = FieldCatalog.entries.compactMap { entry in entry.flag.map { Flag(name: $0, entry: entry) } }

    /// The options, with help naming the field each sets.
    static let options: [OptionSpec] = all.map { flag in
        let entry = flag.entry
        var help = entry.description.hasSuffix(".") ? String(entry.description.dropLast()) : entry.description
        help += " (\(entry.address)"
        if entry.isTime { help += "; a time" }
        help += "; none removes it"
        help += ")."
        let valueName = entry.isTime ? "time" : entry.choices != nil ? "value" : entry.typedAs.hasPrefix("whole number") ? "number" : "text"
        return .value(flag.name, valueName, help: help,
                      allowed: entry.choices.map { $0 + (entry.address.contains(".") && !entry.required ? ["none"] : []) })
    }

    /// The flags given, in table order.
    static func given(in context: CommandContext) -> [(flag: Flag, value: String)] {
        all.compactMap { flag in context.arguments.value(flag.name).map { (flag, $0) } }
    }

    /// Applies given flags (except `skipping`) to the editor: `none` removes an optional field.
    static func apply(_ given: [(flag: Flag, value: String)], to editor: inout StateEditor, skipping: Set<String> = []) throws {
        for (flag, value) in given where !skipping.contains(flag.name) {
            if value == "none" {
                try editor.clear(flag.entry.address)
            } else {
                try editor.set(flag.entry.address, to: value, label: "--" + flag.name)
            }
        }
    }

    /// A problem's path with the flag that sets it: "$.nextUpdateAt (--next-update)".
    static func hint(_ error: StateEditError) -> StateEditError {
        guard case .invalid(let problems) = error else { return error }
        return .invalid(problems.map { problem in
            var problem = problem
            if let flag = FieldCatalog.flag(for: problem.path.description) { problem.message += " [--\(flag)]" }
            return problem
        })
    }
}
