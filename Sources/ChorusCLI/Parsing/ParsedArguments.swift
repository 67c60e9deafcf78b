/// The arguments of one invocation, after parsing against a `CommandSpec`.
public struct ParsedArguments: Sendable, Equatable {
    /// Option values by long name (without `--`), in the order given.
    public var options: [String: [String]] = [:]
    /// Flags given, by long name.
    public var flags: Set<String> = []
    /// Positional values by argument name.
    public var positionals: [String: [String]] = [:]

    public init() {}

    /// The last value given for `--name`, or its default, or nil.
    public func value(_ name: String) -> String? { options[name]?.last }

    /// Every value given for a repeatable `--name`.
    public func values(_ name: String) -> [String] { options[name] ?? [] }

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The single value of the positional argument `name`.
    public func argument(_ name: String) -> String? { positionals[name]?.first }

    /// Every value of a repeating positional argument.
    public func arguments(_ name: String) -> [String] { positionals[name] ?? [] }
}
