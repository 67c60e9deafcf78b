import ChorusSupport
import Foundation

extension TemplateValue {
    /// The template value of any `Encodable`, through a small custom `Encoder` (no JSON
    /// round trip, no reflection): keyed containers become objects, unkeyed containers lists.
    ///
    /// `Date` becomes an ISO 8601 string in UTC (`2024-05-01T09:30:00Z`), `URL` its absolute
    /// string, `Decimal` a number; integers stay whole numbers; `nil` optionals that the type
    /// encodes with `encodeIfPresent` (the synthesized default) are simply absent.
    public init(encoding value: some Encodable) throws {
        let slot = EncodingSlot()
        try TemplateValueEncoding.encode(value, into: slot, codingPath: [])
        self = slot.finish()
    }
}

/// Where one encoded value lands; containers are filled in place, so they are classes.
final class EncodingSlot {
    enum Content {
        case empty
        case value(TemplateValue)
        case object(EncodingObject)
        case list(EncodingList)
    }

    var content: Content = .empty

    func finish() -> TemplateValue {
        switch content {
        case .empty: return .object([:])
        case .value(let value): return value
        case .object(let object):
            var members: [String: TemplateValue] = [:]
            members.reserveCapacity(object.members.count)
            for (key, slot) in object.members { members[key] = slot.finish() }
            return .object(members)
        case .list(let list): return .list(list.items.map { $0.finish() })
        }
    }

    func object() -> EncodingObject {
        if case .object(let existing) = content { return existing }
        let object = EncodingObject()
        content = .object(object)
        return object
    }

    func list() -> EncodingList {
        if case .list(let existing) = content { return existing }
        let list = EncodingList()
        content = .list(list)
        return list
    }
}

final class EncodingObject {
    var members: [String: EncodingSlot] = [:]

    func slot(for key: String) -> EncodingSlot {
        let slot = EncodingSlot()
        members[key] = slot
        return slot
    }
}

final class EncodingList {
    var items: [EncodingSlot] = []

    func append() -> EncodingSlot {
        let slot = EncodingSlot()
        items.append(slot)
        return slot
    }
}

enum TemplateValueEncoding {
    /// Encodes `value`, turning the Foundation types templates care about into readable values.
    static func encode(_ value: some Encodable, into slot: EncodingSlot, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date: slot.content = .value(.string(ISO8601.format(date)))
        case let url as URL: slot.content = .value(.string(url.absoluteString))
        case let decimal as Decimal:
            let number = NSDecimalNumber(decimal: decimal)
            if decimal == decimal.rounded(toPlaces: 0), let whole = Int(exactly: number.doubleValue) {
                slot.content = .value(.int(whole))
            } else {
                slot.content = .value(.double(number.doubleValue))
            }
        default:
            try value.encode(to: TemplateValueEncoderImpl(slot: slot, codingPath: codingPath))
        }
    }

    static func integer<T: BinaryInteger>(_ value: T) -> TemplateValue {
        if let exact = Int(exactly: value) { return .int(exact) }
        return .double(Double(value))
    }

    /// `Float(1.21)` becomes `1.21`, not `1.2100000381469727`.
    static func float(_ value: Float) -> TemplateValue {
        if value.isFinite, let shortest = Double(value.description) { return .double(shortest) }
        return .double(Double(value))
    }
}

private extension Decimal {
    func rounded(toPlaces places: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, .plain)
        return result
    }
}

struct TemplateValueEncoderImpl: Encoder {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(object: slot.object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(list: slot.list(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) {}
    init?(intValue: Int) { return nil }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: EncodingObject
    let codingPath: [any CodingKey]

    private func put(_ value: TemplateValue, _ key: Key) { object.slot(for: key.stringValue).content = .value(value) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(TemplateValueEncoding.float(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(TemplateValueEncoding.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(TemplateValueEncoding.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(TemplateValueEncoding.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(TemplateValueEncoding.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try TemplateValueEncoding.encode(value, into: object.slot(for: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = object.slot(for: key.stringValue).object()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(list: object.slot(for: key.stringValue).list(), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TemplateValueEncoderImpl(slot: object.slot(for: "super"), codingPath: codingPath + [SuperKey()])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TemplateValueEncoderImpl(slot: object.slot(for: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let list: EncodingList
    let codingPath: [any CodingKey]
    var count: Int { list.items.count }

    private func put(_ value: TemplateValue) { list.append().content = .value(value) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Float) throws { put(TemplateValueEncoding.float(value)) }
    mutating func encode(_ value: Int) throws { put(.int(value)) }
    mutating func encode(_ value: Int8) throws { put(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { put(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { put(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { put(TemplateValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { put(TemplateValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { put(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { put(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { put(TemplateValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt64) throws { put(TemplateValueEncoding.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        try TemplateValueEncoding.encode(value, into: list.append(), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = IndexKey(count)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: list.append().object(), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = IndexKey(count)
        return UnkeyedContainer(list: list.append().list(), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = IndexKey(count)
        return TemplateValueEncoderImpl(slot: list.append(), codingPath: codingPath + [key])
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    private func put(_ value: TemplateValue) { slot.content = .value(value) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Float) throws { put(TemplateValueEncoding.float(value)) }
    mutating func encode(_ value: Int) throws { put(.int(value)) }
    mutating func encode(_ value: Int8) throws { put(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { put(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { put(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { put(TemplateValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { put(TemplateValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { put(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { put(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { put(TemplateValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt64) throws { put(TemplateValueEncoding.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try TemplateValueEncoding.encode(value, into: slot, codingPath: codingPath)
    }
}
