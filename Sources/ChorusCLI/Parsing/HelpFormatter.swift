/// Help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
enum HelpFormatter {
    static let labelWidth = 26

    static func help(for spec: CommandSpec) -> String {
        var text = "OVERVIEW: \(spec.abstract)\n"
        if !spec.discussion.isEmpty { text += "\n" + spec.discussion + "\n" }
        text += "\nUSAGE: \(spec.usage)\n"
        if !spec.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in spec.arguments {
                text += row("<\(argument.name)>", argument.help)
            }
        }
        text += "\nOPTIONS:\n"
        for option in spec.allOptions {
            var help = option.help
            if let allowed = option.allowedValues, !help.contains(allowed.joined(separator: ", ")) {
                help += " (values: \(allowed.joined(separator: ", ")))"
            }
            // A help text that already names its default (with where else it comes from) keeps its own wording.
            if let defaultValue = option.defaultValue, !help.contains("(default:") { help += " (default: \(defaultValue))" }
            text += row(option.synopsis, help)
        }
        return text
    }

    static func rootHelp(commands: [CommandSpec], version: String) -> String {
        var text = """
        OVERVIEW: Chorus \(version): one canonical incident state, the right message for every audience.

        Chorus renders the engineering update, support macro, sales brief, leadership brief,
        customer status update and post-incident review from one incident state, and lints every
        draft for speculation, ETAs and promises, jargon, blame and minimizing language.

        USAGE: chorus <subcommand>

        OPTIONS:

        """
        text += row("--version", "Show the version.")
        text += row("-h, --help", "Show help information.")
        text += "\nSUBCOMMANDS:\n"
        for command in commands {
            text += row(command.name, command.abstract)
        }
        text += """

        TIMES:
          now, +15m, -10m, +1h30m, +2d, a clock time such as 13:58 (in --tz; the most recent one
          for what has happened, the next one for what is to come), or a full date such as
          2026-11-24T13:58:00Z or "2026-11-24 13:58". A next update already past is refused; one
          more than 12 hours away needs its full date (and one more than 92 days away is refused);
          a clock time for what has happened that reaches more than 12 hours back or before the
          incident started needs its full date. --now and CHORUS_NOW take a full date, now, or an
          offset from the clock such as +2h (a clock time alone is refused).

        WHERE CHORUS LOOKS:
          Workspace: CHORUS_WORKSPACE, else the nearest chorus.json from the working directory up
          (chorus init creates one). Audiences and phrasebook: --audiences/--phrasebook, then
          CHORUS_AUDIENCES/CHORUS_PHRASEBOOK, then the workspace's settings, then the defaults
          installed beside the binary (PREFIX/share/chorus). Store: --store, CHORUS_STORE, the
          workspace's store, ./.chorus. chorus doctor shows what was found. Compiled
          phrasebooks: CHORUS_CACHE_DIR (off: none), else $XDG_CACHE_HOME/chorus, else
          ~/.cache/chorus; any edit to the phrasebook or a new build compiles afresh.

        EXIT STATUS:
          0   success; the input is clean
          1   the input was checked and has problems (error findings, validation problems)
          2   the command could not do what was asked (missing file, I/O error, journal
              conflict, unknown incident, an audience that does not apply)
          3   chorus pull: the approved text is stale
          64  usage error (unknown command, option or audience; missing argument)
          With --format json, errors are JSON on standard output: {"error": {...}}.

          See 'chorus help <subcommand>' for detailed help.

        """
        return text
    }

    static func row(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: labelWidth)
        var line = "  " + label
        if line.count + 2 > labelWidth {
            return line + "\n" + indent + help + "\n"
        }
        line += String(repeating: " ", count: labelWidth - line.count)
        return line + help + "\n"
    }
}
