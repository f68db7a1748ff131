import Hummingbird

/// Answers a domain refusal that reaches the JSON API's edge with the contract's error body,
/// through the one mapping (`APIError.answering`): a handler need not catch what it cannot
/// explain better, and a refusal it forgot is still a 4xx, never a 500.
struct DomainErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw APIError.answering(error)
        }
    }
}
