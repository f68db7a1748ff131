/// Input that cannot be accepted, naming the field: the one form of field error in every module
/// (a report's field, a member's, a case's, a transition's input). The JSON API answers it with
/// the contract's error body (`code`, `message`, `field`), the pages show it beside the field.
public struct FieldError: Error, Sendable, Equatable {
    /// The contract's error codes for refused input.
    public enum Code: String, Sendable {
        case badRequest = "bad_request"
        case validationFailed = "validation_failed"
        case unknownCode = "unknown_code"
        case tooLarge = "too_large"
    }

    public let code: Code
    public let field: String
    public let message: String

    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// A value the rules refuse (`validation_failed`), the most common field error.
    public static func invalid(field: String, message: String) -> FieldError {
        FieldError(.validationFailed, field: field, message)
    }
}
