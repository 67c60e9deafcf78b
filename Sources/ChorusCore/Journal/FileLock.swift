#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An advisory lock on a file (`flock`), shared for readers and exclusive for writers. Locks are
/// held per open file, so two opens in one process exclude each other just as two processes do.
final class FileLock {
    private let descriptor: Int32

    enum Mode { case shared, exclusive }

    struct LockError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot lock \(path): \(reason)" }
    }

    convenience init(path: String, mode: Mode) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LockError(path: path, reason: String(cString: strerror(errno))) }
        try self.init(descriptor: fd, mode: mode, path: path)
    }

    private init(descriptor fd: Int32, mode: Mode, path: String) throws {
        while flock(fd, mode == .shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw LockError(path: path, reason: reason)
        }
        descriptor = fd
    }

    /// The readers' (shared) lock. Opens the lock file read-only, so a store a reader may not
    /// write to (read-only mount, another user's files) can still be read; creates it when
    /// missing and allowed. Returns nil when there is no lock file and none can be created:
    /// then nobody can write here either, and the reader goes ahead without a lock.
    static func forReading(path: String) throws -> FileLock? {
        var fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else {
            if [EROFS, EACCES, EPERM, ENOENT].contains(errno) { return nil }
            throw LockError(path: path, reason: String(cString: strerror(errno)))
        }
        return try FileLock(descriptor: fd, mode: .shared, path: path)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Low-level file writes with the durability the journal promises.
enum DurableFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    /// Appends `bytes` to `path` and syncs them to disk before returning (and the folder, when
    /// the file is new). A write that fails part-way is cut back off, so no partial line stays.
    static func append(_ bytes: [UInt8], to path: String) throws {
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        let originalSize = fstat(fd, &info) == 0 ? info.st_size : -1
        do {
            try writeAll(fd, bytes, path: path)
        } catch {
            if originalSize >= 0 { _ = ftruncate(fd, originalSize) }
            throw error
        }
        guard fsync(fd) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        if !existed { syncFolder(of: path) }
    }

    /// Creates `folder` (and its parents) and syncs the parent, so the new folder survives a crash.
    static func createFolder(_ folder: URL) throws {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        syncFolder(of: folder.path)
    }

    /// Replaces `path` atomically: writes a temporary file, syncs it (unless `sync` is false),
    /// renames it over `path`, and syncs the folder (likewise). Without syncing, a crash can
    /// leave the old file or an empty one, never a mix: right for a cache such as the checkpoint,
    /// which is rebuilt when missing or unreadable.
    static func replace(_ path: String, with bytes: [UInt8], sync: Bool = true) throws {
        // Readers holding the shared lock may save a checkpoint at the same time: each writes
        // its own temporary file, and the last rename wins (they hold the same content).
        let temporary = path + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        do {
            try writeAll(fd, bytes, path: temporary)
            guard !sync || fsync(fd) == 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        if sync { syncFolder(of: path) }
    }

    /// Truncates `path` to `length` bytes and syncs.
    static func truncate(_ path: String, to length: Int) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// The file's size in bytes, or nil when it does not exist.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The file's identity and last change: device, inode, size and modification time. Any
    /// write to the file, or replacing it, changes it.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// Reads `length` bytes from `offset` (fewer at the end of the file).
    static func read(_ path: String, from offset: Int = 0) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset))
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            return nil
        }
    }
}
