import ChorusTemplate
import Foundation
import Testing

/// The optional `~lambdas` spec: its lambdas are code in other languages, so each is written
/// here as the Swift closure it describes and put in place of the JSON description.
@Suite("Mustache spec: lambdas as Swift closures")
struct LambdaSpecTests {
    /// A call counter for "Multiple Calls": lambdas must not be cached.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }

    static func lambda(for name: String) -> TemplateLambda? {
        switch name {
        case "Interpolation": return TemplateLambda { "world" }
        case "Interpolation - Expansion": return TemplateLambda { "{{planet}}" }
        case "Interpolation - Alternate Delimiters": return TemplateLambda { "|planet| => {{planet}}" }
        case "Interpolation - Multiple Calls":
            let counter = Counter()
            return TemplateLambda { .int(counter.next()) }
        case "Escaping": return TemplateLambda { ">" }
        case "Section": return TemplateLambda { (text: String) -> TemplateValue in text == "{{x}}" ? "yes" : "no" }
        case "Section - Expansion": return TemplateLambda { (text: String) in .string(text + "{{planet}}" + text) }
        case "Section - Alternate Delimiters": return TemplateLambda { (text: String) in .string(text + "{{planet}} => |planet|" + text) }
        case "Section - Multiple Calls": return TemplateLambda { (text: String) in .string("__" + text + "__") }
        case "Inverted Section": return TemplateLambda { (_: String) in false }
        default: return nil
        }
    }

    static let cases: [SpecCase] = MustacheSpec.isAvailable ? ((try? MustacheSpec.load("~lambdas")) ?? []) : []

    @Test(.enabled(if: MustacheSpec.isAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"))
    func everyLambdaCaseHasASwiftClosure() {
        #expect(Self.cases.count == 10)
        for spec in Self.cases {
            #expect(Self.lambda(for: spec.name) != nil, "no Swift closure for the lambda spec case '\(spec.name)'")
        }
    }

    @Test(
        .enabled(if: MustacheSpec.isAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"),
        arguments: cases
    )
    func lambdaCase(_ spec: SpecCase) throws {
        let lambda = try #require(Self.lambda(for: spec.name))
        guard case .object(var members) = TemplateValue(json: spec.data) else {
            Issue.record("the data of '\(spec.name)' is not an object")
            return
        }
        members["lambda"] = .lambda(lambda)
        let actual = try MustacheSpec.render(spec, data: .object(members))
        if actual != spec.expected { print(spec.report(actual: actual)) }
        #expect(actual == spec.expected, "\(spec.report(actual: actual))")
    }
}
