import ChorusSupport

/// Parses a command's arguments against its spec, in the manner of swift-argument-parser:
/// `--name value`, `--name=value`, `-n value`, flags, `--` to end options, `-` as a value.
enum ArgumentParser {
    static func parse(_ words: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            // A dash and a digit is a value (-10m, -5), never an option: no option is a digit.
            let isValue = word.count > 1 && word.dropFirst().first?.isNumber == true
            if optionsEnded || word == "-" || !word.hasPrefix("-") || isValue {
                positionals.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            let option: OptionSpec
            var inlineValue: String?
            if word.hasPrefix("--") {
                var name = String(word.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                guard let found = spec.allOptions.first(where: { $0.long == name }) else {
                    throw unknownOption("--\(name)", spec: spec)
                }
                option = found
            } else {
                let letters = Array(word.dropFirst())
                guard letters.count == 1, let found = spec.allOptions.first(where: { $0.short == letters[0] }) else {
                    throw unknownOption(word, spec: spec)
                }
                option = found
            }
            if option.isFlag {
                if inlineValue != nil {
                    throw UsageError("The flag '--\(option.long)' does not take a value.")
                }
                parsed.flags.insert(option.long)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < words.count, words[index] == "-" || !words[index].hasPrefix("--") else {
                    throw UsageError("Missing value for '\(option.synopsis)'")
                }
                value = words[index]
                index += 1
            }
            if let allowed = option.allowedValues, !allowed.contains(value) {
                var message = "The value '\(value)' is invalid for '\(option.usageSynopsis)'. "
                    + "Please provide one of " + allowed.map { "'\($0)'" }.joined(separator: ", ") + "."
                if let near = NameSuggestion.closest(to: value, among: allowed) {
                    message += " Did you mean '\(near)'?"
                }
                throw UsageError(message)
            }
            if parsed.options[option.long] != nil, !option.repeatable {
                throw UsageError("'--\(option.long)' was given more than once; give it once.")
            }
            parsed.options[option.long, default: []].append(value)
        }
        if parsed.flags.contains("help") { return parsed }
        for option in spec.options {
            if let defaultValue = option.defaultValue, parsed.options[option.long] == nil {
                parsed.options[option.long] = [defaultValue]
            }
        }
        try assign(positionals, to: spec, into: &parsed)
        return parsed
    }

    private static func assign(_ values: [String], to spec: CommandSpec, into parsed: inout ParsedArguments) throws(UsageError) {
        var remaining = values[...]
        for (position, argument) in spec.arguments.enumerated() {
            let requiredAfter = spec.arguments[(position + 1)...]
                .filter { $0.arity == .required || $0.arity == .oneOrMore }.count
            switch argument.arity {
            case .required:
                guard let value = remaining.popFirst() else {
                    throw UsageError("Missing expected argument '\(argument.usageSynopsis)'")
                }
                parsed.positionals[argument.name] = [value]
            case .optional:
                if remaining.count > requiredAfter, let value = remaining.popFirst() {
                    parsed.positionals[argument.name] = [value]
                }
            case .zeroOrMore, .oneOrMore:
                let take = max(0, remaining.count - requiredAfter)
                let taken = Array(remaining.prefix(take))
                remaining = remaining.dropFirst(take)
                if argument.arity == .oneOrMore, taken.isEmpty {
                    throw UsageError("Missing expected argument '\(argument.usageSynopsis)'")
                }
                parsed.positionals[argument.name] = taken
            }
        }
        if let extra = remaining.first {
            throw UsageError("Unexpected argument '\(extra)'")
        }
    }

    private static func unknownOption(_ word: String, spec: CommandSpec) -> UsageError {
        var message = "Unknown option '\(word)'"
        let names = spec.allOptions.map { "--\($0.long)" }
        if let near = NameSuggestion.closest(to: word, among: names) {
            message += "\nDid you mean '\(near)'?"
        }
        if !word.hasPrefix("--") {
            // "- Some customers", "-5% of orders": a value that starts with a dash.
            message += "\nIf it is a value, not an option, put -- before it: everything after -- is taken as it is."
        }
        return UsageError(message)
    }
}
