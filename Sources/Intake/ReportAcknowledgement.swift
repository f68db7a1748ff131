import Sealing
import SichtbarCore

/// What intake answers once a report is durable: the receipt, the office that received the
/// report, and the day by which that office means to respond (the workflow's first-response
/// deadline), so the reporter knows where the report went and when to look again.
public struct ReportAcknowledgement: Sendable {
    public let receipt: Receipt
    public let office: Office
    public let firstResponseBy: Day?

    public init(receipt: Receipt, office: Office, firstResponseBy: Day?) {
        self.receipt = receipt
        self.office = office
        self.firstResponseBy = firstResponseBy
    }
}
