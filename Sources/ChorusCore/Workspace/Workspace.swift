import ChorusSupport
import Foundation

/// A team workspace: a folder holding `chorus.json` (store, time zone, status page, vocabulary,
/// customized audiences and phrasebook, board, publishing destinations).
///
/// Commands find it as git finds a repository: `CHORUS_WORKSPACE` (the folder, or its
/// `chorus.json`), else the nearest folder holding `chorus.json` from the working directory up.
public struct Workspace: Sendable {
    public static let configFileName = "chorus.json"
    public static let environmentVariable = "CHORUS_WORKSPACE"
    /// The store folder when the config names none.
    public static let defaultStore = ".chorus"
    /// How long resolved incidents stay on the board's index when the config does not say.
    public static let defaultRecentDays = 14

    /// The folder holding `chorus.json`; relative paths in the config are relative to it.
    public var root: URL
    public var configFile: URL
    public var config: WorkspaceConfig

    public init(root: URL, config: WorkspaceConfig) {
        self.root = root
        self.configFile = root.appendingPathComponent(Workspace.configFileName)
        self.config = config
    }

    /// `path` from the config made absolute against the workspace folder.
    public func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return root.appendingPathComponent(path).standardizedFileURL
    }

    /// The store folder: the config's `store`, else `.chorus` in the workspace.
    public var store: URL { resolve(config.store?.value ?? Workspace.defaultStore) }
    public var audiences: URL? { config.audiences.map { resolve($0.value) } }
    public var phrasebook: URL? { config.phrasebook.map { resolve($0.value) } }
    public var vocabulary: URL? { config.vocabulary.map { resolve($0.value) } }
    /// Where the board is written; when set, every write regenerates it.
    public var boardOutput: URL? { config.boardOut.map { resolve($0.value) } }
    public var timeZone: TimeZone? { config.timeZone.flatMap { TimeZone(identifier: $0.value) } }

    /// Loads the workspace whose config file is `configFile`.
    public static func load(configFile: URL) throws(WorkspaceError) -> Workspace {
        let (workspace, problems) = read(configFile: configFile)
        guard problems.isEmpty else { throw WorkspaceError(problems: problems) }
        return workspace
    }

    /// The workspace as far as its config can be read, and every problem with it.
    public static func read(configFile: URL) -> (workspace: Workspace, problems: [WorkspaceProblem]) {
        let file = configFile.path
        let root = configFile.deletingLastPathComponent().standardizedFileURL
        guard let data = FileManager.default.contents(atPath: file) else {
            return (Workspace(root: root, config: WorkspaceConfig()),
                    [WorkspaceProblem(file: file, message: "cannot be read; check that it exists and that you may read it")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (Workspace(root: root, config: WorkspaceConfig()), [WorkspaceProblem(file: file, message: "is not UTF-8 text")])
        }
        let (config, problems) = WorkspaceConfig.read(text, file: file)
        return (Workspace(root: root, config: config), problems)
    }

    /// The workspace that applies in `currentDirectory`, or nil when there is none.
    ///
    /// `CHORUS_WORKSPACE` (a folder or its `chorus.json`; relative to `currentDirectory`) wins;
    /// otherwise the nearest trusted folder at or above `currentDirectory` holding `chorus.json`
    /// (see `lookup`: an untrusted one is passed over).
    public static func discover(currentDirectory: String, environment: [String: String]) throws(WorkspaceError) -> Workspace? {
        guard let file = try locateConfig(currentDirectory: currentDirectory, environment: environment) else { return nil }
        return try load(configFile: file)
    }

    /// The `chorus.json` that applies, without reading it.
    public static func locateConfig(currentDirectory: String, environment: [String: String]) throws(WorkspaceError) -> URL? {
        try lookup(currentDirectory: currentDirectory, environment: environment).configFile
    }

    /// A `chorus.json` found by walking up that is not used, and why.
    public struct Untrusted: Sendable, Equatable, CustomStringConvertible {
        public var configFile: URL
        /// Why: who owns it, or which folder others may write.
        public var reason: String

        /// The note commands print: what was ignored, why, and how to use it anyway.
        public var description: String {
            "ignoring \(configFile.path): \(reason); a workspace found by walking up must be owned by you or root and sit in folders only its owners may write. If you trust it, use it explicitly: \(Workspace.environmentVariable)=\(configFile.deletingLastPathComponent().path)"
        }
    }

    /// What the lookup found: the config file that applies (or none) and the untrusted ones
    /// passed over on the way up.
    public struct Lookup: Sendable, Equatable {
        public var configFile: URL?
        public var ignored: [Untrusted]
    }

    /// The `chorus.json` that applies, as git finds a repository, and those passed over.
    ///
    /// `CHORUS_WORKSPACE`, when set, names it and is used as it is: the person chose it. Walking
    /// up from `currentDirectory`, a `chorus.json` is used only when it (and a link to it) is
    /// owned by this user or root and writable by no one else, its folder is owned by this user
    /// or root, and neither that folder nor any folder between it and `currentDirectory` may be
    /// written by others (`/tmp`, a shared folder): anyone could have put it there, and it names
    /// the store, the audiences and lint policy, and the commands `publish --send` runs. Such a
    /// file is passed over (listed in `ignored`) and the walk goes on up.
    public static func lookup(currentDirectory: String, environment: [String: String]) throws(WorkspaceError) -> Lookup {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if let named = environment[environmentVariable], !named.isEmpty {
            let path = named.hasPrefix("/") ? named : URL(fileURLWithPath: currentDirectory).appendingPathComponent(named).path
            let url = URL(fileURLWithPath: path).standardizedFileURL
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw WorkspaceError(file: url.path, message: "\(environmentVariable) names this, but it does not exist; create a workspace with chorus init \(url.path)")
            }
            let config = isDirectory.boolValue ? url.appendingPathComponent(configFileName) : url
            guard fileManager.fileExists(atPath: config.path) else {
                throw WorkspaceError(file: url.path, message: "\(environmentVariable) names this folder, but it holds no \(configFileName); create one with chorus init \(url.path)")
            }
            return Lookup(configFile: config, ignored: [])
        }
        let start = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        var folder = start
        var ignored: [Untrusted] = []
        while true {
            let candidate = folder.appendingPathComponent(configFileName)
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                guard let reason = distrust(configFile: candidate, below: start) else {
                    return Lookup(configFile: candidate, ignored: ignored)
                }
                ignored.append(Untrusted(configFile: candidate, reason: reason))
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path || folder.path == "/" { return Lookup(configFile: nil, ignored: ignored) }
            folder = parent
        }
    }

    /// Why `configFile`, found by walking up from `currentDirectory`, is not to be trusted, or nil.
    static func distrust(configFile: URL, below currentDirectory: URL) -> String? {
        func owner(_ info: FileOwnership) -> String {
            "user id \(info.owner)" + (FileOwnership.currentUser == 0 ? "" : ", not you (\(FileOwnership.currentUser))")
        }
        let path = configFile.path
        guard let link = FileOwnership.of(path, followingLinks: false), let file = FileOwnership.of(path, followingLinks: true) else {
            return "its owner cannot be read"
        }
        if !link.isOwnedByCurrentUserOrRoot { return "it is owned by another user (\(owner(link)))" }
        if !file.isOwnedByCurrentUserOrRoot { return "the file it links to is owned by another user (\(owner(file)))" }
        if file.isWritableByOthers { return "other users may write it (mode \(file.octalPermissions))" }
        let root = configFile.deletingLastPathComponent()
        guard let rootInfo = FileOwnership.of(root.path, followingLinks: true) else { return "its folder's owner cannot be read" }
        if !rootInfo.isOwnedByCurrentUserOrRoot { return "its folder is owned by another user (\(owner(rootInfo)))" }
        // The workspace folder and every folder from it down to the working directory.
        var folder = currentDirectory
        while true {
            if let info = FileOwnership.of(folder.path, followingLinks: true), info.isWritableByOthers {
                return folder.path == root.path ? "its folder may be written by other users (mode \(info.octalPermissions))"
                    : "\(folder.path), between it and the working directory, may be written by other users (mode \(info.octalPermissions))"
            }
            if folder.path == root.path || folder.path == "/" { return nil }
            folder = folder.deletingLastPathComponent()
        }
    }
}
