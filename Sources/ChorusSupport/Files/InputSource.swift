import Foundation

/// A text the user handed us: a file, or standard input when the name is `-`.
public struct InputText: Sendable, Equatable {
    /// The name to print in messages: the path as given, or `<stdin>`.
    public var displayName: String
    public var text: String

    public init(displayName: String, text: String) {
        self.displayName = displayName
        self.text = text
    }
}

/// Why an input could not be read.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension InputText {
    /// Reads `path` as UTF-8. `-` reads `standardInput` instead.
    public static func read(_ path: String, standardInput: @Sendable () -> [UInt8]) throws(InputError) -> InputText {
        if path == "-" {
            return try decode(standardInput(), name: "<stdin>")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(path: path, reason: "is a directory, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, reason: "cannot be read (permission denied?)")
        }
        return try decode(Array(data), name: path)
    }

    private static func decode(_ bytes: [UInt8], name: String) throws(InputError) -> InputText {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column, byte) = firstInvalidUTF8(bytes)
            let hex = String(byte, radix: 16, uppercase: true)
            throw InputError(path: "\(name):\(line):\(column)",
                             reason: "invalid UTF-8 byte 0x\(hex.count < 2 ? "0" + hex : hex); expected UTF-8 text")
        }
        return InputText(displayName: name, text: text)
    }

    /// Where the first byte that is not part of valid UTF-8 stands: its line and column (1-based,
    /// columns in Unicode scalars, as every other position Chorus prints) and its value.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1, column = 1, offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            case .error:
                return (line, column, offset < bytes.count ? bytes[offset] : 0)
            case .emptyInput:
                return (line, column, 0)
            }
        }
    }
}
