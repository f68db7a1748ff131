import Hummingbird
import NIOCore

/// Gathers what a response body writes into one buffer, for `ResponseCoalescingMiddleware`.
struct CollectingBodyWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.append(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// The buffer a `CollectingBodyWriter` fills; used by one request's task only.
final class CollectedBody: @unchecked Sendable {
    private(set) var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    func append(_ part: ByteBuffer) {
        var part = part
        buffer.writeBuffer(&part)
    }
}
