import Hummingbird

/// Refuses an `/api/` request that a browser marks as sent by another site (`Sec-Fetch-Site`
/// other than same-origin or none): the API serves its own pages' origin and scripts, which send
/// no such header. A refusal reads no body and changes nothing.
struct CrossSiteMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.routePath.hasPrefix("/api/"), MemberPages.isCrossSite(request) {
            throw MailboxPaddingMiddleware.isMailbox(request.routePath) ? APIError.crossSite.paddedCopy() : APIError.crossSite
        }
        return try await next(request, context)
    }
}
