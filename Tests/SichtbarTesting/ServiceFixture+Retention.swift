import Intake
import Sealing
import SichtbarCore
import Testing

extension ServiceFixture {
    /// The ids of every case retention still has to decide on.
    public func retentionCandidateIDs() async throws -> Set<EntityID> {
        Set(try await stores.retention.retentionCandidates().map(\.id))
    }

    /// A report through intake to office A; its receipt and the id of the case it made (the one
    /// retention did not list before).
    public func submitCase(_ narrative: String = "Die Wohnung wurde mir wegen meines Namens verweigert.") async throws
        -> (Receipt, EntityID)
    {
        let before = try await retentionCandidateIDs()
        let receipt =
            (try await reporter.submit(
                ReportSubmission(
                    language: "de", narrative: narrative, grounds: ["rassistische_zuschreibung"],
                    area: "wohnen", contactWish: "mailbox", office: officeA.id.hex,
                    consent: true))).receipt
        let made = try await retentionCandidateIDs().subtracting(before)
        return (receipt, try #require(made.first))
    }
}
