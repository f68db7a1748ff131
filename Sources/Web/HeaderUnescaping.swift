import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Writes the named response headers as the handler gave them. swift-openapi-runtime encodes a
/// declared header's value as an RFC 6570 simple string, percent-encoding `;`, `=`, `"` and
/// spaces (apple/swift-openapi-generator#529, #857, where a middleware is the suggested remedy):
/// `attachment; filename="dokument-….pdf"` and a Content-Security-Policy would reach the client
/// unusable. Only headers whose values this server sets itself are named, so decoding restores
/// exactly what the handler wrote.
struct HeaderUnescaping: ServerMiddleware {
    let names: [HTTPField.Name]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        for name in names {
            guard let value = response.headerFields[name], let plain = value.removingPercentEncoding else { continue }
            response.headerFields[name] = plain
        }
        return (response, responseBody)
    }
}
