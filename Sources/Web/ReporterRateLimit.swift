import HTTPTypes
import OpenAPIRuntime
import ReporterContract

/// The reporter routes' rate limits, asked before the body is read (so a refused client costs
/// nothing, and every request counts): a report against both intake limits, a mailbox request
/// against the mailbox limit of its address. The offices list has none; an operation not named
/// here gets the mailbox limit.
struct ReporterRateLimit: ServerMiddleware {
    let services: WebServices

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let address = {
            ClientAddress.resolve(
                peer: RequestScope.current?.peer, headers: request.headerFields, trustedProxy: services.settings.trustedProxy)
        }
        switch operationID {
        case Operations.SubmitReport.id:
            guard services.allowIntake(from: address()) else { throw APIError.rateLimited }
        case Operations.ListOffices.id:
            break
        default:
            // The mailbox routes, and any operation added to the generated slice later: it is
            // limited until someone decides otherwise, never open by omission.
            guard services.mailboxPerAddress.allow(address()) else { throw APIError.rateLimited }
        }
        return try await next(request, body, metadata)
    }
}
