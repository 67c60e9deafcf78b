#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Keeps what is read from the audiences folder inside it: a symbolic link that leads out of
/// the folder, or a hard link (a second name for a file that may live anywhere), is refused
/// before anything is read through it.
enum ConfinedPath {
    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why `path` may not be read as part of the folder `root`, or nil when it may: it resolves
    /// outside `root`, or it is a file with more than one name (a hard link).
    static func problem(_ path: String, inside root: String) -> String? {
        guard let resolvedRoot = realPath(root), let resolved = realPath(path) else { return nil } // missing: reported elsewhere
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        guard resolved == resolvedRoot || resolved.hasPrefix(prefix) else {
            return "it resolves to \(resolved), outside the audiences folder \(root); audiences, their templates and partials must live inside it (copy the file in instead of linking to it)"
        }
        var info = stat()
        if stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink > 1 {
            return "it is a hard link (the file has \(info.st_nlink) names), which may be a file outside the audiences folder; copy the file instead of linking it"
        }
        return nil
    }
}
