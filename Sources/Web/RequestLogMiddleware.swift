import Foundation
import Hummingbird
import Logging

/// One log line per member request: request id (from the context's logger), method, route,
/// status, duration. Never the client address, user agent, query, or body.
///
/// Reporter routes, health and unmatched paths log nothing per request: swift-log's handlers
/// stamp every line to the second, and a reporter's times are kept by the day only.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Routes a reporter (or a probe) uses: no line per request.
    static let quietRoutes: Set<String> = [
        "/", "/receipt", "/mailbox", "/mailbox/messages", "/mailbox/withdraw", "/offices", "/privacy",
        "/static/style.css", "/healthz", "/openapi.yaml",
        "/api/v1/offices", "/api/v1/reports", "/api/v1/mailbox", "/api/v1/mailbox/messages",
        "/api/v1/mailbox/withdraw", "/api/v1/mailbox/files",
    ]

    /// Whether a request to `route` (the matched endpoint, nil or "NotFound" when none matched)
    /// gets a log line: only member routes do.
    static func logs(route: String?) -> Bool {
        guard let route, route != "NotFound" else { return false }
        let normalized = route.count > 1 && route.hasSuffix("/") ? String(route.dropLast()) : route
        return !quietRoutes.contains(normalized)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        guard Self.logs(route: context.endpointPath) else { return response }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "unmatched")",
                "status": "\(response.status.code)",
                "ms": "\(String(format: "%.1f", milliseconds))",
            ])
        return response
    }
}
