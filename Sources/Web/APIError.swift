import Casework
import Foundation
import Hummingbird
import Intake
import NIOCore
import SichtbarCore

/// An error the API answers with CONTRACT.md's body: `{"error": {"code", "message", "field"?}}`.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let field: String?
    /// Pad the body as mailbox answers are padded.
    public let padded: Bool

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil, padded: Bool = false) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.padded = padded
    }

    public var headers: HTTPFields { [.contentType: "application/json; charset=utf-8"] }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body = Array(Self.body(code: code, message: message, field: field).utf8)
        if padded { ResponsePadding.pad(&body) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func body(code: String, message: String, field: String?) -> String {
        struct Envelope: Encodable {
            struct Inner: Encodable {
                let code: String
                let message: String
                let field: String?
            }
            let error: Inner
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Envelope(error: .init(code: code, message: message, field: field)))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    public init(_ failure: FieldError) {
        let status: HTTPResponse.Status
        switch failure.code {
        case .badRequest: status = .badRequest
        case .tooLarge: status = .contentTooLarge
        case .validationFailed, .unknownCode: status = .unprocessableContent
        }
        self.init(status, code: failure.code.rawValue, message: failure.message, field: failure.field)
    }

    /// Any refusal in the contract's body: ours as it is, Hummingbird's own by its status.
    static func contract(_ error: any HTTPResponseError) -> APIError {
        if let error = error as? APIError { return error }
        let code: String
        switch error.status {
        case .notFound: code = "not_found"
        case .contentTooLarge: code = "too_large"
        case .methodNotAllowed: code = "bad_request"
        case .unauthorized: code = "unauthorized"
        case .serviceUnavailable: code = "unavailable"
        default: code = "bad_request"
        }
        return APIError(error.status, code: code, message: error.status.reasonPhrase.lowercased())
    }

    func paddedCopy() -> APIError {
        APIError(status, code: code, message: message, field: field, padded: true)
    }

    static let receiptMalformed = APIError(
        .badRequest, code: "receipt_malformed",
        message: "a receipt is 20 symbols of 0-9 and A-Z", field: "receipt")
    static let receiptUnknown = APIError(
        .notFound, code: "receipt_unknown",
        message: "no report is known under this receipt", field: "receipt")
    static let unavailable = APIError(
        .serviceUnavailable, code: "unavailable",
        message: "the service cannot store this right now; nothing was stored, please try again")
    static let rateLimited = APIError(.tooManyRequests, code: "rate_limited", message: "too many requests; please wait and try again")
    static let notFound = APIError(.notFound, code: "not_found", message: "not found")
    static let unsupportedMediaType = APIError(
        .unsupportedMediaType, code: "unsupported_media_type",
        message: "the body must be JSON, sent as Content-Type: application/json")
    static let crossSite = APIError(.forbidden, code: "cross_site", message: "requests sent by another site are refused")
}
