import ChorusSupport
import Foundation

/// What an approval was checked with: fingerprints (SHA-256) of the audience's definition, its
/// templates and the phrasebook, recorded in every approval so anyone can later tell which
/// rules passed the text, and whether they were the team's configured ones.
public struct ApprovalCheck: Sendable, Codable, Equatable {
    /// The audience definition (`audience.json`): its lint policy, allow list, length limit
    /// and the fields it may show.
    public var policy: String
    /// The audience's templates and the shared partials, every `*.mustache` file.
    public var templates: String
    /// The phrasebook's files.
    public var phrasebook: String
    /// The organization's vocabulary files (names that are never jargon); nil when there was none.
    public var vocabulary: String?
    /// When the approval was checked with audiences or a phrasebook other than the configured
    /// ones (an option, an environment variable): where they came from and what differed.
    /// Such an approval is always an override.
    public var unconfigured: [String]?

    public init(policy: String, templates: String, phrasebook: String, vocabulary: String? = nil, unconfigured: [String]? = nil) {
        self.policy = policy
        self.templates = templates
        self.phrasebook = phrasebook
        self.vocabulary = vocabulary
        self.unconfigured = unconfigured
    }

    /// The fingerprints of `audience` (as loaded from `audiences`), of `phrasebook` and of the
    /// `vocabulary` files and folders (none: no vocabulary fingerprint).
    public static func fingerprint(of audience: Audience, audiences: URL, phrasebook: URL, vocabulary: [URL] = []) -> ApprovalCheck {
        let definition = audience.directory.appendingPathComponent(AudienceCatalog.definitionFileName)
        let templateFiles = FolderFingerprint.files(in: audience.directory, suffix: ".mustache", recursive: true)
            + FolderFingerprint.files(in: audiences.appendingPathComponent(AudienceCatalog.sharedPartialsFolder), suffix: ".mustache", recursive: true)
        return ApprovalCheck(
            policy: FolderFingerprint.hash([definition], relativeTo: audience.directory),
            templates: FolderFingerprint.hash(templateFiles, relativeTo: audiences),
            phrasebook: FolderFingerprint.hash(FolderFingerprint.files(in: phrasebook, suffix: ".txt", recursive: false), relativeTo: phrasebook),
            vocabulary: vocabularyFingerprint(vocabulary)
        )
    }

    /// The vocabulary's files as the phrasebook reads them (a file, or a folder's `.txt` files),
    /// their names and bytes; nil for no vocabulary.
    static func vocabularyFingerprint(_ vocabulary: [URL]) -> String? {
        guard !vocabulary.isEmpty else { return nil }
        let hashes = vocabulary.map { url in
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return FolderFingerprint.hash(FolderFingerprint.files(in: url, suffix: ".txt", recursive: false), relativeTo: url)
            }
            return FolderFingerprint.hash([url], relativeTo: url.deletingLastPathComponent())
        }
        return hashes.count == 1 ? hashes[0] : SHA256.hex(hashes.joined(separator: "\n"))
    }

    /// What differs from `other`, in words: "policy", "templates", "phrasebook", "vocabulary".
    public func differences(from other: ApprovalCheck) -> [String] {
        var names: [String] = []
        if policy != other.policy { names.append("policy") }
        if templates != other.templates { names.append("templates") }
        if phrasebook != other.phrasebook { names.append("phrasebook") }
        if vocabulary != other.vocabulary { names.append("vocabulary") }
        return names
    }
}

/// A fingerprint of a set of files: their paths (relative to a folder) and their bytes.
enum FolderFingerprint {
    /// The files under `folder` whose names end in `suffix`, sorted; hidden ones left out.
    static func files(in folder: URL, suffix: String, recursive: Bool) -> [URL] {
        let fileManager = FileManager.default
        var found: [URL] = []
        var folders = [folder]
        while let current = folders.popLast() {
            let names = (try? fileManager.contentsOfDirectory(atPath: current.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                let url = current.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if recursive { folders.append(url) }
                } else if name.hasSuffix(suffix) {
                    found.append(url)
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// SHA-256 over each file's path relative to `base`, its length and its bytes, in order.
    static func hash(_ files: [URL], relativeTo base: URL) -> String {
        var bytes: [UInt8] = []
        let prefix = base.standardizedFileURL.path + "/"
        for file in files {
            let path = file.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : file.lastPathComponent
            let content = FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? []
            bytes += Array("\(relative)\u{0}\(content.count)\u{0}".utf8) + content
        }
        return SHA256.hex(bytes)
    }
}
