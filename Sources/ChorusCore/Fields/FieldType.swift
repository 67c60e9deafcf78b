/// What kind of value a field of the incident state holds. One description serves the JSON
/// Schema (and so `chorus validate`), the conversion of text typed on the command line, and the
/// help that lists every field.
public indirect enum FieldType: Sendable {
    /// Text that must not be blank.
    case text
    /// A time with zone; typed times reach into the past (`--started 13:58`: the most recent
    /// 13:58) or the future (`--eta 14:40`: the next one).
    case time(TimeInput.Direction)
    /// A time promised to readers (the next update): typed, it must be ahead and, unless given
    /// with its full date, within `TimeInput.maximumNextUpdateHours`.
    case promise
    /// A calendar date `YYYY-MM-DD`.
    case date
    /// An http(s) link.
    case url
    case integer(minimum: Int)
    case number
    /// One of a fixed list of values.
    case choice([String])
    case list(FieldType)
    case record(RecordSpec)

    /// The values of a string enumeration, as a choice.
    static func choice<E: RawRepresentable & CaseIterable>(of _: E.Type) -> FieldType where E.RawValue == String {
        .choice(E.allCases.map(\.rawValue))
    }

    /// The shape the schema checker and the published JSON Schema use.
    var schemaType: SchemaType {
        switch self {
        case .text: return .string(.nonEmpty)
        case .time, .promise: return .string(.dateTime)
        case .date: return .string(.date)
        case .url: return .string(.url)
        case .integer(let minimum): return .integer(minimum: minimum)
        case .number: return .number
        case .choice(let values): return .enumeration(values)
        case .list(let element): return .array(element.schemaType)
        case .record(let record): return .object(record.objectSchema)
        }
    }

    /// How the value is typed on the command line, for help: "text", "time", "one of a, b".
    public var typedAs: String {
        switch self {
        case .text: return "text"
        case .time(.past): return "time (13:58 = the most recent; -10m; a full date)"
        case .time(.future): return "time (14:40 = the next; +30m; a full date)"
        case .promise: return "time (14:40 = the next; +30m; within 12 hours unless a full date)"
        case .date: return "date YYYY-MM-DD"
        case .url: return "http(s) link"
        case .integer(let minimum): return "whole number ≥ \(minimum)"
        case .number: return "number"
        case .choice(let values): return values.joined(separator: "|")
        case .list(let element): return "list of \(element.typedAs)"
        case .record(let record): return record.description
        }
    }

    /// The record a field holds, directly or as the elements of its list.
    var record: RecordSpec? {
        switch self {
        case .record(let record): return record
        case .list(.record(let record)): return record
        default: return nil
        }
    }

    var isList: Bool { if case .list = self { return true }; return false }
}
