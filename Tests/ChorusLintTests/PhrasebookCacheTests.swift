@testable import ChorusLint
import Foundation
import Testing

/// The compiled-phrasebook cache: a second start reads what the first compiled, any edit to
/// the phrasebook (or another program) gets a fresh compile, and a damaged or unwritable cache
/// costs a compile, never an error or a wrong result.
@Suite("Phrasebook cache")
struct PhrasebookCacheTests {
    static let policy = LintPolicy(severities: [.speculation: .error])
    static let speculation = """
        [existence speculation]
        message: "{match}" is speculation
        probably
        likely

        """

    /// A phrasebook folder and a cache folder inside one scratch folder, removed afterwards.
    struct Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-phrasebook-cache-\(UUID().uuidString)")
        var phrasebook: URL { root.appendingPathComponent("phrasebook") }
        var cacheFolder: URL { root.appendingPathComponent("cache") }

        init(_ text: String = PhrasebookCacheTests.speculation) throws {
            try FileManager.default.createDirectory(at: phrasebook, withIntermediateDirectories: true)
            try write(text)
        }

        func write(_ text: String) throws {
            try text.write(to: phrasebook.appendingPathComponent("speculation.txt"), atomically: true, encoding: .utf8)
        }

        func cache(identity: String = "test build") -> PhrasebookCache {
            PhrasebookCache(directory: cacheFolder, toolIdentity: identity)
        }

        var cached: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func matches(_ text: String, _ phrasebook: Phrasebook) -> [String] {
        Linter(phrasebook: phrasebook).lint(text, policy: policy).map(\.match)
    }

    static func key(_ scratch: Scratch, _ cache: PhrasebookCache) throws -> [UInt8] {
        let file = scratch.phrasebook.appendingPathComponent("speculation.txt").path
        return cache.key(files: [(file, try String(contentsOfFile: file, encoding: .utf8))], vocabulary: [])
    }

    /// Loads the scratch phrasebook once through a fresh cache: the cache, the key and the file
    /// its compiled form was written to.
    static func compiledOnce(_ scratch: Scratch) throws -> (cache: PhrasebookCache, key: [UInt8], file: URL) {
        let cache = scratch.cache()
        _ = try Phrasebook.load(from: scratch.phrasebook, cache: cache)
        let key = try key(scratch, cache)
        return (cache, key, cache.file(for: key))
    }

    @Test func aSecondLoadReadsWhatTheFirstCompiled() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = scratch.cache()
        let first = try Phrasebook.load(from: scratch.phrasebook, cache: cache)
        #expect(scratch.cached.count == 1)
        let stored = cache.read(key: try Self.key(scratch, cache))
        #expect(stored?.entries == first.entries, "the cache holds the compiled phrasebook under its key")
        let second = try Phrasebook.load(from: scratch.phrasebook, cache: cache)
        #expect(Self.matches("It is probably the cache and likely fixed.", second) == ["probably", "likely"])
        #expect(scratch.cached.count == 1, "nothing new written")
    }

    @Test func anEditedPhrasebookIsNeverReadFromAStaleCache() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = scratch.cache()
        let before = try Phrasebook.load(from: scratch.phrasebook, cache: cache)
        #expect(Self.matches("It is presumably fine.", before).isEmpty)
        try scratch.write(Self.speculation + "presumably\n")
        let after = try Phrasebook.load(from: scratch.phrasebook, cache: cache)
        #expect(Self.matches("It is presumably fine.", after) == ["presumably"])
        // Back to the first text: its compiled form is still there and still right.
        try scratch.write(Self.speculation)
        #expect(Self.matches("It is presumably fine.", try Phrasebook.load(from: scratch.phrasebook, cache: cache)).isEmpty)
        #expect(scratch.cached.count == 2)
    }

    @Test func anotherBuildOfTheProgramComputesItsOwnKey() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (a, b) = (scratch.cache(identity: "build A"), scratch.cache(identity: "build B"))
        #expect(try Self.key(scratch, a) != Self.key(scratch, b))
        _ = try Phrasebook.load(from: scratch.phrasebook, cache: a)
        #expect(b.read(key: try Self.key(scratch, b)) == nil)
        _ = try Phrasebook.load(from: scratch.phrasebook, cache: b)
        #expect(scratch.cached.count == 2)
    }

    @Test func aDamagedCacheFileIsIgnoredAndWrittenAgain() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (cache, key, file) = try Self.compiledOnce(scratch)
        let good = try Data(contentsOf: file)
        var flipped = good
        flipped[good.count / 2] ^= 0x20
        for damaged in [Data(), Data("not a phrasebook".utf8), good.prefix(good.count - 1), flipped] {
            try damaged.write(to: file)
            #expect(cache.read(key: key) == nil, "a damaged file is not read")
            #expect(Self.matches("It is probably fine.", try Phrasebook.load(from: scratch.phrasebook, cache: cache)) == ["probably"])
            #expect(try Data(contentsOf: file) == good, "the file is written again")
        }
    }

    @Test func damagedCompiledFormsAreRefusedOrReadNeverATrap() throws {
        let phrasebook = try Shipped.phrasebook
        let bytes = phrasebook.compiledForm()
        // Cut at many lengths, and change bytes all along the form (in steps, so the test
        // stays quick): each is refused or read as some phrasebook, never a crash or a hang.
        var refused = 0, tried = 0
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 23)) {
            tried += 1
            if Phrasebook(compiledForm: Array(bytes.prefix(length))) == nil { refused += 1 }
        }
        #expect(refused == tried, "every cut form is refused")
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 47)) {
            for value: UInt8 in [0xFF, bytes[position] ^ 0x01] {
                var damaged = bytes
                damaged[position] = value
                _ = Phrasebook(compiledForm: damaged)
            }
        }
        #expect(Phrasebook(compiledForm: bytes) != nil)
    }

    @Test func aCacheThatCannotBeWrittenCostsACompileNotAnError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Data("a file where the cache folder should be".utf8).write(to: scratch.cacheFolder)
        let phrasebook = try Phrasebook.load(from: scratch.phrasebook, cache: scratch.cache())
        #expect(Self.matches("It is probably fine.", phrasebook) == ["probably"])
    }

    @Test func aFolderOthersMayWriteToIsNotUsed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.cacheFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: scratch.cacheFolder.path)
        let phrasebook = try Phrasebook.load(from: scratch.phrasebook, cache: scratch.cache())
        #expect(Self.matches("It is probably fine.", phrasebook) == ["probably"])
        #expect(scratch.cached.isEmpty, "nothing written where others could plant a file")
    }

    @Test func cacheFilesAreTheOwnersAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try Phrasebook.load(from: scratch.phrasebook, cache: scratch.cache())
        let file = try #require(scratch.cached.first)
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.cacheFolder.appendingPathComponent(file).path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: scratch.cacheFolder.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func aLinkInPlaceOfACompiledFormIsNotFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (cache, key, file) = try Self.compiledOnce(scratch)
        let real = scratch.root.appendingPathComponent("elsewhere.bin")
        try FileManager.default.moveItem(at: file, to: real)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: real)
        #expect(cache.read(key: key) == nil, "a symbolic link is not read, even to a good form")
    }

    @Test func aPhrasebookWithErrorsIsNeverCached() throws {
        let scratch = try Scratch("[existence speculation]\nmessage: m\nseemed to ! now\n")
        defer { scratch.remove() }
        #expect(throws: PhrasebookError.self) { try Phrasebook.load(from: scratch.phrasebook, cache: scratch.cache()) }
        #expect(scratch.cached.isEmpty)
    }

    @Test func theFolderKeepsOnlyTheNewestCompiledForms() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = scratch.cache()
        for n in 0..<(PhrasebookCache.kept + 4) {
            try scratch.write(Self.speculation + "hedgeword\(n)\n")
            _ = try Phrasebook.load(from: scratch.phrasebook, cache: cache)
        }
        #expect(scratch.cached.count == PhrasebookCache.kept)
        #expect(cache.read(key: try Self.key(scratch, cache)) != nil, "the newest is kept")
    }

    @Test func whereTheCacheLives() {
        #expect(PhrasebookCache.standard(environment: [:]) == nil, "no folder named: no cache")
        #expect(PhrasebookCache.standard(environment: ["CHORUS_CACHE_DIR": "off", "HOME": "/home/dana"]) == nil)
        #expect(PhrasebookCache.standard(environment: ["CHORUS_CACHE_DIR": "/var/cache/chorus"])?.directory.path == "/var/cache/chorus")
        #expect(PhrasebookCache.standard(environment: ["CHORUS_CACHE_DIR": "relative/cache", "HOME": "/h"]) == nil,
                "a relative folder would depend on the working directory")
        #expect(PhrasebookCache.standard(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/home/dana"])?.directory.path == "/x/chorus")
        #expect(PhrasebookCache.standard(environment: ["HOME": "/home/dana"])?.directory.path == "/home/dana/.cache/chorus")
        #expect(PhrasebookCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.directory.path == "/h/.cache/chorus")
        #expect(PhrasebookCache.executableIdentity() != nil, "the test program can be identified")
    }
}
