import ChorusSupport
import Foundation

/// Text typed on the command line turned into the JSON value a field holds, by the field's type.
enum FieldInput {
    /// A time that was typed, with what it was taken to mean (echoed back after the write).
    struct TypedTime: Sendable, Equatable {
        var field: String
        var typed: String
        var date: Date
    }

    static func value(_ text: String, as type: FieldType, for name: String, clock: RenderClock,
                      times: inout [TypedTime]) throws(StateEditError) -> JSONTree {
        switch type {
        case .text, .date, .url:
            return .string(text)
        case .time(let direction):
            let value: TimeInput.Value
            do {
                value = try TimeInput.parse(text, now: clock.now, timeZone: clock.timeZone, direction: direction)
                if direction == .past { try TimeInput.checkRecentPast(value, typed: text, now: clock.now, clock: clock) }
            } catch {
                throw .badInput("\(name): \(error)")
            }
            times.append(TypedTime(field: name, typed: text, date: value.date))
            return .string(ISO8601.format(value.date))
        case .promise:
            let value: TimeInput.Value
            do {
                value = try TimeInput.parse(text, now: clock.now, timeZone: clock.timeZone, direction: .future)
                try TimeInput.checkNextUpdate(value, typed: text, now: clock.now, clock: clock)
            } catch {
                throw .badInput("\(name): \(error)")
            }
            times.append(TypedTime(field: name, typed: text, date: value.date))
            return .string(ISO8601.format(value.date))
        case .integer:
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .badInput("\(name): '\(text)' is not a whole number")
            }
            return .number(String(number))
        case .number:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let number = Double(trimmed), number.isFinite, trimmed.first != "+", !trimmed.lowercased().hasPrefix("0x") else {
                throw .badInput("\(name): '\(text)' is not a number (write 412, 38.5 or -3)")
            }
            return .number(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .choice(let values):
            let normalized = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
                .replacingOccurrences(of: " ", with: "_")
            if let match = values.first(where: { $0 == normalized }) { return .string(match) }
            var message = "\(name): '\(text)' is not one of \(values.joined(separator: ", "))"
            if let near = NameSuggestion.closest(to: normalized, among: values) { message += ". Did you mean '\(near)'?" }
            throw .badInput(message)
        case .list, .record:
            do {
                return JSONTree(try JSONParser.parse(text))
            } catch {
                // Where the JSON breaks, as line:column of the typed value.
                throw .badInput("\(name) (\(type.typedAs)) is not valid JSON: at \(error.position.line):\(error.position.column): \(error.message); "
                    + "give it as JSON, or change its parts one by one (chorus add, chorus set \(name).…)")
            }
        }
    }
}
