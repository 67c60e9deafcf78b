import ChorusCore
import ChorusSupport
import Foundation

/// The shipped audiences and phrasebook, loaded once per test.
enum Shipped {
    static func renderer() throws -> DraftRenderer {
        try DraftRenderer.load(audiences: Repository.audiences, phrasebook: Repository.phrasebook)
    }

    static func state(_ example: String) throws -> IncidentState {
        try StateDocument.load(Repository.text(Repository.examples.appendingPathComponent(example))).state
    }

    /// A fixed clock: 15 minutes after the state's last update, in UTC.
    static func clock(for state: IncidentState) -> RenderClock {
        RenderClock(now: state.lastUpdatedAt.addingTimeInterval(15 * 60))
    }
}
