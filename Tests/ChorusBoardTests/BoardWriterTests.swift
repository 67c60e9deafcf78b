import ChorusBoard
import ChorusCore
import Foundation
import Testing

/// Writing the board into a folder and keeping it in step with the store.
@Suite("Board: writing the folder")
struct BoardWriterTests {
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url)
    }

    /// A store with the example opened as revision 1 (replayed clock).
    static func store(in folder: URL, ids: [String] = ["INC-2041"]) throws -> JournalStore {
        let store = JournalStore(root: folder.appendingPathComponent("store"))
        for id in ids {
            var state = try BoardFixture.state()
            state.id = id
            try append(store, id) { _ in
                var entry = JournalEntry(seq: 0, at: state.lastUpdatedAt, author: "dana", kind: .revision)
                entry.state = state
                entry.revision = 1
                return [entry]
            }
        }
        return store
    }

    static func append(_ store: JournalStore, _ id: String, _ build: @escaping (JournalSnapshot) throws -> [JournalEntry]) throws {
        let journal = try store.journal(for: id)
        try journal.append(author: "dana", at: BoardFixture.date("2026-11-24T09:25:00Z"), build)
    }

    @Test func writesTheIndexEveryIncidentAndAManifestThenOnlyWhatChanged() throws {
        try Self.withFolder { folder in
            let store = try Self.store(in: folder)
            let writer = BoardWriter(folder: folder.appendingPathComponent("board"))
            #expect(writer.isBehind(store, generator: "chorus test"))
            let first = try writer.write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings())
            #expect(first.written.sorted() == ["incidents/INC-2041.html", "index.html"])
            #expect(FileManager.default.fileExists(atPath: writer.folder.appendingPathComponent(BoardWriter.manifestName).path))
            #expect(!writer.isBehind(store, generator: "chorus test"))
            #expect(writer.isBehind(store, generator: "chorus next"), "a new version rewrites the board")
            let unchanged = try writer.write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings(), onlyIfBehind: true)
            #expect(!unchanged.changed)

            try Self.append(store, "INC-2041") { snapshot in
                var entry = JournalEntry(seq: 0, at: BoardFixture.date("2026-11-24T09:26:00Z"), author: "dana", kind: .note)
                entry.note = "Called the payment provider"
                return [entry]
            }
            #expect(writer.isBehind(store, generator: "chorus test"))
            let again = try writer.write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings(), onlyIfBehind: true)
            #expect(again.written.contains("incidents/INC-2041.html"))
        }
    }

    @Test func refusesAFolderOfOtherFilesAndLeavesThemAlone() throws {
        try Self.withFolder { folder in
            let store = try Self.store(in: folder)
            let target = folder.appendingPathComponent("home")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try "mine".write(to: target.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
            #expect {
                try BoardWriter(folder: target).write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings())
            } throws: { error in
                "\(error)".contains("is not empty and holds no board (.chorus-board.json)")
            }
            #expect(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8) == "mine")
        }
    }

    @Test func aPageWhoseIncidentLeftTheStoreIsRemovedButNoOtherFile() throws {
        try Self.withFolder { folder in
            let store = try Self.store(in: folder, ids: ["INC-1", "INC-2"])
            let writer = BoardWriter(folder: folder.appendingPathComponent("board"))
            _ = try writer.write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings())
            let extra = writer.folder.appendingPathComponent("incidents/notes.txt")
            try "keep".write(to: extra, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: store.root.appendingPathComponent("incidents/INC-2"))
            let result = try writer.write(store: store, audiences: BoardFixture.audiences, settings: BoardFixture.settings())
            #expect(result.removed == ["incidents/INC-2.html"])
            #expect(!FileManager.default.fileExists(atPath: writer.folder.appendingPathComponent("incidents/INC-2.html").path))
            #expect(FileManager.default.fileExists(atPath: extra.path))
        }
    }
}
