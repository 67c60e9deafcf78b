import ChorusCore
import Foundation

/// The repository the harnesses were built from: its shipped audiences and phrasebook.
public enum Repository {
    /// Tests/Fuzz/Sources/FuzzSupport/Repository.swift, five folders below the repository root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // FuzzSupport
        .deletingLastPathComponent() // Sources
        .deletingLastPathComponent() // Fuzz
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()
    public static let audiences = root.appendingPathComponent("audiences")
    public static let phrasebook = root.appendingPathComponent("phrasebook")

    /// The renderer for the shipped audiences and phrasebook, loaded once per process.
    public static let renderer: DraftRenderer? = try? DraftRenderer.load(audiences: audiences, phrasebook: phrasebook)

    /// A scratch folder for this process, for harnesses that need files; removed when the
    /// process exits (libFuzzer ends with exit(), also after a crash report it catches).
    public static let scratch: URL = {
        let url = scratchURL(pid: getpid())
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Repository.scratchURL(pid: getpid())) }
        return url
    }()

    static func scratchURL(pid: pid_t) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("chorus-fuzz-\(pid)")
    }
}

/// The input as text (invalid UTF-8 repaired, as a file read by Chorus would be refused or read).
public func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}
