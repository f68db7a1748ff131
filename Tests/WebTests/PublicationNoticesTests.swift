import Casework
import Foundation
import SichtbarCore
import Statistics
import Testing

@testable import Web

/// The publication's figures wait on the server for the analyst who published, and expire.
@Suite struct PublicationNoticesTests {
    @Test func onlyThePublishingAnalystReadsTheFiguresAndOnlyForTenMinutes() async throws {
        let notices = PublicationNotices()
        let file = StatFile(
            scope: .verband, period: try #require(StatPeriod("2025")), policy: "p", taxonomy: "1",
            generatedOn: Day(year: 2026, month: 1, day: 5) ?? Day(Date()), tables: [])
        let merged = MergedStatistics(
            file: file, offices: [], disclosure: nil,
            loss: InformationLoss(counts: 100, hiddenCounts: 20, cases: 400, hiddenCases: 9, mergedCodes: 3))
        let loss = try #require(PublicationLoss(merged))
        #expect(loss.countTenths == 200 && loss.caseTenths == 23 && loss.mergedCodes == 3 && loss.compared == nil)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let token = await notices.keep(loss, for: "analyse.verband", now: now)
        #expect(await notices.loss(token, for: "analyse.verband", now: now.addingTimeInterval(60))?.countTenths == 200)
        #expect(await notices.loss(token, for: "someone.else", now: now.addingTimeInterval(60)) == nil)
        #expect(await notices.loss(token, for: "analyse.verband", now: now.addingTimeInterval(PublicationNotices.lifetime + 1)) == nil)
        #expect(await notices.loss("not-a-token", for: "analyse.verband", now: now) == nil)
    }
}
