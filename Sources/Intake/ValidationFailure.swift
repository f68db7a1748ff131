/// Why a request was refused, in the codes of CONTRACT.md, naming the field.
public struct ValidationFailure: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        case badRequest = "bad_request"
        case validationFailed = "validation_failed"
        case unknownCode = "unknown_code"
        case tooLarge = "too_large"
    }

    public let code: Code
    public let field: String?
    public let message: String

    public init(_ code: Code, field: String?, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }
}
