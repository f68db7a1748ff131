/// Pads mailbox answers with trailing JSON whitespace to a fixed block, so the size of an answer
/// tells an observer neither whether a receipt exists nor how much its thread holds.
enum ResponsePadding {
    static let block = 4096

    static func pad(_ body: inout [UInt8]) {
        let target = (body.count / block + 1) * block
        body.append(contentsOf: repeatElement(UInt8(ascii: " "), count: target - body.count))
    }
}
