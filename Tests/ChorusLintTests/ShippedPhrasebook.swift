import ChorusLint
import Foundation

/// The package's own `phrasebook/` folder, found from this file's path, loaded once.
enum Shipped {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // ChorusLintTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .appendingPathComponent("phrasebook", isDirectory: true)

    static let loaded: Result<Phrasebook, PhrasebookError> = Result { () throws(PhrasebookError) in
        try Phrasebook.load(from: directory)
    }

    static var phrasebook: Phrasebook {
        get throws { try loaded.get() }
    }

    static var linter: Linter {
        get throws { Linter(phrasebook: try phrasebook) }
    }
}
