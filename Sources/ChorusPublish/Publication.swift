import ChorusCore
import ChorusSupport
import Foundation

/// What is sent: an audience's approved draft, exactly as approved, in whatever form each
/// destination takes (Slack blocks, a Statuspage body, an e-mail, a JSON envelope).
public struct Publication: Sendable {
    public var incidentID: String
    public var audience: String
    /// The approval entry (its text, source, state, revision and seq).
    public var approval: JournalEntry
    /// The state the approval was made of.
    public var state: IncidentState
    /// The approved draft, parsed from the approval's source.
    public var document: DraftDocument

    /// Why an approval cannot be sent.
    public struct Unsendable: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(incidentID: String, approval: JournalEntry) throws(Unsendable) {
        guard let audience = approval.audience, let state = approval.state else {
            throw Unsendable(description: "the approval (entry \(approval.seq)) keeps no audience or state to send; approve it again")
        }
        guard let source = approval.source else {
            throw Unsendable(description: "the \(audience) approval (entry \(approval.seq)) was made by an older chorus and keeps no draft source; approve it again")
        }
        self.incidentID = incidentID
        self.audience = audience
        self.approval = approval
        self.state = state
        self.document = DraftDocument.parse(source)
    }

    /// The same for every attempt of this approval to `destination`: a webhook delivery id,
    /// the seed of an e-mail's Message-ID, the key a lookup finds an earlier attempt by.
    public func key(for destination: Destination) -> String {
        String(SHA256.hex("\(incidentID)\u{1F}\(audience)\u{1F}\(destination.name)\u{1F}\(approval.seq)").prefix(32))
    }

    /// The plain text of the draft.
    public var text: String { DraftWriter.text(document) }

    /// The draft as Markdown.
    public var markdown: String { DraftWriter.markdown(document) }

    /// The title as one line.
    public var title: String { PlainText.clean(state.title) }

    /// Human words for the state's status ("Identified").
    public var statusLabel: String {
        state.status.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
    }
}

/// The secret values a send needs, read from the environment by the names in the config.
public struct Secrets: Sendable {
    public var environment: [String: String]
    /// When set (a dry run), a missing variable reads as a placeholder instead of failing.
    public var placeholders: Bool

    public init(environment: [String: String], placeholders: Bool = false) {
        self.environment = environment
        self.placeholders = placeholders
    }

    /// A variable named by the config and not set (or empty).
    public struct Missing: Error, Sendable, Equatable, CustomStringConvertible {
        public var variable: String
        public var destination: Destination
        public var description: String {
            "the environment variable \(variable) is not set; \(destination.audience)/\(destination.name) (\(destination.path)) reads its secret from it"
        }
    }

    /// The secret in `variable`, for `destination`.
    public func value(_ variable: String, for destination: Destination) throws(Missing) -> OutgoingRequest.Secret {
        if let value = environment[variable], !value.isEmpty { return OutgoingRequest.Secret(value: value, variable: variable) }
        if placeholders { return OutgoingRequest.Secret(value: "<$\(variable) is not set>", variable: variable) }
        throw Missing(variable: variable, destination: destination)
    }

    /// The variables `destination` needs that are not set.
    public func missing(for destination: Destination) -> [String] {
        destination.environmentVariables.filter { (environment[$0] ?? "").isEmpty }
    }
}
