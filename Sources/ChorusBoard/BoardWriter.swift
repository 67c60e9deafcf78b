import ChorusCore
import ChorusSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the board could not be written.
public struct BoardError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What one write of the board did.
public struct BoardWriteResult: Sendable, Equatable {
    /// Pages written, by path inside the folder.
    public var written: [String]
    /// Pages removed because their incident is no longer in the store.
    public var removed: [String]
    /// Incidents left out because their journal could not be read, with the reason.
    public var unreadable: [String] = []
    /// False when the board was already up to date and nothing was written.
    public var changed: Bool { !written.isEmpty || !removed.isEmpty }
}

/// Writes the board into a folder and keeps it in step with the store.
///
/// The folder holds the pages and `.chorus-board.json`, the manifest: which pages the board
/// wrote and the size of each journal it read. Under an exclusive lock (`.chorus-board.lock`),
/// a write reads the store afresh, writes the index, the page of every open incident (whose
/// "next update" standing moves with the clock) and of every incident whose journal changed,
/// each file atomically, and removes only pages the manifest lists. So two writers never leave
/// the board older than the journal, and files the board did not write are never touched.
public struct BoardWriter: Sendable {
    public static let manifestName = ".chorus-board.json"
    static let lockName = ".chorus-board.lock"
    static let manifestFormat = 1

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Each incident's journal size: what the board records and compares.
    public static func fingerprint(_ store: JournalStore) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for id in store.incidentIDs() {
            guard let journal = try? store.journal(for: id) else { continue }
            let path = journal.folder.appendingPathComponent("journal.jsonl").path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            sizes[id] = size
        }
        return sizes
    }

    /// Whether the store changed since the board was last written (or it never was).
    public func isBehind(_ store: JournalStore, generator: String) -> Bool {
        guard let manifest = readManifest() else { return true }
        return manifest.generator != generator || manifest.journals != Self.fingerprint(store)
    }

    /// Writes the board from `store`. With `onlyIfBehind`, does nothing when the manifest says
    /// the board already reflects every journal.
    public func write(store: JournalStore, audiences: [Audience], settings: BoardSettings,
                      onlyIfBehind: Bool = false) throws(BoardError) -> BoardWriteResult {
        try prepareFolder()
        let lock = try Lock(path: folder.appendingPathComponent(Self.lockName).path)
        defer { lock.release() }
        let previous = readManifest()
        let fingerprint = Self.fingerprint(store)
        if onlyIfBehind, let previous, previous.generator == settings.generator, previous.journals == fingerprint {
            return BoardWriteResult(written: [], removed: [])
        }
        var incidents: [BoardIncident] = []
        var written: [String] = []
        var unreadable: [String] = []
        for id in store.incidentIDs() {
            let journal: IncidentJournal
            let snapshot: JournalSnapshot
            do {
                journal = try store.journal(for: id)
                snapshot = try journal.snapshot().snapshot
            } catch {
                unreadable.append("\(id): \(error)")
                continue
            }
            let unchanged = previous?.generator == settings.generator && previous?.journals[id] == fingerprint[id]
                && previous?.pages.contains("incidents/\(id).html") == true
            let isOpen = snapshot.state?.status.isOpen ?? false
            var incident = BoardIncident(snapshot: snapshot, publications: [])
            if !unchanged || isOpen {
                incident = BoardIncident(snapshot: snapshot, entries: (try? journal.entries()) ?? [])
                if let html = BoardSite.page(incident, audiences: audiences, settings: settings) {
                    try writeFile(incident.pagePath, html)
                    written.append(incident.pagePath)
                }
            }
            incidents.append(incident)
        }
        try writeFile("index.html", BoardSite.index(incidents, audiences: audiences, settings: settings))
        written.append("index.html")
        let pages = Set(incidents.filter { $0.snapshot.state != nil }.map(\.pagePath) + ["index.html"])
        var removed: [String] = []
        for page in (previous?.pages ?? []).sorted() where !pages.contains(page) {
            // Only names the board itself writes are ever removed.
            guard page.hasPrefix("incidents/"), page.hasSuffix(".html"), !page.contains(".."),
                  JournalStore.isValidID(String(page.dropFirst("incidents/".count).dropLast(".html".count))) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(page))
            removed.append(page)
        }
        let manifest = Manifest(generator: settings.generator, journals: fingerprint, pages: pages.sorted())
        try writeFile(Self.manifestName, manifest.json)
        return BoardWriteResult(written: written, removed: removed, unreadable: unreadable)
    }

    /// Why the board cannot be written into its folder (a file is there, or a folder of other
    /// files), or nil when it can: the board never writes its pages over a folder of other files.
    public var folderProblem: String? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return "\(folder.path) is a file; the board needs a folder" }
        let contents = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        let ours: Set<String> = [Self.manifestName, Self.lockName]
        if !contents.isEmpty, !contents.contains(Self.manifestName), !contents.allSatisfy(ours.contains) {
            return "\(folder.path) is not empty and holds no board (\(Self.manifestName)); choose an empty or new folder so no other file is overwritten"
        }
        return nil
    }

    /// Creates the folder, or checks that an existing one is a board (or empty).
    private func prepareFolder() throws(BoardError) {
        if let problem = folderProblem { throw BoardError(problem) }
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("incidents"), withIntermediateDirectories: true)
        } catch {
            throw BoardError("cannot create the board folder \(folder.path): \(error.localizedDescription)")
        }
    }

    /// Writes beside the target and renames, so a reader never sees half a page.
    private func writeFile(_ path: String, _ text: String) throws(BoardError) {
        let target = folder.appendingPathComponent(path)
        do {
            try Data(text.utf8).write(to: target, options: .atomic)
        } catch {
            throw BoardError("cannot write \(target.path): \(error.localizedDescription)")
        }
    }

    private func readManifest() -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.manifestName).path),
              let node = try? JSONParser.parse(String(decoding: data, as: UTF8.self)) else { return nil }
        return Manifest(node)
    }

    /// `.chorus-board.json`.
    struct Manifest: Equatable {
        var generator: String
        var journals: [String: Int]
        var pages: [String]

        init(generator: String, journals: [String: Int], pages: [String]) {
            self.generator = generator
            self.journals = journals
            self.pages = pages
        }

        init?(_ node: JSONNode) {
            guard node["format"].flatMap({ if case .number(let n, _) = $0.value { return Int(exactly: n) } else { return nil } }) == BoardWriter.manifestFormat,
                  let generator = node["generator"]?.stringValue, let journals = node["journals"]?.members,
                  let pages = node["pages"]?.elements else { return nil }
            self.generator = generator
            var sizes: [String: Int] = [:]
            for member in journals {
                if case .number(let n, _) = member.node.value, let size = Int(exactly: n) { sizes[member.key] = size }
            }
            self.journals = sizes
            self.pages = pages.compactMap(\.stringValue)
        }

        var json: String {
            JSONOutput.object([
                ("format", .int(BoardWriter.manifestFormat)),
                ("generator", .string(generator)),
                ("journals", .sortedObject(journals.mapValues { .int($0) })),
                ("pages", .array(pages.map { .string($0) })),
            ]).rendered() + "\n"
        }
    }

    /// An exclusive `flock` on a file in the board folder, for the length of one write.
    final class Lock {
        private let descriptor: Int32

        init(path: String) throws(BoardError) {
            descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw BoardError("cannot open \(path) to lock the board: \(String(cString: strerror(errno)))") }
            while flock(descriptor, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw BoardError("cannot lock the board (\(path)): \(reason)")
            }
        }

        func release() {
            close(descriptor)
        }
    }
}
