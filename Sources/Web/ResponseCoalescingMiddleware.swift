import Hummingbird

/// Turns a small streamed answer of known length into one buffer. Hummingbird sends a buffer
/// body as one batched write (head, body and end together), but a streamed body, which is what
/// the generated interfaces answer with (swift-openapi-hummingbird) and what the mailbox padding
/// produces, as three writes to the channel, each its own trip to the event loop. On the intake
/// route that cost about a tenth of its throughput (docs/benchmark.md). Large or open-ended
/// bodies (file downloads) are left streaming. It sits on the groups of the generated
/// interfaces only: a page's body is one buffer already.
struct ResponseCoalescingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The largest answer gathered in memory; every JSON answer is far below it.
    static let limit = 256 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard let length = response.body.contentLength, length <= Self.limit else { return response }
        let collected = CollectedBody(capacity: length)
        try await response.body.write(CollectingBodyWriter(collected: collected))
        // Setting the body keeps Content-Length: the gathered bytes are the declared length.
        response.body = ResponseBody(byteBuffer: collected.buffer)
        return response
    }
}
