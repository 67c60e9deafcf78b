import ChorusCore
import ChorusSupport
import Foundation

/// Statuspage: the first publication creates the incident (`POST /pages/{page}/incidents`), every
/// later one updates it (`PATCH …/incidents/{id}`), components included. An incident carries
/// `metadata.chorus` (incident id, destination), so when a create may have gone through without
/// an answer, the next try finds the incident it made instead of making a second one.
enum StatuspageSender {
    static func send(_ attempt: inout SendAttempt, _ page: Destination.Statuspage, notify: Bool?) {
        guard let key = attempt.secret(page.apiKeyEnv) else { return }
        let publication = attempt.publication
        var options = StatuspageExport.Options(deliverNotifications: notify ?? page.notify,
                                               previouslyAffected: attempt.delivery.components ?? [],
                                               maintenance: page.maintenance)
        if publication.state.kind == .retrospective { options.previouslyAffected = [] }
        let export = StatuspageExport.body(for: publication.state, body: StatuspageChecks.body(publication.document), options: options)
        if !export.unmapped.isEmpty {
            attempt.notes.append("affected components without a statuspageId are not set on Statuspage: \(export.unmapped.joined(separator: ", "))")
        }
        let sentComponents = StatuspageExport.components(for: publication.state, previouslyAffected: options.previouslyAffected).sent.map(\.id)
        var incident: [(String, JSONOutput)] = []
        if case .object(let members) = export.json, case .object(let fields)? = members.first?.1 { incident = fields }
        incident.append(("metadata", .object([("chorus", .object([
            ("incident", .string(publication.incidentID)), ("audience", .string(publication.audience)),
            ("destination", .string(attempt.destination.name)),
        ]))])))
        let body = SendAttempt.json(.object([("incident", .object(incident))]))
        let base = "\(page.apiURL)/pages/\(page.pageId)/incidents"
        func request(_ method: String, _ url: String, body: [UInt8] = []) -> OutgoingRequest {
            var headers = [OutgoingRequest.Header("Authorization", "OAuth \(key.value)"), .init("Accept", "application/json"),
                           .init("User-Agent", SendAttempt.userAgent)]
            if !body.isEmpty { headers.insert(.init("Content-Type", "application/json"), at: 1) }
            return OutgoingRequest(method: method, url: url, headers: headers, body: body, secrets: [key])
        }

        var incidentID = attempt.delivery.remoteId
        if incidentID == nil, attempt.isRetry, attempt.previous?.uncertain == true {
            switch find(&attempt, base: base, request: request) {
            case .found(let id): incidentID = id
            case .none: break
            case .failed(let message):
                attempt.fail("could not check whether the earlier try created the Statuspage incident (\(message)); nothing was created now, to avoid a second incident", uncertain: true)
                return
            }
        }
        let start = attempt.exchange.sleeper.now()
        var round = 0
        while true {
            round += 1
            let creating = incidentID == nil
            let result = attempt.send(creating ? request("POST", base, body: body) : request("PATCH", "\(base)/\(incidentID ?? "")", body: body),
                                      repeatable: !creating)
            switch result {
            case .answered(let response) where (200...299).contains(response.status):
                guard let id = incidentID ?? response.json?["id"]?.stringValue, !id.isEmpty else {
                    attempt.fail("Statuspage answered \(response.status) without an incident id", uncertain: creating)
                    return
                }
                attempt.delivery.remoteId = id
                var all = attempt.delivery.components ?? []
                for component in sentComponents where !all.contains(component) { all.append(component) }
                attempt.delivery.components = all.isEmpty ? nil : all
                attempt.succeed()
                return
            case .answered(let response):
                let message = explain(response, creating: creating, page: page)
                // A create the server failed may still have made the incident: look before trying again.
                guard creating, (500...599).contains(response.status) else { attempt.fail(message); return }
                attempt.fail(message, uncertain: true)
            case .unanswered(let message, let uncertain):
                attempt.fail("Statuspage: \(message)", uncertain: uncertain)
                guard creating, uncertain else { return }
            }
            guard attempt.exchange.pause(round: round, since: start) else { return }
            switch find(&attempt, base: base, request: request) {
            case .found(let id): incidentID = id
            case .none: break
            case .failed(let message):
                attempt.fail("could not check whether the Statuspage incident was created (\(message)); nothing more was sent, to avoid a second incident", uncertain: true)
                return
            }
        }
    }

    enum Lookup {
        case found(String)
        case none
        case failed(String)
    }

    /// The incident an earlier create of this destination made, by its metadata.
    static func find(_ attempt: inout SendAttempt, base: String, request: (String, String, [UInt8]) -> OutgoingRequest) -> Lookup {
        switch attempt.send(request("GET", "\(base)?limit=100", []), repeatable: true) {
        case .answered(let response) where (200...299).contains(response.status):
            for incident in response.json?.elements ?? [] {
                let chorus = incident["metadata"]?["chorus"]
                if chorus?["incident"]?.stringValue == attempt.publication.incidentID,
                   chorus?["destination"]?.stringValue == attempt.destination.name,
                   chorus?["audience"]?.stringValue == attempt.publication.audience,
                   let id = incident["id"]?.stringValue {
                    attempt.notes.append("found the Statuspage incident \(id) an earlier try created; updating it")
                    return .found(id)
                }
            }
            return .none
        case .answered(let response): return .failed("HTTP \(response.status)")
        case .unanswered(let message, _): return .failed(message)
        }
    }

    /// What a refusal means, in words.
    static func explain(_ response: HTTPResponse, creating: Bool, page: Destination.Statuspage) -> String {
        var detail = ""
        if let error = response.json?["error"] {
            if let text = error.stringValue { detail = text } else if let items = error.elements {
                detail = items.compactMap(\.stringValue).joined(separator: "; ")
            }
        }
        if detail.isEmpty { detail = SendAttempt.excerpt(response) }
        detail = TerminalText.escaped(detail)
        switch response.status {
        case 401, 403: return "Statuspage refused the API key in $\(page.apiKeyEnv) (\(response.status)): \(detail)"
        case 404 where !creating: return "Statuspage has no such incident or page (404): \(detail); it may have been deleted there"
        case 404: return "Statuspage has no page \(page.pageId) (404): \(detail)"
        case 420, 429: return "Statuspage is rate limiting (\(response.status)) and the retry budget ran out; retry later"
        case 422: return "Statuspage refused the incident (422): \(detail)"
        case 500...599: return "Statuspage failed (\(response.status)): \(detail)"
        default: return "Statuspage answered \(response.status): \(detail)"
        }
    }
}
