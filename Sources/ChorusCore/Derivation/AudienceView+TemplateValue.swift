import ChorusTemplate

/// The view as the template sees it, built directly: the same value as
/// `TemplateValue(encoding:)` of the synthesized `Encodable` conformance (keys are the property
/// names, nil optionals are absent), without going through an `Encoder`. `AudienceTemplates`
/// checks the two agree in debug builds, so a field added to the view cannot be forgotten here.
extension AudienceView {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(38)
        members["audience"] = audience.templateValue
        members["has"] = has.templateValue
        if let statusPage { members["statusPage"] = .string(statusPage) }
        members["id"] = .string(id)
        members["kind"] = kind.templateValue
        members["generatedAt"] = generatedAt.templateValue
        if let revision { members["revision"] = revision.templateValue }
        if let approval { members["approval"] = approval.templateValue }
        if let approvedCustomerWording { members["approvedCustomerWording"] = approvedCustomerWording.templateValue }
        if let title { members["title"] = .string(title) }
        if let status { members["status"] = status.templateValue }
        if let reopened { members["reopened"] = reopened.templateValue }
        if let severity { members["severity"] = severity.templateValue }
        if let times { members["times"] = times.templateValue }
        if let lastUpdated { members["lastUpdated"] = lastUpdated.templateValue }
        if let nextUpdate { members["nextUpdate"] = nextUpdate.templateValue }
        if let window { members["window"] = window.templateValue }
        if let roles { members["roles"] = roles.templateValue }
        members["responders"] = .list(responders.map(\.templateValue))
        if let escalation { members["escalation"] = .string(escalation) }
        if let impact { members["impact"] = impact.templateValue }
        members["segments"] = .list(segments.map { .string($0) })
        members["quantifiedImpact"] = .list(quantifiedImpact.map(\.templateValue))
        if let businessImpact { members["businessImpact"] = .string(businessImpact) }
        members["components"] = .list(components.map(\.templateValue))
        members["affectedComponents"] = .list(affectedComponents.map(\.templateValue))
        members["facts"] = .list(facts.map(\.templateValue))
        if let hypotheses { members["hypotheses"] = hypotheses.templateValue }
        members["nextSteps"] = .list(nextSteps.map(\.templateValue))
        members["triedSteps"] = .list(triedSteps.map(\.templateValue))
        members["timeline"] = .list(timeline.map(\.templateValue))
        if let workaround { members["workaround"] = .string(workaround) }
        if let eta { members["eta"] = eta.templateValue }
        if let rootCause { members["rootCause"] = rootCause.templateValue }
        if let fix { members["fix"] = .string(fix) }
        members["followUps"] = .list(followUps.map(\.templateValue))
        members["corrections"] = .list(corrections.map(\.templateValue))
        members["links"] = .list(links.map(\.templateValue))
        members["asks"] = .list(asks.map { .string($0) })
        members["whatWentWell"] = .list(whatWentWell.map { .string($0) })
        return .object(members)
    }
}

extension AudienceView.Audience {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["name"] = .string(name)
        members["channel"] = .string(channel)
        return .object(members)
    }
}

extension AudienceView.Kind {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(4)
        members["value"] = .string(value)
        members["isIncident"] = .bool(isIncident)
        members["isMaintenance"] = .bool(isMaintenance)
        members["isRetrospective"] = .bool(isRetrospective)
        return .object(members)
    }
}

extension AudienceView.Status {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(11)
        members["value"] = .string(value)
        members["label"] = .string(label)
        members["isActive"] = .bool(isActive)
        members["isFixInPlace"] = .bool(isFixInPlace)
        members["isOpen"] = .bool(isOpen)
        members["isInvestigating"] = .bool(isInvestigating)
        members["isIdentified"] = .bool(isIdentified)
        members["isMonitoring"] = .bool(isMonitoring)
        members["isResolved"] = .bool(isResolved)
        members["isScheduled"] = .bool(isScheduled)
        members["isInProgress"] = .bool(isInProgress)
        members["isVerifying"] = .bool(isVerifying)
        members["isCompleted"] = .bool(isCompleted)
        return .object(members)
    }
}

extension AudienceView.Reopened {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["at"] = at.templateValue
        members["resolvedAt"] = resolvedAt.templateValue
        if let reason { members["reason"] = .string(reason) }
        return .object(members)
    }
}

extension AudienceView.Severity {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(4)
        members["value"] = .string(value)
        members["label"] = .string(label)
        members["description"] = .string(description)
        members["isMajor"] = .bool(isMajor)
        return .object(members)
    }
}

extension AudienceView.Time {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(4)
        members["iso"] = .string(iso)
        members["display"] = .string(display)
        members["relative"] = .string(relative)
        members["isPast"] = .bool(isPast)
        return .object(members)
    }
}

extension AudienceView.Times {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(4)
        members["started"] = started.templateValue
        if let detected { members["detected"] = detected.templateValue }
        if let resolved { members["resolved"] = resolved.templateValue }
        members["duration"] = .string(duration)
        if let impactEnded { members["impactEnded"] = impactEnded.templateValue }
        if let impactWindow { members["impactWindow"] = .string(impactWindow) }
        members["impactDuration"] = .string(impactDuration)
        if let timeToResolve { members["timeToResolve"] = .string(timeToResolve) }
        return .object(members)
    }
}

extension AudienceView.Window {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["start"] = start.templateValue
        members["end"] = end.templateValue
        members["duration"] = .string(duration)
        return .object(members)
    }
}

extension AudienceView.Roles {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["incidentLead"] = .string(incidentLead)
        if let commsLead { members["commsLead"] = .string(commsLead) }
        return .object(members)
    }
}

extension AudienceView.Responder {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["name"] = .string(name)
        members["doing"] = .string(doing)
        return .object(members)
    }
}

extension AudienceView.Impact {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(4)
        members["summary"] = .string(summary)
        members["canDo"] = .list(canDo.map { .string($0) })
        members["cannotDo"] = .list(cannotDo.map { .string($0) })
        members["whoIsAffected"] = .string(whoIsAffected)
        if let pastSummary { members["pastSummary"] = .string(pastSummary) }
        return .object(members)
    }
}

extension AudienceView.Measure {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["text"] = .string(text)
        members["value"] = .string(value)
        if let asOf { members["asOf"] = asOf.templateValue }
        return .object(members)
    }
}

extension AudienceView.Component {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(5)
        members["name"] = .string(name)
        members["status"] = .string(status)
        members["statusValue"] = .string(statusValue)
        members["isAffected"] = .bool(isAffected)
        if let internalName { members["internalName"] = .string(internalName) }
        return .object(members)
    }
}

extension AudienceView.Fact {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(4)
        members["id"] = .string(id)
        members["text"] = .string(text)
        members["at"] = at.templateValue
        members["source"] = .string(source)
        return .object(members)
    }
}

extension AudienceView.Hypothesis {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["id"] = .string(id)
        members["text"] = .string(text)
        return .object(members)
    }
}

extension AudienceView.Hypotheses {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["open"] = .list(open.map(\.templateValue))
        members["confirmed"] = .list(confirmed.map(\.templateValue))
        members["ruledOut"] = .list(ruledOut.map(\.templateValue))
        return .object(members)
    }
}

extension AudienceView.Step {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(5)
        members["text"] = .string(text)
        members["owner"] = .string(owner)
        members["state"] = .string(state)
        members["isFailed"] = .bool(isFailed)
        if let at { members["at"] = at.templateValue }
        return .object(members)
    }
}

extension AudienceView.ETA {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        if let at { members["at"] = at.templateValue }
        members["isConfirmed"] = .bool(isConfirmed)
        members["confidence"] = .string(confidence)
        return .object(members)
    }
}

extension AudienceView.Why {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["number"] = .int(number)
        members["text"] = .string(text)
        return .object(members)
    }
}

extension AudienceView.RootCause {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["summary"] = .string(summary)
        members["whys"] = .list(whys.map(\.templateValue))
        return .object(members)
    }
}

extension AudienceView.FollowUp {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["text"] = .string(text)
        members["owner"] = .string(owner)
        members["due"] = .string(due)
        return .object(members)
    }
}

extension AudienceView.Correction {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["said"] = .string(said)
        members["correct"] = .string(correct)
        members["at"] = at.templateValue
        return .object(members)
    }
}

extension AudienceView.Link {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["title"] = .string(title)
        members["url"] = .string(url)
        return .object(members)
    }
}

extension AudienceView.TimelineEntry {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["at"] = at.templateValue
        members["text"] = .string(text)
        return .object(members)
    }
}

extension AudienceView.Revision {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(2)
        members["number"] = .int(number)
        members["at"] = at.templateValue
        return .object(members)
    }
}

extension AudienceView.Approval {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(3)
        members["revision"] = .int(revision)
        members["at"] = at.templateValue
        members["by"] = .string(by)
        return .object(members)
    }
}

extension AudienceView.ApprovedWording {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(5)
        members["lines"] = .list(lines.map { .string($0) })
        members["revision"] = .int(revision)
        members["at"] = at.templateValue
        members["by"] = .string(by)
        members["isCurrent"] = .bool(isCurrent)
        return .object(members)
    }
}

extension AudienceView.Has {
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(22)
        members["canDo"] = .bool(canDo)
        members["cannotDo"] = .bool(cannotDo)
        members["segments"] = .bool(segments)
        members["quantifiedImpact"] = .bool(quantifiedImpact)
        members["components"] = .bool(components)
        members["affectedComponents"] = .bool(affectedComponents)
        members["facts"] = .bool(facts)
        members["openHypotheses"] = .bool(openHypotheses)
        members["settledHypotheses"] = .bool(settledHypotheses)
        members["nextSteps"] = .bool(nextSteps)
        members["triedSteps"] = .bool(triedSteps)
        members["timeline"] = .bool(timeline)
        members["followUps"] = .bool(followUps)
        members["corrections"] = .bool(corrections)
        members["links"] = .bool(links)
        members["asks"] = .bool(asks)
        members["whatWentWell"] = .bool(whatWentWell)
        members["responders"] = .bool(responders)
        members["whys"] = .bool(whys)
        members["workaround"] = .bool(workaround)
        members["eta"] = .bool(eta)
        members["nextUpdate"] = .bool(nextUpdate)
        return .object(members)
    }
}
