import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads `NAME.mustache` from one or more root folders, the first root that has it winning
/// (an audience's own folder first, then a shared partials folder, say).
///
/// Names are plain relative paths: `header`, `shared/footer`. A name that is empty, absolute,
/// has a `..`, `.` or empty component, or a backslash, is refused before anything is touched;
/// a file that resolves (through symbolic links) outside its root is refused without reading it.
public struct FileSystemTemplateLoader: TemplateLoader {
    /// The folders as given, and as resolved (symbolic links followed) for containment checks.
    public let roots: [String]
    private let resolvedRoots: [String?]
    public let fileExtension: String

    /// `roots` are folder paths, absolute or relative to the working directory.
    public init(roots: [String], fileExtension: String = "mustache") {
        self.roots = roots
        self.resolvedRoots = roots.map(FileSystemTemplateLoader.realPath)
        self.fileExtension = fileExtension
    }

    /// `roots` as file URLs.
    public init(roots: [URL], fileExtension: String = "mustache") {
        self.init(roots: roots.map(\.path), fileExtension: fileExtension)
    }

    public func source(named name: String) throws(TemplateLoadError) -> TemplateSource? {
        try FileSystemTemplateLoader.validate(name)
        let relative = name + "." + fileExtension
        for (root, resolvedRoot) in zip(roots, resolvedRoots) {
            guard let resolvedRoot else { continue }
            let candidate = resolvedRoot + "/" + relative
            guard let resolved = FileSystemTemplateLoader.realPath(candidate) else {
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)) != nil {
                    throw TemplateLoadError(name: name, reason: .forbidden("\(candidate) is a symbolic link to nothing"))
                }
                continue
            }
            let rootPrefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
            guard resolved.hasPrefix(rootPrefix) else {
                throw TemplateLoadError(name: name, reason: .forbidden("it resolves to \(resolved), outside the template folder \(root)"))
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw TemplateLoadError(name: name, reason: .unreadable("\(resolved) is a folder, not a file"))
            }
            var info = stat()
            if stat(resolved, &info) == 0, info.st_nlink > 1 {
                throw TemplateLoadError(name: name, reason: .forbidden("\(resolved) is a hard link (the file has \(info.st_nlink) names), which may be a file outside the template folder \(root); copy the file instead of linking it"))
            }
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw TemplateLoadError(name: name, reason: .unreadable("\(resolved) cannot be read (permission denied?)"))
            }
            guard let text = String(bytes: data, encoding: .utf8) else {
                throw TemplateLoadError(name: name, reason: .unreadable("\(resolved) is not valid UTF-8 text"))
            }
            let display = root.hasSuffix("/") ? root + relative : root + "/" + relative
            return TemplateSource(name: display, text: text)
        }
        return nil
    }

    /// Refuses names that could leave the root, before any file system access.
    static func validate(_ name: String) throws(TemplateLoadError) {
        func refuse(_ why: String) -> TemplateLoadError { TemplateLoadError(name: name, reason: .forbidden(why)) }
        if name.isEmpty { throw refuse("the name is empty") }
        if name.hasPrefix("/") || name.hasPrefix("~") { throw refuse("absolute paths are not allowed; use a name relative to the template folder") }
        if name.contains("\\") { throw refuse("backslashes are not allowed; separate folders with '/'") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { throw refuse("control characters are not allowed") }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "..": throw refuse("'..' is not allowed: partials must stay inside the template folder")
            case ".": throw refuse("'.' components are not allowed")
            case "": throw refuse("empty path components ('//' or a trailing '/') are not allowed")
            default: continue
            }
        }
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
