import Foundation
import SichtbarTesting

@testable import Intake
@testable import Sealing
@testable import SichtbarCore

/// One office, an in-memory store and a reporter service on a fixed day.
struct ReporterFixture {
    static let today = Day(year: 2026, month: 7, day: 1)!

    let officeKeyPair = BoxKeyPair()
    let office: Office
    let store: InMemoryReportStore
    let lookupKey = SecureBytes(randomCount: 32)
    let service: ReporterService

    init() throws {
        office = makeOffice("Beratungsstelle Dortmund", regions: ["05913"], keyPair: officeKeyPair)
        store = InMemoryReportStore(offices: [office])
        service = ReporterService(
            store: store, taxonomy: try realTaxonomy(), lookupKey: lookupKey,
            today: { ReporterFixture.today })
    }

    /// A report whose narrative carries a unique marker, so plaintext can be searched for.
    static func submission(narrative: String = "Bericht \(UUID().uuidString)", contact: String? = nil) -> ReportSubmission {
        ReportSubmission(
            language: "de", narrative: narrative, incidentDate: "2026-06-20",
            grounds: ["antisemitismus"], area: "wohnen", region: "05913", role: "betroffen",
            contactWish: contact == nil ? "mailbox" : "contact", contact: contact, consent: true)
    }

    /// The id of the only case in the store.
    func onlyCaseID() async throws -> EntityID? {
        let ids = Set(await store.allRecords().map(\.caseID))
        return ids.count == 1 ? ids.first : nil
    }

    /// What the store shows for a receipt's mailbox.
    func snapshot(for receipt: Receipt) async -> MailboxSnapshot? {
        await store.mailbox(lookupID: ReceiptKeys(receipt: receipt).lookupID(serverKey: lookupKey))
    }
}
