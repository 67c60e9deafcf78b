import ChorusLint
import ChorusSupport
import Foundation

/// A problem in an audience folder, located as precisely as the file allows.
public struct AudienceProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition?
    public var path: JSONPath?
    public var message: String

    public var description: String {
        var text = file
        if let position { text += ":\(position.line):\(position.column)" }
        text += ": error: "
        if let path { text += "at \(path): " }
        return text + message
    }
}

/// Every audience loading problem found, not just the first.
public struct AudienceLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [AudienceProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The audiences in one folder: each subfolder with an `audience.json` is an audience. A folder
/// named `partials` holds templates shared by every audience.
public struct AudienceCatalog: Sendable {
    public static let definitionFileName = "audience.json"
    public static let sharedPartialsFolder = "partials"

    public var directory: URL
    /// Sorted by name.
    public var audiences: [Audience]

    public func audience(named name: String) -> Audience? { audiences.first { $0.name == name } }

    /// The audience named `name`, or an error that lists the known ones and the nearest.
    public func require(_ name: String) throws(AudienceLoadError) -> Audience {
        if let found = audience(named: name) { return found }
        var message = "unknown audience \"\(name)\"; known audiences: \(audiences.map(\.name).joined(separator: ", "))"
        if let near = NameSuggestion.closest(to: name, among: audiences.map(\.name)) {
            message += ". Did you mean \"\(near)\"?"
        }
        throw AudienceLoadError(problems: [AudienceProblem(file: directory.path, message: message)])
    }

    /// Loads every audience under `directory`, reporting every problem in every definition.
    public static func load(from directory: URL) throws(AudienceLoadError) -> AudienceCatalog {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AudienceLoadError(problems: [AudienceProblem(file: directory.path, message: "no audiences folder here: expected a folder with one subfolder per audience")])
        }
        let entries = ((try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        var audiences: [Audience] = []
        var problems: [AudienceProblem] = []
        for entry in entries where !entry.hasPrefix(".") {
            let folder = directory.appendingPathComponent(entry)
            if let problem = ConfinedPath.problem(folder.path, inside: directory.path) {
                problems.append(AudienceProblem(file: folder.path, message: "refused: \(problem)"))
                continue
            }
            guard entry != sharedPartialsFolder else { continue }
            guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let file = folder.appendingPathComponent(definitionFileName)
            guard fileManager.fileExists(atPath: file.path) else {
                problems.append(AudienceProblem(file: folder.path, message: "audience folder has no \(definitionFileName)"))
                continue
            }
            if let problem = ConfinedPath.problem(file.path, inside: directory.path) {
                problems.append(AudienceProblem(file: file.path, message: "refused: \(problem)"))
                continue
            }
            do {
                audiences.append(try loadDefinition(file, folderName: entry))
            } catch {
                problems += error.problems
            }
        }
        if audiences.isEmpty && problems.isEmpty {
            problems.append(AudienceProblem(file: directory.path, message: "no audiences found: expected subfolders with an \(definitionFileName)"))
        }
        guard problems.isEmpty else { throw AudienceLoadError(problems: problems) }
        return AudienceCatalog(directory: directory, audiences: audiences)
    }

    /// Loads one `audience.json`.
    public static func loadDefinition(_ file: URL, folderName: String) throws(AudienceLoadError) -> Audience {
        let display = file.path
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw AudienceLoadError(problems: [AudienceProblem(file: display, message: "cannot be read as UTF-8 text")])
        }
        return try parseDefinition(text, file: display, folder: file.deletingLastPathComponent(), folderName: folderName)
    }

    /// Parses the text of an `audience.json`.
    public static func parseDefinition(_ text: String, file: String, folder: URL, folderName: String) throws(AudienceLoadError) -> Audience {
        let node: JSONNode
        do { node = try JSONParser.parse(text) } catch {
            throw AudienceLoadError(problems: [AudienceProblem(file: file, position: error.position, message: error.message)])
        }
        var problems = SchemaChecker.check(node, against: .object(AudienceSchema.definition)).map {
            AudienceProblem(file: file, position: $0.position, path: $0.path, message: $0.message)
        }
        guard problems.isEmpty else { throw AudienceLoadError(problems: problems) }
        func problem(_ path: JSONPath, _ message: String) {
            problems.append(AudienceProblem(file: file, position: node.locate(path).position, path: path, message: message))
        }
        let name = node["name"]?.stringValue ?? ""
        if name != folderName {
            problem(JSONPath.root.appending("name"), "the name \"\(name)\" differs from its folder \"\(folderName)\"; they must match")
        }
        let format = OutputFormat(rawValue: node["format"]?.stringValue ?? "") ?? .text
        var formats = (node["formats"]?.elements ?? []).compactMap { OutputFormat(rawValue: $0.stringValue ?? "") }
        if node["formats"] == nil { formats = OutputFormat.allCases.filter { $0 != .statuspage } }
        if !formats.contains(format) {
            problem(JSONPath.root.appending("format"), "the default format \"\(format.rawValue)\" is not among \"formats\"")
        }
        var severities: [FindingCategory: ChorusLint.Severity] = [:]
        for member in node["policy"]?.members ?? [] {
            if let category = FindingCategory(rawValue: member.key), let severity = ChorusLint.Severity(rawValue: member.node.stringValue ?? "") {
                severities[category] = severity
            }
        }
        var ruleSeverities: [String: ChorusLint.Severity] = [:]
        for member in node["rules"]?.members ?? [] {
            if let severity = ChorusLint.Severity(rawValue: member.node.stringValue ?? "") { ruleSeverities[member.key] = severity }
        }
        var lengthLimit: Int?
        if case .number(let value, _) = node["lengthLimit"]?.value { lengthLimit = Int(exactly: value) } // range-checked by the schema
        let shows = Set((node["shows"]?.elements ?? []).compactMap { ViewField(rawValue: $0.stringValue ?? "") })
        let audience = Audience(
            name: name,
            description: node["description"]?.stringValue ?? "",
            audience: node["audience"]?.stringValue ?? "",
            channel: node["channel"]?.stringValue ?? "",
            defaultFormat: format,
            formats: formats,
            lengthLimit: lengthLimit,
            kinds: (node["appliesTo"]?["kinds"]?.elements ?? []).compactMap { IncidentKind(rawValue: $0.stringValue ?? "") },
            statuses: (node["appliesTo"]?["statuses"]?.elements ?? []).compactMap { IncidentStatus(rawValue: $0.stringValue ?? "") },
            shows: shows,
            policy: LintPolicy(severities: severities, allow: (node["allow"]?.elements ?? []).compactMap(\.stringValue),
                               lengthLimit: lengthLimit, rules: ruleSeverities),
            directory: folder,
            draftsBefore: { if case .bool(true)? = node["appliesTo"]?["draftsBefore"]?.value { return true }; return false }()
        )
        if audience.kinds.isEmpty {
            problem(JSONPath.root.appending("appliesTo").appending("kinds"), "an audience must apply to at least one kind: incident, maintenance or retrospective")
        }
        guard problems.isEmpty else { throw AudienceLoadError(problems: problems) }
        return audience
    }
}
