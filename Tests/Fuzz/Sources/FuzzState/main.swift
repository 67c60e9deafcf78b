import ChorusCore
import ChorusSupport
import Foundation
import FuzzSupport

/// The state decoder and everything after it: a state file that loads must encode, load again
/// to the same state, and render for every audience that applies, in every format, without a
/// crash (the monitoring period near Int.max, a whole number beyond 2^53, were such crashes).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzState(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let state = try? StateDocument.load(text(data, size)).state else { return 0 }
    // Times are written to the millisecond, so a state read back from its encoding encodes to
    // the same text (it need not equal the state read first, whose times may be finer).
    if let encoded = try? StateCoding.encode(state) {
        let again = try? StateDocument.load(encoded).state
        precondition(again != nil, "a state that loads must load again from its own encoding")
        precondition(again.flatMap { try? StateCoding.encode($0) } == encoded, "encoding a state read back from its encoding must give the same text")
    }
    _ = ResolveChecklist.check(state, now: state.lastUpdatedAt)
    guard let renderer = Repository.renderer else { return 0 }
    let clock = RenderClock(now: state.lastUpdatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current)
    for audience in renderer.applicableAudiences(for: state) {
        for format in audience.formats {
            _ = try? renderer.render(state, audience: audience.name, format: format, clock: clock)
        }
    }
    return 0
}
