import Foundation

/// The phrasebook: cue phrases, substitutions, patterns with conditions, exceptions, cadence
/// phrases, stock phrases and the organization's vocabulary, read from the line-oriented `.txt`
/// files of a folder (see `phrasebook/README.md`) and compiled into patterns indexed by the word
/// they start with, so matching cost does not grow with its size.
public struct Phrasebook: Sendable {
    /// Every matching entry, in file order (files sorted by name).
    public let entries: [PhrasebookEntry]
    /// Name parts that mark a `kebab-case` / `snake_case` / `camelCase` identifier as internal
    /// (`api`, `svc`, `worker`…), from `[identifier-parts]` sections.
    public let identifierParts: Set<String>
    /// Hostname labels that mark a host as internal (`internal`, `local`, `prod`…), from
    /// `[host-labels]` sections.
    public let hostLabels: Set<String>
    /// The files read, by the names given to the loader.
    public let files: [String]

    let compiled: [CompiledEntry]
    /// The compiled patterns, word classes and entry index the matcher runs.
    let program: MatchProgram
    /// Per entry: whether `--fix` may apply its single substitute (a plain term).
    let fixable: [Bool]
    /// Per fixable entry (a single substitute for a plain term): the term as `--fix` compares
    /// it with a match; nil for the others.
    let fixForms: [[UInt8]?]
    /// Per fixable entry: the substitute `--fix` writes; nil for the others.
    let fixSubstitutes: [String?]
    /// Per entry: its section's message, ready to render.
    let messages: [MessageTemplate]
    /// Per entry: its suggestions as a finding shows them (`a / b`), or nil.
    let suggestionTexts: [String?]

    /// The number of word classes (`[define NAME]` sections).
    var wordClassCount: Int { program.classes.count }

    /// Approved stock phrases, as written: never reported, and available to templates.
    public var stockPhrases: [String] { entries.filter { $0.kind == .stock }.map(\.phrase) }

    /// Reads every `*.txt` file of `directory` (sorted by name; `README.md` and other files are
    /// ignored). Problems name the file path, line and column; all are reported at once.
    ///
    /// `vocabulary` adds the organization's own files: each a phrasebook file, or a folder of
    /// them. A vocabulary file without any section header is a list of the team's product and
    /// brand names, one per line, read as an `[accept]` section: never jargon, never an internal
    /// name, never the party blamed.
    ///
    /// With a `cache`, the compiled phrasebook is read from it when the same files were compiled
    /// before by the same program, and kept in it otherwise (see `PhrasebookCache`).
    public static func load(from directory: URL, vocabulary: [URL] = [], cache: PhrasebookCache? = nil) throws(PhrasebookError) -> Phrasebook {
        let fileManager = FileManager.default
        let path = directory.path
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PhrasebookError(problems: [.init(file: path, line: 0, column: 0, message: "no phrasebook folder here")])
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            throw PhrasebookError(problems: [.init(file: path, line: 0, column: 0, message: "cannot list the folder: \(error.localizedDescription)")])
        }
        guard !names.isEmpty else {
            throw PhrasebookError(problems: [.init(file: path, line: 0, column: 0, message: "no phrasebook files (*.txt) in the folder")])
        }
        var files: [(name: String, text: String)] = []
        var problems: [PhrasebookError.Problem] = []
        var vocabularyFiles: [String] = []
        for url in vocabulary {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                problems.append(.init(file: url.path, line: 0, column: 0, message: "no vocabulary file or folder here"))
                continue
            }
            if isFolder.boolValue {
                let inside = (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []
                vocabularyFiles += inside.filter { $0.hasSuffix(".txt") }.sorted().map { url.appendingPathComponent($0).path }
            } else {
                vocabularyFiles.append(url.path)
            }
        }
        for filePath in names.map({ directory.appendingPathComponent($0).path }) + vocabularyFiles {
            guard let data = fileManager.contents(atPath: filePath) else {
                problems.append(.init(file: filePath, line: 0, column: 0, message: "cannot be read"))
                continue
            }
            guard let text = String(validating: Array(data), as: UTF8.self) else {
                problems.append(.init(file: filePath, line: 0, column: 0, message: "is not valid UTF-8 text"))
                continue
            }
            files.append((filePath, text))
        }
        guard problems.isEmpty else { throw PhrasebookError(problems: problems) }
        let vocabularySet = Set(vocabularyFiles)
        guard let cache else { return try parse(files, vocabulary: vocabularySet) }
        let key = cache.key(files: files, vocabulary: vocabularySet)
        if let compiled = cache.read(key: key) { return compiled }
        let phrasebook = try parse(files, vocabulary: vocabularySet)
        cache.write(phrasebook, key: key)
        return phrasebook
    }

    /// Compiles phrasebook files given as text (`name` is used in messages).
    /// Files named in `vocabulary` may list names without a section header: those lines are an
    /// `[accept]` section.
    public static func parse(_ files: [(name: String, text: String)], vocabulary: Set<String> = []) throws(PhrasebookError) -> Phrasebook {
        var sections: [ParsedSection] = []
        var problems: [PhrasebookError.Problem] = []
        for file in files {
            var parser = PhrasebookParser(file: file.name, implicitSection: vocabulary.contains(file.name) ? .accept : nil)
            parser.parse(file.text)
            problems += parser.problems
            sections += parser.sections.enumerated().filter { !parser.invalidSections.contains($0.offset) }.map(\.element)
        }
        var compiler = PhrasebookCompiler()
        compiler.compile(sections)
        problems += compiler.problems
        guard problems.isEmpty else {
            throw PhrasebookError(problems: problems.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) })
        }
        return Phrasebook(entries: compiler.entries, identifierParts: compiler.identifierParts,
                          hostLabels: compiler.hostLabels, files: files.map(\.name),
                          compiled: compiler.compiled, program: compiler.program, fixable: compiler.fixable)
    }

    /// A phrasebook from its compiled parts (compiled now, or read back from the cache); what
    /// the rules read per entry is derived here, the same way for both.
    init(entries: [PhrasebookEntry], identifierParts: Set<String>, hostLabels: Set<String>, files: [String],
         compiled: [CompiledEntry], program: MatchProgram, fixable: [Bool]) {
        self.entries = entries
        self.identifierParts = identifierParts
        self.hostLabels = hostLabels
        self.files = files
        self.compiled = compiled
        self.program = program
        self.fixable = fixable
        fixForms = zip(entries, fixable).map { $1 ? PhraseRuleSupport.normalized($0.phrase) : nil }
        fixSubstitutes = zip(entries, fixable).map { $1 ? $0.suggestions.first : nil }
        // A section's entries share its message: each distinct one is split once.
        var templates: [String: MessageTemplate] = [:]
        messages = entries.map { entry in
            let text = entry.message ?? "{match}"
            if let known = templates[text] { return known }
            let template = MessageTemplate(text)
            templates[text] = template
            return template
        }
        suggestionTexts = entries.map { $0.suggestions.isEmpty ? nil : $0.suggestions.joined(separator: " / ") }
    }

    /// The `phrasebook/` folder of the source checkout this library was built from. Tools that
    /// run from a checkout use it as the default; installed tools should pass a folder instead.
    public static var sourceCheckoutDirectory: URL {
        URL(fileURLWithPath: #filePath)            // …/Sources/ChorusLint/Phrasebook/Phrasebook.swift
            .deletingLastPathComponent()           // Phrasebook
            .deletingLastPathComponent()           // ChorusLint
            .deletingLastPathComponent()           // Sources
            .deletingLastPathComponent()           // package root
            .appendingPathComponent("phrasebook", isDirectory: true)
    }

    /// The phrasebook folder to use when none is given: `$CHORUS_PHRASEBOOK`, else a `phrasebook`
    /// folder in `directory` or one of its parents, else `sourceCheckoutDirectory`.
    public static func defaultDirectory(from directory: URL, environment: [String: String] = [:]) -> URL {
        if let configured = environment["CHORUS_PHRASEBOOK"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, relativeTo: directory).standardizedFileURL
        }
        var current = directory.standardizedFileURL
        for _ in 0..<16 {
            let candidate = current.appendingPathComponent("phrasebook", isDirectory: true)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return sourceCheckoutDirectory
    }
}
