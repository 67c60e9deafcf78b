import Foundation

/// Exit statuses, as scripts see them: one convention for every command, so a gate can tell
/// "fix your input" (1) from "the tool could not run" (2) and "the command line is wrong" (64).
public enum ExitStatus {
    /// Success; the input is clean.
    public static let success: Int32 = 0
    /// The input was checked and has problems: error findings, validation problems, a failed
    /// close-out checklist. A gate fails.
    public static let failure: Int32 = 1
    /// The command could not do what was asked: a missing or unreadable file, an I/O error, a
    /// journal conflict, an unknown incident, an audience that does not apply.
    public static let couldNotRun: Int32 = 2
    /// `chorus pull` printed an approved text that is stale.
    public static let stale: Int32 = 3
    /// The command line itself was wrong (sysexits' EX_USAGE, as swift-argument-parser uses).
    public static let usage: Int32 = 64
}

/// A command-line option: `--name VALUE` (or `--name=VALUE`), or a flag `--name`.
public struct OptionSpec: Sendable {
    public var long: String
    public var short: Character?
    /// nil for a flag; the placeholder shown in help otherwise (`<audience>`).
    public var valueName: String?
    public var help: String
    public var defaultValue: String?
    /// When set, values outside this list are usage errors (with "did you mean").
    public var allowedValues: [String]?
    public var repeatable: Bool

    /// An option that takes a value.
    public static func value(
        _ long: String, short: Character? = nil, _ valueName: String, help: String,
        default defaultValue: String? = nil, allowed: [String]? = nil, repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: valueName, help: help, defaultValue: defaultValue,
                   allowedValues: allowed, repeatable: repeatable)
    }

    /// An option that takes no value.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help, defaultValue: nil,
                   allowedValues: nil, repeatable: false)
    }

    var isFlag: Bool { valueName == nil }

    /// `--audience <name>` or `-h, --help`.
    var synopsis: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(long)"
        if let valueName { text += " <\(valueName)>" }
        return text
    }

    var usageSynopsis: String {
        var text = "--\(long)"
        if let valueName { text += " <\(valueName)>" }
        return text
    }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public enum Arity: Sendable { case required, optional, zeroOrMore, oneOrMore }

    public var name: String
    public var help: String
    public var arity: Arity

    public init(_ name: String, help: String, arity: Arity = .required) {
        self.name = name
        self.help = help
        self.arity = arity
    }

    var usageSynopsis: String {
        switch arity {
        case .required: return "<\(name)>"
        case .optional: return "[<\(name)>]"
        case .zeroOrMore: return "[<\(name)> ...]"
        case .oneOrMore: return "<\(name)> ..."
        }
    }
}

/// One `chorus` subcommand: what it is called, what it takes, and what it does.
public struct CommandSpec: Sendable {
    public var name: String
    /// One line, shown in `chorus --help` and as OVERVIEW.
    public var abstract: String
    /// Further paragraphs shown after the overview in the command's help.
    public var discussion: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    /// Extra usage lines when the generated one does not say enough.
    public var usageOverride: String?
    public var run: @Sendable (inout CommandContext) throws -> Int32

    public init(
        name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], usage: String? = nil,
        run: @escaping @Sendable (inout CommandContext) throws -> Int32
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.usageOverride = usage
        self.run = run
    }

    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help information.")

    var allOptions: [OptionSpec] { options + [CommandSpec.helpOption] }

    var usage: String {
        if let usageOverride { return usageOverride }
        var parts = ["chorus", name]
        parts += arguments.map(\.usageSynopsis)
        for option in options {
            let synopsis = option.usageSynopsis + (option.repeatable ? " ..." : "")
            parts.append("[\(synopsis)]")
        }
        return parts.joined(separator: " ")
    }

    /// Options listed in a usage error before they are summarized as `[options]`.
    static let usageErrorOptionLimit = 12

    /// The usage line a usage error shows: the full one, unless the command has so many options
    /// (`add`, `update`: about 70) that listing them would bury the error; then `[options]`,
    /// with `--help` (named below it) listing them all.
    var errorUsage: String {
        guard usageOverride == nil, options.count > Self.usageErrorOptionLimit else { return usage }
        return (["chorus", name] + arguments.map(\.usageSynopsis) + ["[options]"]).joined(separator: " ")
    }
}
