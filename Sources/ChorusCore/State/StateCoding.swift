import ChorusSupport
import Foundation

/// The JSON encoders and decoders every Chorus file uses: ISO 8601 times with zone, sorted keys.
public enum StateCoding {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            do {
                return try ISO8601.parse(text)
            } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
            }
        }
        return decoder
    }

    /// Pretty, sorted, stable output for files people read and diff.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        return encoder
    }

    /// The state as pretty JSON text with a final newline.
    public static func encode(_ state: IncidentState) throws -> String {
        let data = try encoder().encode(state)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
