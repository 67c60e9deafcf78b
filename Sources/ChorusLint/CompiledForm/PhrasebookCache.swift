import ChorusSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of compiled phrasebooks, so a start does not parse and compile the phrasebook again
/// (about nine tenths of a short `chorus lint`).
///
/// A compiled phrasebook is found by a key: the SHA-256 of the compiled form's version, the
/// identity of the program that compiled it (its path, size and modification time, so a
/// rebuilt `chorus` never reads what an older build wrote), and the name and every byte of
/// every phrasebook and vocabulary file read. Any edit to any of them gives another key, so a
/// stale compiled form is never used. The file is the key it was written under, the compiled
/// form, and a checksum of the compiled form (64-bit FNV-1a: cheap, and enough to notice a
/// damaged file); a file whose key or checksum does not agree, or that cannot be read back
/// whole, is ignored and written again.
/// Writing is best-effort and atomic (a temporary file renamed into place, readable by its owner
/// only): a cache that cannot be written costs a compile, never an error. A folder that another
/// user owns or may write to is not used, and only regular files of a sane size are read.
public struct PhrasebookCache: Sendable {
    /// Where compiled phrasebooks are kept.
    public let directory: URL
    /// What identifies the program that compiles (see `executableIdentity()`).
    public let toolIdentity: String

    /// How many compiled phrasebooks the folder keeps; older ones are removed when a new one is written.
    static let kept = 16
    /// The largest file read as a compiled phrasebook (the shipped one is about 1.2 MB).
    static let largestFile = 64 << 20

    public init(directory: URL, toolIdentity: String) {
        self.directory = directory
        self.toolIdentity = toolIdentity
    }

    /// The cache of a command run with `environment`: `CHORUS_CACHE_DIR` (an absolute path; `off`
    /// turns the cache off), else `$XDG_CACHE_HOME/chorus`, else `$HOME/.cache/chorus`; nil when
    /// none is set (or not absolute) or the running program cannot be identified.
    public static func standard(environment: [String: String]) -> PhrasebookCache? {
        let directory: URL
        if let configured = environment["CHORUS_CACHE_DIR"], !configured.isEmpty {
            guard configured != "off", configured.hasPrefix("/") else { return nil }
            directory = URL(fileURLWithPath: configured, isDirectory: true)
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            directory = URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("chorus", isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directory = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/chorus", isDirectory: true)
        } else {
            return nil
        }
        guard let identity = executableIdentity() else { return nil }
        return PhrasebookCache(directory: directory, toolIdentity: identity)
    }

    /// The running program's path, device, inode, size, and modification and change times, or
    /// nil when they cannot be read. The change time is set by the system whenever the file is
    /// written or copied (tools that keep modification times cannot set it), so a rebuilt or
    /// replaced binary never reads what an older one wrote.
    public static func executableIdentity() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
        guard let path else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return [path, "\(info.st_dev)", "\(info.st_ino)", "\(info.st_size)", "\(modified.tv_sec).\(modified.tv_nsec)",
                "\(changed.tv_sec).\(changed.tv_nsec)"].joined(separator: "\n")
    }

    /// Whether the folder may be trusted: owned by this user and writable by nobody else.
    /// (A missing folder is fine: it is created with mode 0700.)
    func folderIsPrivate() -> Bool {
        guard let folder = FileOwnership.of(directory.path, followingLinks: false) else { return errno == ENOENT }
        return folder.isPrivateFolderOfCurrentUser
    }

    /// The key of a phrasebook made of `files` (name and text, in the order they are read),
    /// `vocabulary` naming the vocabulary files among them.
    func key(files: [(name: String, text: String)], vocabulary: Set<String>) -> [UInt8] {
        var input: [UInt8] = []
        func add(_ text: String) {
            let utf8 = Array(text.utf8)
            input += Array("\(utf8.count):".utf8)
            input += utf8
        }
        add("chorus phrasebook \(Phrasebook.compiledFormVersion)")
        add(toolIdentity)
        for file in files {
            add(vocabulary.contains(file.name) ? "vocabulary" : "phrasebook")
            add(file.name)
            add(file.text)
        }
        return SHA256.digest(input)
    }

    func file(for key: [UInt8]) -> URL {
        directory.appendingPathComponent("phrasebook-\(SHA256.hex(key)).bin")
    }

    /// The phrasebook compiled under `key`, if the folder holds it whole.
    func read(key: [UInt8]) -> Phrasebook? {
        let path = file(for: key).path
        var info = stat()
        // A regular file (not a link, a pipe or a device) of a sane size, in a private folder.
        guard folderIsPrivate(), lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_size <= PhrasebookCache.largestFile,
              let data = FileManager.default.contents(atPath: path), data.count <= PhrasebookCache.largestFile
        else { return nil }
        let bytes = [UInt8](data), checksumSize = 8
        guard bytes.count > key.count + checksumSize, Array(bytes.prefix(key.count)) == key else { return nil }
        let body = Array(bytes[key.count..<bytes.count - checksumSize])
        guard PhrasebookCache.checksum(body) == Array(bytes.suffix(checksumSize)) else { return nil }
        return Phrasebook(compiledForm: body)
    }

    /// Keeps `phrasebook` under `key`; failures are ignored (the next start compiles again).
    func write(_ phrasebook: Phrasebook, key: [UInt8]) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard folderIsPrivate() else { return }
            let target = file(for: key)
            let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max))")
            let body = phrasebook.compiledForm()
            guard fileManager.createFile(atPath: temporary.path, contents: Data(key + body + PhrasebookCache.checksum(body)),
                                         attributes: [.posixPermissions: 0o600])
            else { return }
            if rename(temporary.path, target.path) != 0 { try? fileManager.removeItem(at: temporary) }
            prune(keeping: target.lastPathComponent)
        } catch {
            return
        }
    }

    /// 64-bit FNV-1a of `bytes`, little-endian.
    static func checksum(_ bytes: [UInt8]) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return withUnsafeBytes(of: hash.littleEndian) { Array($0) }
    }

    /// Removes the oldest compiled phrasebooks beyond `kept`.
    private func prune(keeping newest: String) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else { return }
        // Temporary files a killed process left behind, after an hour.
        for name in names where name.hasPrefix(".phrasebook-") {
            let url = directory.appendingPathComponent(name)
            let date = (try? fileManager.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
            if let date, date.timeIntervalSinceNow < -3600 { try? fileManager.removeItem(at: url) }
        }
        let compiled = names.filter { $0.hasPrefix("phrasebook-") && $0.hasSuffix(".bin") && $0 != newest }
        guard compiled.count >= PhrasebookCache.kept else { return }
        let dated = compiled.map { name -> (name: String, date: Date) in
            let date = (try? fileManager.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.modificationDate]) as? Date
            return (name, date ?? .distantPast)
        }
        for old in dated.sorted(by: { $0.date < $1.date }).prefix(compiled.count - PhrasebookCache.kept + 1) {
            try? fileManager.removeItem(at: directory.appendingPathComponent(old.name))
        }
    }
}
