@testable import ChorusCLI
import Foundation
import Testing

/// Commands read their options by name (`arguments.value("store")`); a misspelled name would
/// silently read nothing. Every name read anywhere in the CLI's sources is one a command declares.
@Suite("Option names read by the commands")
struct OptionLookupTests {
    @Test func everyOptionOrArgumentReadByNameIsDeclaredByACommand() throws {
        var declared: Set<String> = []
        for command in CommandRegistry.commands {
            declared.formUnion(command.allOptions.map(\.long))
            declared.formUnion(command.arguments.map(\.name))
        }
        let sources = Repo.root.appendingPathComponent("Sources/ChorusCLI")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let lookup = try Regex(#"\.(value|values|flag|argument|arguments)\("([a-z0-9-]+)"\)"#)
        var read = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: lookup) {
                guard let name = match.output[2].substring.map(String.init) else { continue }
                read += 1
                #expect(declared.contains(name), "\(file.lastPathComponent) reads \"\(name)\", which no command declares")
            }
        }
        #expect(read > 50, "the sources were found and read (\(read) lookups)")
    }
}
