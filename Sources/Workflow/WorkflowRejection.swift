import SichtbarCore

/// Why the engine refused a transition, naming the rule. Maps onto the API's error codes.
public enum WorkflowRejection: Sendable, Equatable, Error {
    /// The case is no longer in the step the request starts from (someone else moved it).
    case staleStep(current: String)
    /// The policy has no such way, or not for this kind, role or time.
    case transitionForbidden(rule: String)
    /// The intervention's gate is closed: this document (naming this counterpart) is missing.
    case documentMissing(document: String, intervention: String, counterpart: String?)
    /// Documents of the type are on file, but none fits: each with why (another party, not in
    /// scope, revoked, signed later).
    case documentUnfit(document: String, intervention: String, counterpart: String?, mismatches: [DocumentMismatch])
    /// An input the transition needs is missing or not one the policy knows, naming the field.
    case invalidInput(FieldError)
    /// An event or deadline rule (`code`) belongs to legal fields (`fields`) the case is not in
    /// (`caseFields`): it would start nothing, or the wrong deadline.
    case fieldMismatch(code: String, fields: [String], caseFields: [String])

    /// The engine's input checks name a field and what is wrong with it.
    static func invalidInput(field: String, problem: String) -> WorkflowRejection {
        .invalidInput(.invalid(field: field, message: problem))
    }

    /// The error code of the HTTP API.
    public var code: String {
        switch self {
        case .staleStep: "stale_step"
        case .transitionForbidden: "transition_forbidden"
        case .documentMissing: "document_missing"
        case .documentUnfit: "document_unfit"
        case .invalidInput: "validation_failed"
        case .fieldMismatch: "field_mismatch"
        }
    }

    /// For the counsellor: what is wrong and which rule says so.
    public var message: String {
        switch self {
        case .staleStep(let current):
            "the case is now in '\(current)': someone moved it meanwhile; reload and decide again"
        case .transitionForbidden(let rule):
            rule
        case .documentMissing(let document, let intervention, let counterpart?):
            "'\(intervention)' needs a '\(document)' in force that covers it and names '\(counterpart)'"
        case .documentMissing(let document, let intervention, nil):
            "'\(intervention)' needs a '\(document)' in force that covers it"
        case .documentUnfit(let document, let intervention, let counterpart, let mismatches):
            "'\(intervention)'\(counterpart.map { " towards '\($0)'" } ?? "") needs a '\(document)' in force that covers it; on file: "
                + mismatches.map { mismatch in
                    "signed \(mismatch.signedOn.iso)\(mismatch.counterpart.map { " for '\($0)'" } ?? "") – "
                        + mismatch.reasons.map(Self.describe).joined(separator: ", ")
                }.joined(separator: "; ")
        case .invalidInput(let refusal):
            refusal.message
        case .fieldMismatch(let code, let fields, let caseFields):
            "'\(code)' belongs to the legal field \(fields.joined(separator: " or ")); this case's fields are \(caseFields.joined(separator: ", ")): set the case's legal fields first"
        }
    }

    static func describe(_ reason: DocumentMismatch.Reason) -> String {
        switch reason {
        case .otherParty(let name?): "it names '\(name)'"
        case .otherParty(nil): "it names no party"
        case .notInScope: "it does not cover this intervention"
        case .revoked(let day): "revoked on \(day.iso)"
        case .signedLater(let day): "signed only on \(day.iso)"
        }
    }
}
