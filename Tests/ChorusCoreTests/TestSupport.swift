import ChorusCore
import Foundation

/// Paths into the repository, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")
    static let audiences = root.appendingPathComponent("audiences")
    static let phrasebook = root.appendingPathComponent("phrasebook")

    static func exampleFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { examples.appendingPathComponent($0) }
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// Builds a state file from an example with some fields changed, for negative tests.
struct StateEdit {
    var object: [String: Any]

    init(example name: String) throws {
        let data = try Data(contentsOf: Repository.examples.appendingPathComponent(name))
        object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    var text: String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The problems `chorus validate` would report, as (path, message).
    func problems() -> [(path: String, message: String, line: Int?)] {
        do {
            _ = try StateDocument.load(text)
            return []
        } catch {
            switch error {
            case .syntax(let syntax): return [("$", syntax.message, syntax.position.line)]
            case .invalid(let problems): return problems.map { ($0.path.description, $0.message, $0.position?.line) }
            }
        }
    }
}

/// A folder under the system's temporary folder for one test, removed with everything in it
/// when the last reference goes away, so `swift test` leaves nothing behind.
final class ScratchFolder: Sendable {
    let url: URL

    init(prefix: String = "chorus-core") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }
}
