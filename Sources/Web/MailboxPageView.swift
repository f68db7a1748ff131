/// The mailbox page: the form that opens a mailbox with a receipt, and once opened (`opened`)
/// the status, the thread, the report if asked for, and the forms that write, add a file or
/// withdraw. Inside `{{#opened}}` the template reads the opened mailbox's names first.
struct MailboxPageView {
    struct Message {
        /// `office` or `reporter`, a class of the message.
        let from: String
        let text: String
        let on: String
        /// The attached file's type and size; empty when there is none.
        let file: String
        let onText: String
        let sender: String
    }

    /// The report itself, shown when the reporter asked for it.
    struct Report {
        let narrative: String
        let incidentDate: String
    }

    struct Opened {
        let office: String
        let receipt: String
        let statusLabel: String
        let statusExplain: String
        let mayWithdraw: Bool
        let mayAddFile: Bool
        let fileToken: String
        let messages: [Message]
        let messageToken: String
        let withdrawToken: String
        let report: Report?
    }

    let title: String
    let readToken: String
    let notice: String?
    let error: String?
    let opened: Opened?
}
