/// The receipt page: after a report the receipt in groups, the office and the first answer's
/// date; without one (`GET /receipt`) only the title, and the page explains what a receipt is.
struct ReceiptView {
    /// A group of four characters, kept on one line; the last carries no dash.
    struct Group {
        let text: String
        let dash: Bool
    }

    let title: String
    let receipt: String?
    let receiptGroups: [Group]?
    let office: String?
    /// Promised only to someone who wants an answer.
    let firstResponse: String?
}
