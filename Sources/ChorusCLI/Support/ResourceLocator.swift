import Foundation

/// Finds the audiences and phrasebook folders a command should use.
///
/// In order: the command-line option, the environment variable (`CHORUS_AUDIENCES`,
/// `CHORUS_PHRASEBOOK`), the folder of that name in the working directory or any parent, and
/// last the folder shipped beside the `chorus` executable's package (so `swift run chorus` and a
/// built binary both work from anywhere inside a checkout).
enum ResourceLocator {
    enum Kind: String {
        case audiences
        case phrasebook

        var environmentVariable: String { "CHORUS_\(rawValue.uppercased())" }
        var option: String { "--\(rawValue)" }
    }

    static let audiencesOption = OptionSpec.value("audiences", "dir", help: "The audiences folder (default: ./audiences, or CHORUS_AUDIENCES).")
    static let phrasebookOption = OptionSpec.value("phrasebook", "dir", help: "The phrasebook folder (default: ./phrasebook, or CHORUS_PHRASEBOOK).")
    /// The options of commands that render or lint.
    static let options = [audiencesOption, phrasebookOption]

    static func locate(_ kind: Kind, option: String?, in context: CommandContext) throws -> URL {
        if let option {
            return try existingFolder(context.resolve(option), kind: kind, origin: kind.option)
        }
        if let value = context.environment[kind.environmentVariable], !value.isEmpty {
            return try existingFolder(context.resolve(value), kind: kind, origin: kind.environmentVariable)
        }
        var starts = [URL(fileURLWithPath: context.currentDirectory)]
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        starts.append(executable.deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: #filePath))
        for start in starts {
            var folder = start
            for _ in 0..<10 {
                let candidate = folder.appendingPathComponent(kind.rawValue)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw CommandFailure("no \(kind.rawValue) folder found: pass \(kind.option) DIR or set \(kind.environmentVariable)")
    }

    private static func existingFolder(_ path: String, kind: Kind, origin: String) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(origin): \(path) is not a folder; expected the \(kind.rawValue) folder")
        }
        return URL(fileURLWithPath: path)
    }
}
