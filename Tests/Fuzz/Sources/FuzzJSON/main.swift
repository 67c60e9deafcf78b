import ChorusSupport
import FuzzSupport

/// The JSON parser: any bytes give a value or a syntax error with a position, never a crash;
/// a parsed value's positions lie inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = text(data, size)
    do {
        let node = try JSONParser.parse(input)
        precondition(node.position.offset <= input.utf8.count)
        _ = node.locate(JSONPath.root.appending("a").appending(0))
    } catch {
        precondition(error.position.line >= 1 && error.position.column >= 1)
    }
    return 0
}
