/// A Swift closure used as a Mustache lambda.
///
/// - In an interpolation (`{{name}}`, `{{{name}}}`) the closure is called with the empty string.
///   A string result is parsed as a template (default delimiters) and rendered in the current
///   context; `{{name}}` escapes the rendered text once, `{{{name}}}` does not. Any other result
///   is interpolated as a value.
/// - In a section (`{{#name}}raw{{/name}}`) the closure receives the section's raw, unrendered
///   text. A string result is parsed with the delimiters in effect at the section tag and rendered
///   in the current context, unescaped (it is template text, not data).
/// - An inverted section (`{{^name}}`) treats a lambda as truthy and never calls it.
///
/// Lambdas are called on every use (results are not cached) and may be called from any thread.
public struct TemplateLambda: Sendable {
    let body: @Sendable (String) -> TemplateValue

    /// A lambda that receives a section's raw text (the empty string in an interpolation).
    public init(_ body: @escaping @Sendable (_ sectionText: String) -> TemplateValue) {
        self.body = body
    }

    /// A lambda that takes no input.
    public init(_ body: @escaping @Sendable () -> TemplateValue) {
        self.body = { _ in body() }
    }

    /// Calls the closure.
    public func callAsFunction(_ sectionText: String) -> TemplateValue {
        body(sectionText)
    }
}
