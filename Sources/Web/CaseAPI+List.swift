import CaseContract
import Casework

extension CaseAPI {
    /// The list's filters: the generated interface takes them as text (the document's enums are
    /// overridden), so an unknown value is answered `422` naming the parameter, and an empty one
    /// counts as absent, as the form sends it.
    static func filter(_ query: Operations.ListCases.Input.Query) throws -> CaseListFilter {
        func value(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        func refused(_ field: String, _ message: String) -> APIError {
            APIError(.unprocessableContent, code: "validation_failed", message: message, field: field)
        }
        var filter = CaseListFilter(step: value(query.step), query: value(query.q), limit: 100)
        if let assigned = value(query.assigned) {
            guard let parsed = CaseListFilter.Assignment(rawValue: assigned) else { throw refused("assigned", "assigned is mine or none") }
            filter.assignment = parsed
        }
        if let due = value(query.due) {
            guard let parsed = CaseListFilter.Due(rawValue: due) else { throw refused("due", "due is overdue or soon") }
            filter.due = parsed
        }
        if let after = value(query.after) {
            guard let cursor = CaseCursor(token: after) else { throw refused("after", "after is not a cursor this server gave out") }
            filter.after = cursor
        }
        if let sort = value(query.sort) {
            guard let parsed = CaseListFilter.Sort(rawValue: sort) else { throw refused("sort", "sort is received or urgency") }
            filter.sort = parsed
        }
        if let unread = value(query.unread) {
            guard unread == "true" || unread == "false" else { throw refused("unread", "unread is true or false") }
            filter.unread = unread == "true"
        }
        if let limit = value(query.limit) {
            guard let number = Int(limit), (1...100).contains(number) else { throw refused("limit", "limit is from 1 to 100") }
            filter.limit = number
        }
        return filter
    }
}
