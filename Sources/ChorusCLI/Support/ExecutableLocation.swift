import Foundation

/// Where the running `chorus` executable really is, so it can find the defaults installed
/// beside it whatever directory it runs from and however it was started (`chorus` found on
/// `PATH`, a relative path, a symlink in `/usr/local/bin`).
enum ExecutableLocation {
    /// The running executable's path with symlinks resolved, or nil when the system cannot say.
    static func current() -> URL? {
        #if os(Linux)
        // argv[0] may be a bare name found on PATH; the kernel knows the real file.
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        if let url = Bundle.main.executableURL {
            return url.resolvingSymlinksInPath()
        }
        return nil
    }
}
