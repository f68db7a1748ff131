/// Pads mailbox answers with trailing white space (JSON white space, or after an HTML page's
/// end) to a fixed block, so the size of an answer tells an observer neither whether a receipt
/// exists nor how much its thread holds.
enum ResponsePadding {
    static let block = 4096

    /// The padded size of a body of `count` bytes: the next whole block above it.
    static func target(_ count: Int) -> Int {
        (count / block + 1) * block
    }

    static func pad(_ body: inout [UInt8]) {
        pad(&body, to: target(body.count))
    }

    /// Pads to `size` bytes (a body already that long stays as it is).
    static func pad(_ body: inout [UInt8], to size: Int) {
        guard size > body.count else { return }
        body.append(contentsOf: repeatElement(UInt8(ascii: " "), count: size - body.count))
    }
}
