import ChorusCore
import Foundation
import FuzzSupport

/// An audience definition (audience.json): any text loads or fails with positions, never a
/// crash ("lengthLimit": 9223372036854775807 trapped every command that loads audiences).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudience(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let folder = Repository.audiences.appendingPathComponent("customer")
    do {
        let audience = try AudienceCatalog.parseDefinition(text(data, size), file: "audience.json", folder: folder, folderName: "customer")
        if let limit = audience.lengthLimit, let linter = Repository.renderer?.linter {
            precondition(limit >= 1)
            _ = linter.lint("A short draft.", policy: audience.policy)
        }
    } catch {
        precondition(!error.problems.isEmpty)
    }
    return 0
}
