import ChorusSupport
import Testing

/// HMAC-SHA256 against the test vectors of RFC 4231 (cases 1–4, 6 and 7; case 5 truncates).
@Suite("HMAC-SHA256")
struct HMACTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    static let cases: [(key: [UInt8], data: [UInt8], mac: String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: 0..<6) func rfc4231(index: Int) {
        let vector = Self.cases[index]
        #expect(HMACSHA256.hex(vector.data, key: vector.key) == vector.mac)
        #expect(HMACSHA256.verify(vector.mac.uppercased(), message: vector.data, key: vector.key))
    }

    /// Case 5: the code truncated to 128 bits.
    @Test func truncatedOutput() {
        let mac = HMACSHA256.hex(Array("Test With Truncation".utf8), key: [UInt8](repeating: 0x0c, count: 20))
        #expect(mac.hasPrefix("a3b6167473100ee06e0c796c2955552b"))
    }

    @Test func aChangedByteOrKeyDoesNotVerify() {
        let body = Array(#"{"incident":"INC-1"}"#.utf8)
        let mac = HMACSHA256.hex(body, key: Array("secret".utf8))
        #expect(HMACSHA256.verify(mac, message: body, key: Array("secret".utf8)))
        #expect(!HMACSHA256.verify(mac, message: body + [0x20], key: Array("secret".utf8)))
        #expect(!HMACSHA256.verify(mac, message: body, key: Array("secreT".utf8)))
        #expect(!HMACSHA256.verify(String(mac.dropLast()), message: body, key: Array("secret".utf8)))
    }
}
