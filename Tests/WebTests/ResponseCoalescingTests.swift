import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Web

/// A small streamed answer leaves as one buffer (one write with its head), a large one streams.
@Suite struct ResponseCoalescingTests {
    /// Counts the writes a body makes and keeps its bytes.
    final class CountingWriter: ResponseBodyWriter, @unchecked Sendable {
        var writes = 0
        var bytes: [UInt8] = []
        func write(_ buffer: ByteBuffer) async throws {
            writes += 1
            bytes += buffer.readableBytesView
        }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    static func streamed(parts: Int, of size: Int) -> Response {
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
        return Response(
            status: .created, headers: [.contentType: "application/json"],
            body: ResponseBody(contentLength: parts * size) { writer in
                for _ in 0..<parts { try await writer.write(chunk) }
                try await writer.finish(nil)
            })
    }

    /// Records how the answer that leaves `ResponseCoalescingMiddleware` writes its body.
    struct Probe: RouterMiddleware {
        typealias Context = AppRequestContext
        let seen: CountingWriter

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            var response = try await next(request, context)
            try await response.body.write(seen)
            response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: seen.bytes))
            return response
        }
    }

    /// Sends `response` through the middleware on a router; returns its body's writes and the answer.
    static func through(_ response: Response) async throws -> (CountingWriter, status: HTTPResponse.Status, headers: HTTPFields) {
        let seen = CountingWriter()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: Probe(seen: seen))
        router.add(middleware: ResponseCoalescingMiddleware())
        router.get("/answer") { _, _ in response }
        let answer = try await Application(router: router).test(.router) { client in
            let received = try await client.execute(uri: "/answer", method: .get)
            #expect(Array(received.body.readableBytesView) == seen.bytes)
            return (received.status, received.headers)
        }
        return (seen, answer.0, answer.1)
    }

    @Test func aSmallStreamedAnswerBecomesOneBufferWithTheSameBytes() async throws {
        let before = CountingWriter()
        try await Self.streamed(parts: 3, of: 100).body.write(before)
        #expect(before.writes == 3)
        let (after, status, headers) = try await Self.through(Self.streamed(parts: 3, of: 100))
        #expect(after.writes == 1)
        #expect(after.bytes == before.bytes)
        #expect(headers[.contentLength] == "300")
        #expect(status == .created && headers[.contentType] == "application/json")
    }

    @Test func aLargeAnswerStaysStreamed() async throws {
        let size = ResponseCoalescingMiddleware.limit / 2 + 1
        let (writer, _, headers) = try await Self.through(Self.streamed(parts: 2, of: size))
        #expect(writer.writes == 2)
        #expect(headers[.contentLength] == String(2 * size))
        #expect(writer.bytes.count == 2 * size)
    }
}
