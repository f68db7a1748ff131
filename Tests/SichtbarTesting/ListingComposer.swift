import Casework

/// Writes every value out, or `[[name]]` where it is unknown, so tests see what a template gets.
public struct ListingComposer: LetterComposer {
    public let templates = ["beschwerdebrief", "gedaechtnisprotokoll"]

    public init() {}

    public func compose(_ template: String, values: LetterValues) -> String? {
        guard templates.contains(template) else { return nil }
        func show(_ name: String, _ value: String?) -> String { "\(name)=\(value ?? "[[\(name)]]")" }
        return [
            show("office", values.officeName), show("address", values.officeAddress), show("place", values.place),
            show("date", values.date), show("reference", values.reference), show("counterpart", values.counterpart),
            show("person", values.person), show("counsellor", values.counsellor), show("incidentDate", values.incidentDate),
        ]
        .joined(separator: "\n")
    }
}
