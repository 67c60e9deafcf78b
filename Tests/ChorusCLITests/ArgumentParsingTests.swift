@testable import ChorusCLI
import Testing

@Suite("Command line conventions")
struct ArgumentParsingTests {
    @Test func everyOptionStatesItsDefaultOnce() {
        for spec in CommandRegistry.commands {
            let help = ChorusCommandLine.run([spec.name, "--help"]).stdout
            #expect(help.hasPrefix("OVERVIEW: "), "\(spec.name) --help")
            for line in help.split(separator: "\n") {
                #expect(line.components(separatedBy: "(default:").count <= 2, "\(spec.name) --help repeats a default: \(line)")
            }
        }
    }

    @Test func versionAndHelp() {
        #expect(ChorusCommandLine.run(["--version"]).stdout == ChorusCommandLine.version + "\n")
        let help = ChorusCommandLine.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS:"))
        #expect(help.stdout.contains("validate"))
        #expect(help.stdout.contains("EXIT STATUS:\n  0   success"))
        #expect(help.stdout.contains("  2   the command could not do what was asked"))
        #expect(help.stdout.contains("  64  usage error"))
        let commandHelp = ChorusCommandLine.run(["help", "validate"])
        #expect(commandHelp.stdout.hasPrefix("OVERVIEW: "))
        #expect(commandHelp.stdout.contains("USAGE: chorus validate"))
        #expect(ChorusCommandLine.run(["validate", "--help"]).stdout == commandHelp.stdout)
    }

    @Test func unknownCommandSuggestsTheNearestAndExits64() {
        let result = ChorusCommandLine.run(["valdate", "x.json"])
        #expect(result.status == ExitStatus.usage)
        #expect(result.stderr.hasPrefix("Error: Unknown command 'valdate'\nDid you mean 'validate'?\n"))
        #expect(result.stderr.contains("See 'chorus --help' for more information."))
    }

    /// QA #20: `chorus` alone is a usage error (a script that lost its arguments must not pass).
    @Test func noSubcommandIsAUsageError() {
        let result = ChorusCommandLine.run([])
        #expect(result.status == ExitStatus.usage)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: Missing subcommand\n"))
        #expect(result.stderr.contains("SUBCOMMANDS:"))
    }

    /// QA #20: a value that starts with a dash is taken for an option; the error says to put
    /// -- before it, and with -- it is taken as it is.
    @Test func aValueStartingWithADashIsToldAboutDoubleDash() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        let refused = h.run(["set", "INC-2041", "impact.summary", "- Some customers cannot pay."])
        #expect(refused.status == ExitStatus.usage)
        #expect(refused.stderr.hasPrefix("Error: Unknown option '- Some customers cannot pay.'\nIf it is a value, not an option, put -- before it"), "\(refused.stderr)")
        let taken = chorus(["set", "INC-2041", "--store", h.store, "--now", h.now, "--as", "dana", "--", "impact.summary", "- Some customers cannot pay."],
                           environment: ["CHORUS_REPLAY": "1"])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(h.read(["get", "INC-2041", "impact.summary"]).stdout.contains("- Some customers cannot pay."))
    }

    /// QA #20: a usage error of a command with dozens of options (add: ~70) shows `[options]`
    /// instead of 2,000 characters of them; --help still lists every one.
    @Test func aUsageErrorOfACommandWithManyOptionsSummarizesThem() {
        let result = ChorusCommandLine.run(["add"])
        #expect(result.status == ExitStatus.usage)
        #expect(result.stderr.contains("\nUsage: chorus add <id> <list> [<item>] [options]\n  See 'chorus add --help' for more information.\n"), "\(result.stderr)")
        #expect(result.stderr.utf8.count < 300, "\(result.stderr.utf8.count) characters")
        #expect(ChorusCommandLine.run(["add", "--help"]).stdout.contains("--due"))
        let few = ChorusCommandLine.run(["show"])
        #expect(few.stderr.contains("Usage: chorus show <id> [--store <dir>] [--now <time>] [--tz <zone>]"), "a short list is shown in full: \(few.stderr)")
    }

    @Test func unknownOptionSuggestsTheNearest() throws {
        let spec = CommandSpec(name: "t", abstract: "x", options: [.value("audience", "name", help: "a"), .flag("all", help: "b")]) { _ in 0 }
        #expect(throws: UsageError("Unknown option '--audence'\nDid you mean '--audience'?")) {
            try ArgumentParser.parse(["--audence", "x"], for: spec)
        }
    }

    @Test func parsesValuesFlagsEqualsAndDoubleDash() throws {
        let spec = CommandSpec(
            name: "t", abstract: "x",
            arguments: [ArgumentSpec("file", help: "f", arity: .zeroOrMore)],
            options: [.value("format", short: "f", "format", help: "f", default: "text", allowed: ["text", "json"]),
                      .flag("strict", help: "s")]
        ) { _ in 0 }
        let parsed = try ArgumentParser.parse(["a", "--format=json", "--strict", "-", "--", "--not-an-option"], for: spec)
        #expect(parsed.value("format") == "json")
        #expect(parsed.flag("strict"))
        #expect(parsed.arguments("file") == ["a", "-", "--not-an-option"])
        #expect(try ArgumentParser.parse([], for: spec).value("format") == "text")
        #expect(try ArgumentParser.parse(["-f", "json"], for: spec).value("format") == "json")
    }

    @Test func invalidValueListsTheChoices() {
        let spec = CommandSpec(name: "t", abstract: "x", options: [.value("format", "format", help: "f", allowed: ["text", "json"])]) { _ in 0 }
        #expect(throws: UsageError("The value 'jsn' is invalid for '--format <format>'. Please provide one of 'text', 'json'. Did you mean 'json'?")) {
            try ArgumentParser.parse(["--format", "jsn"], for: spec)
        }
    }

    @Test func missingArgumentsAndValuesAreUsageErrors() {
        let spec = CommandSpec(name: "t", abstract: "x", arguments: [ArgumentSpec("id", help: "i")],
                               options: [.value("as", "name", help: "n")]) { _ in 0 }
        #expect(throws: UsageError("Missing expected argument '<id>'")) { try ArgumentParser.parse([], for: spec) }
        #expect(throws: UsageError("Missing value for '--as <name>'")) { try ArgumentParser.parse(["x", "--as"], for: spec) }
        #expect(throws: UsageError("Unexpected argument 'y'")) { try ArgumentParser.parse(["x", "y"], for: spec) }
    }
}
