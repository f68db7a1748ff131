import SichtbarCore

/// Every report is sealed at intake: written by hand, the object `JSONEncoder` writes, keys in
/// declaration order.
extension ReportContent: JSONPlaintext {
    public func writeJSON(to writer: inout JSONPlaintextWriter) {
        writer.field("language", language)
        writer.field("narrative", narrative)
        writer.field("incidentDate", incidentDate?.iso)
        writer.field("learnedDate", learnedDate?.iso)
        writer.field("grounds", grounds)
        writer.field("area", area)
        writer.field("region", region)
        writer.field("role", role)
        writer.field("contactWish", contactWish.rawValue)
        writer.field("submittedOn", submittedOn.iso)
    }
}

/// Sealed at intake beside the report when a reporter leaves contact details.
extension ContactDetails: JSONPlaintext {
    public func writeJSON(to writer: inout JSONPlaintextWriter) {
        writer.field("text", text)
    }
}
