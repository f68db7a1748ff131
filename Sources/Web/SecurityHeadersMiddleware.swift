import Hummingbird

/// Adds the security headers to every response, errors included: a CSP that allows no script at
/// all, no framing, no referrer off-site, no sniffing, and no caching of anything personal.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'",
        "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try Self.jsonError(error, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            response = try APIError(.internalServerError, code: "internal", message: "internal error")
                .response(from: request, context: context)
        }
        // A handler may set its own policy (a letter page allows its inline stylesheet by hash).
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicyHeader] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }

    /// Hummingbird's own errors (404 of an unknown route, 413 of a body) in the API's error body.
    private static func jsonError(_ error: any HTTPResponseError, request: Request, context: Context) throws -> Response {
        if error is MethodNotAllowed { return try error.response(from: request, context: context) }
        return try APIError.contract(error).response(from: request, context: context)
    }
}
