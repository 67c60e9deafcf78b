import ChorusCore
import Foundation

/// Finds the audiences and phrasebook folders a command should use.
///
/// In order, the first that is given wins:
/// 1. the command-line option (`--audiences DIR`, `--phrasebook DIR`);
/// 2. the environment variable (`CHORUS_AUDIENCES`, `CHORUS_PHRASEBOOK`);
/// 3. the workspace's setting (`"audiences"`, `"phrasebook"` in `chorus.json`), relative to the
///    workspace folder;
/// 4. the installed defaults beside the executable: `PREFIX/share/chorus/<kind>` for
///    `PREFIX/bin/chorus` (symlinks resolved, so a link on `PATH` works); for a binary still in a
///    checkout's `.build/` folder, the checkout's own `<kind>/` folder.
///
/// The working directory plays no part: a command means the same thing wherever it is run.
enum ResourceLocator {
    enum Kind: String, CaseIterable {
        case audiences
        case phrasebook

        var environmentVariable: String { "CHORUS_\(rawValue.uppercased())" }
        var option: String { "--\(rawValue)" }
    }

    static let audiencesOption = OptionSpec.value("audiences", "dir", help: "The audiences folder (default: CHORUS_AUDIENCES, else the installed defaults).")
    static let phrasebookOption = OptionSpec.value("phrasebook", "dir", help: "The phrasebook folder (default: CHORUS_PHRASEBOOK, else the installed defaults).")
    static let vocabularyOption = OptionSpec.value(
        "vocabulary", "path",
        help: "The organization's vocabulary: a file (or folder of files) of product and brand names that are never jargon (default: CHORUS_VOCABULARY, else the workspace's).")
    /// The options of commands that render or lint.
    static let options = [audiencesOption, phrasebookOption, vocabularyOption]

    /// The organization's vocabulary files for this invocation: `--vocabulary`, else
    /// `CHORUS_VOCABULARY`, else the workspace's `"vocabulary"`, else none.
    static func vocabulary(in context: CommandContext) throws -> [URL] {
        try chosenVocabulary(in: context).files
    }

    /// The vocabulary for this invocation and, when an option or the environment chose it, which
    /// (`--vocabulary PATH`, `CHORUS_VOCABULARY=PATH`) for messages; nil when it is the configured one.
    static func chosenVocabulary(in context: CommandContext) throws -> (files: [URL], chosenBy: String?) {
        if let option = context.arguments.value("vocabulary") {
            let url = try existingPath(context.resolve(option), origin: "--vocabulary")
            return ([url], "--vocabulary \(url.path)")
        }
        if let value = context.environment["CHORUS_VOCABULARY"], !value.isEmpty {
            let url = try existingPath(context.resolve(value), origin: "CHORUS_VOCABULARY")
            return ([url], "CHORUS_VOCABULARY=\(url.path)")
        }
        return (try configuredVocabulary(in: context), nil)
    }

    /// The vocabulary the team configured: the workspace's `"vocabulary"`, else none; never an
    /// option or an environment variable. Approvals are checked against it.
    static func configuredVocabulary(in context: CommandContext) throws -> [URL] {
        if let workspace = try context.workspace(), let setting = workspace.config.vocabulary {
            let url = workspace.resolve(setting.value)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw CommandFailure("\(workspace.configFile.path):\(setting.position): error: at \(setting.path): the vocabulary \(url.path) does not exist; fix the path, or remove the setting")
            }
            return [url]
        }
        return []
    }

    private static func existingPath(_ path: String, origin: String) throws -> URL {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("\(origin): \(path) does not exist; expected a vocabulary file or a folder of them")
        }
        return URL(fileURLWithPath: path)
    }

    /// Where a folder was found, for messages and `chorus doctor`.
    enum Origin: Equatable, CustomStringConvertible {
        case option
        case environment
        case workspace
        case installed

        var description: String {
            switch self {
            case .option: return "command-line option"
            case .environment: return "environment"
            case .workspace: return "workspace"
            case .installed: return "installed defaults"
            }
        }
    }

    /// A folder and where it was found.
    struct Located: Equatable {
        var folder: URL
        var origin: Origin
    }

    static func locate(_ kind: Kind, option: String?, in context: CommandContext) throws -> URL {
        try lookup(kind, option: option, in: context).folder
    }

    /// The folder for `kind`, following the documented order, in the workspace that applies.
    static func lookup(_ kind: Kind, option: String?, in context: CommandContext) throws -> Located {
        try lookup(kind, option: option, in: context, workspace: try context.workspace())
    }

    /// The folder for `kind`, following the documented order, with `workspace` in third place
    /// (nil: skip it, as `chorus init` does when copying the defaults).
    static func lookup(_ kind: Kind, option: String?, in context: CommandContext, workspace: Workspace?) throws -> Located {
        if let option {
            return Located(folder: try existingFolder(context.resolve(option), kind: kind, origin: kind.option), origin: .option)
        }
        if let value = context.environment[kind.environmentVariable], !value.isEmpty {
            return Located(folder: try existingFolder(context.resolve(value), kind: kind, origin: kind.environmentVariable), origin: .environment)
        }
        return try configured(kind, in: context, workspace: workspace)
    }

    /// The folder the team configured for `kind`: the workspace's setting, else the installed
    /// defaults (steps 3 and 4 above), never an option or an environment variable. Approvals
    /// are checked against these, whatever the approver points at.
    static func configured(_ kind: Kind, in context: CommandContext) throws -> Located {
        try configured(kind, in: context, workspace: try context.workspace())
    }

    static func configured(_ kind: Kind, in context: CommandContext, workspace: Workspace?) throws -> Located {
        if let workspace, let setting = kind == .audiences ? workspace.config.audiences : workspace.config.phrasebook {
            let folder = workspace.resolve(setting.value)
            guard isFolder(folder) else {
                throw CommandFailure("\(workspace.configFile.path):\(setting.position): error: at \(setting.path): the \(kind.rawValue) folder \(folder.path) does not exist; fix the path, or remove the setting to use the installed defaults")
            }
            return Located(folder: folder, origin: .workspace)
        }
        let candidates = installedCandidates(kind, executable: context.executable)
        if let found = candidates.first(where: isFolder) {
            return Located(folder: found, origin: .installed)
        }
        var message = "no \(kind.rawValue) folder found: pass \(kind.option) DIR or set \(kind.environmentVariable)"
        if candidates.isEmpty {
            message += " (the location of the chorus executable is unknown, so its installed defaults cannot be found)"
        } else {
            message += ", or install chorus with its defaults (scripts/install.sh); looked for " + candidates.map(\.path).joined(separator: " and ")
        }
        throw CommandFailure(message)
    }

    /// Where the defaults shipped with `executable` would be: `PREFIX/share/chorus/<kind>` for
    /// `PREFIX/bin/chorus`, and, for a binary inside a checkout's `.build/`, the checkout's folder.
    static func installedCandidates(_ kind: Kind, executable: URL?) -> [URL] {
        guard let executable else { return [] }
        let binFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [
            binFolder.deletingLastPathComponent().appendingPathComponent("share/chorus").appendingPathComponent(kind.rawValue),
        ]
        let components = binFolder.pathComponents
        if let build = components.lastIndex(of: ".build"), build > 0 {
            let checkout = NSString.path(withComponents: Array(components[..<build]))
            let root = URL(fileURLWithPath: checkout)
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
                candidates.append(root.appendingPathComponent(kind.rawValue))
            }
        }
        return candidates
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func existingFolder(_ path: String, kind: Kind, origin: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        guard isFolder(url) else {
            throw CommandFailure("\(origin): \(path) is not a folder; expected the \(kind.rawValue) folder")
        }
        return url
    }
}
