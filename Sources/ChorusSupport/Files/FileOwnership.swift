import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who owns a file or folder and who may write it: what decides whether Chorus trusts what it
/// finds there (its cache folder, a `chorus.json` found by walking up), as git's
/// `safe.directory` does for repositories.
public struct FileOwnership: Sendable, Equatable {
    /// The owner's user id.
    public var owner: UInt32
    /// The permission bits (and the sticky, setuid and setgid bits).
    public var permissions: UInt32
    public var isDirectory: Bool
    public var isRegularFile: Bool
    public var isSymbolicLink: Bool

    /// The owner and mode of `path`, of the link itself when `followingLinks` is false; nil when
    /// it cannot be read (`errno` then says why: `ENOENT` for a missing one).
    public static func of(_ path: String, followingLinks: Bool) -> FileOwnership? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return FileOwnership(owner: UInt32(info.st_uid), permissions: UInt32(info.st_mode & 0o7777),
                             isDirectory: type == S_IFDIR, isRegularFile: type == S_IFREG, isSymbolicLink: type == S_IFLNK)
    }

    /// The user this process runs as.
    public static var currentUser: UInt32 { UInt32(getuid()) }

    /// Owned by the user this process runs as.
    public var isOwnedByCurrentUser: Bool { owner == FileOwnership.currentUser }
    /// Owned by this user or by root (the system's own files: installed defaults, `/etc`).
    public var isOwnedByCurrentUserOrRoot: Bool { isOwnedByCurrentUser || owner == 0 }
    /// Any user may write it (the `o+w` bit, with or without the sticky bit).
    public var isWritableByOthers: Bool { permissions & 0o002 != 0 }
    /// Its group may write it (`g+w`).
    public var isWritableByGroup: Bool { permissions & 0o020 != 0 }
    /// A folder only its owner may change: owned by this user, writable by no group and nobody else.
    public var isPrivateFolderOfCurrentUser: Bool {
        isDirectory && isOwnedByCurrentUser && !isWritableByGroup && !isWritableByOthers
    }

    /// The mode as `ls` people read it in messages: `0777`, `1777`.
    public var octalPermissions: String {
        let digits = String(permissions, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
