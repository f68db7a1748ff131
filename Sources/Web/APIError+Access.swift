import Casework
import Hummingbird
import Intake
import OpenAPIRuntime
import SichtbarCore
import Workflow

extension APIError {
    /// The answer to a refusal of the member service.
    init(_ error: AccessError) {
        switch error {
        case .unauthorized:
            self = .unauthorized
        case .notFound:
            self = .notFound
        case .busy:
            self.init(.serviceUnavailable, code: "unavailable", message: "too many logins at once; please try again in a moment")
        case .throttled:
            self.init(
                .tooManyRequests, code: "rate_limited",
                message: "too many login attempts for this username or from this address just now; wait a few seconds and try again")
        case .keysUnavailable:
            self.init(.serviceUnavailable, code: "unavailable", message: "the keys for this are not available to this member yet")
        case .keyIntegrity(let reason):
            self.init(
                .conflict, code: "key_integrity",
                message: "the office's keys differ from its authenticated key manifest; nothing was sealed: \(reason)")
        }
    }

    /// A refused transition: 409 for the workflow's rules (naming the rule), 422 for bad inputs.
    init(_ rejection: WorkflowRejection) {
        switch rejection {
        case .invalidInput(let refusal):
            self.init(refusal)
        case .staleStep, .transitionForbidden, .documentMissing, .documentUnfit, .fieldMismatch:
            self.init(.conflict, code: rejection.code, message: rejection.message)
        }
    }

    /// A case that fails its authenticator: 409, since the stored case conflicts with what its
    /// members last wrote and no retry changes that (docs/decisions.md). Names nothing inside.
    static let caseIntegrity = APIError(
        .conflict, code: "case_integrity",
        message: "the stored case does not match its authenticator: it was changed outside Sichtbar; the event is audited")
    static let unauthorized = APIError(.unauthorized, code: "unauthorized", message: "wrong username or passphrase, or no valid session")
}

extension APIError {
    /// The one mapping of the domain's refusals to the contract's answers: every JSON route's
    /// error goes through here (`DomainErrorMiddleware`), the generated interface's too. An error that is none of
    /// them (an `APIError` already, or an unexpected one) passes unchanged.
    static func answering(_ error: any Error) -> any Error {
        switch error {
        case let error as ServerError: return answering(generated: error)
        case let error as AccessError: return APIError(error)
        case let rejection as WorkflowRejection: return APIError(rejection)
        case let failure as FieldError: return APIError(failure)
        case is StoreError: return APIError.unavailable
        case is CaseIntegrityError: return APIError.caseIntegrity
        default: return error
        }
    }
}
