import ChorusSupport
import Foundation

/// A folder of incident journals: `<root>/incidents/<ID>/journal.jsonl`, one per incident.
public struct JournalStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    var incidentsFolder: URL { root.appendingPathComponent("incidents") }

    /// The journal of incident `id` (which may not exist yet).
    public func journal(for id: String) throws -> IncidentJournal {
        guard Self.isValidID(id) else { throw JournalError.invalidID(id) }
        return IncidentJournal(id: id, folder: incidentsFolder.appendingPathComponent(id))
    }

    /// The journal of an existing incident, or an error suggesting the nearest id.
    public func existingJournal(for id: String) throws -> IncidentJournal {
        let journal = try journal(for: id)
        guard journal.exists else {
            let known = incidentIDs()
            throw JournalError.noSuchIncident(id: id, known: known, suggestion: NameSuggestion.closest(to: id, among: known))
        }
        return journal
    }

    /// Every incident with a journal, sorted.
    public func incidentIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: incidentsFolder.path)) ?? []
        return names.filter { Self.isValidID($0) && FileManager.default.fileExists(atPath: incidentsFolder.appendingPathComponent($0).appendingPathComponent("journal.jsonl").path) }.sorted()
    }

    /// Ids become folder names, so they are kept to a safe alphabet.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 64 else { return false }
        let allowed = { (s: Unicode.Scalar) in ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "." }
        return id.unicodeScalars.allSatisfy(allowed) && first != "." && first != "-" && first != "_"
    }
}
