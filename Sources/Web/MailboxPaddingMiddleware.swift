import Hummingbird

/// Pads every answer of a mailbox route, refusals included, to a multiple of
/// `ResponsePadding.block` bytes, so that its size tells an observer neither whether a receipt
/// exists nor how much its thread holds. It sits outside `DomainErrorMiddleware`, so it pads an
/// error after the refusal has become the contract's error body.
struct MailboxPaddingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static func isMailbox(_ path: String) -> Bool {
        path == "/api/v1/mailbox" || path.hasPrefix("/api/v1/mailbox/")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isMailbox(request.routePath) else { return try await next(request, context) }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw APIError.contract(error).paddedCopy()
        } catch {
            // An unexpected failure is a 500 like elsewhere, but padded: that one arises only for a
            // receipt that exists must not tell so by its size.
            context.logger.error("mailbox request failed", metadata: ["error": "\(type(of: error))"])
            throw APIError(.internalServerError, code: "internal", message: "internal error").paddedCopy()
        }
        let body = response.body
        let length = body.contentLength.map(ResponsePadding.target)
        // Setting the body sets Content-Length to the padded length.
        response.body = ResponseBody(contentLength: length) { writer in
            try await body.write(PaddingBodyWriter(base: writer))
        }
        return response
    }
}
