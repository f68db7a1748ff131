import Foundation
import Hummingbird
import OpenAPIRuntime

extension APIError {
    /// An error of the generated interface: swift-openapi-runtime wraps whatever a middleware,
    /// the decoder or a handler throws in `ServerError`. A decoding error is described as
    /// `RequestBody.describe` describes it; what the runtime refused itself is answered with the
    /// contract's body (415 for a content type, 400 otherwise); anything else as if unwrapped.
    static func answering(generated error: ServerError) -> any Error {
        if let decoding = error.underlyingError as? DecodingError { return RequestBody.describe(decoding) }
        let answer = answering(error.underlyingError)
        if answer is any HTTPResponseError { return answer }
        switch error.httpStatus {
        case .unsupportedMediaType: return APIError.unsupportedMediaType
        case .badRequest: return APIError(.badRequest, code: "bad_request", message: "the request is malformed")
        default: return answer
        }
    }
}
