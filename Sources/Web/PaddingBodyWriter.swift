import Hummingbird
import NIOCore

/// Passes a response body on as it is written and pads it when it ends, so a padded answer is
/// not collected in memory first.
struct PaddingBodyWriter: ResponseBodyWriter {
    var base: any ResponseBodyWriter
    var written = 0

    mutating func write(_ buffer: ByteBuffer) async throws {
        written += buffer.readableBytes
        try await base.write(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        var base = self.base
        let padding = ResponsePadding.target(written) - written
        try await base.write(ByteBuffer(repeating: UInt8(ascii: " "), count: padding))
        try await base.finish(trailingHeaders)
    }
}
