import Casework
import Foundation
import Intake
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import CaseStore

@Suite("SQLiteMemberStore.createMany: many sealed cases in one transaction")
struct BulkCasesTests {
    @Test func bulkCasesListOpenAndKeepTheChainIntact() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let today = Day(fixture.clock.now)
        var files: [NewCaseFile] = []
        for index in 0..<3 {
            let id = EntityID.random()
            let keys = CaseKeys.generate()
            let sheet = CaseSheet(title: "Import \(index)", closedOn: index == 0 ? today : nil)
            let records = [try RecordCodec.seal(sheet, kind: .sheet, caseID: id, key: keys.caseKey, revision: 0)]
            files.append(
                NewCaseFile(
                    id: id, officeID: fixture.officeA.id, keyVersion: fixture.officeA.keyVersion,
                    sealedKeys: keys.seal(to: fixture.officeA.publicKey), kind: "beratungsfall",
                    step: index == 0 ? "abschluss" : "intervention", channel: "telefon", receivedOn: today.adding(days: -index),
                    nextDue: nil, records: records,
                    assignees: [], audit: [.member("import", .caseCreated, id.hex)], closedOn: sheet.closedOn,
                    authenticator: CaseIntegrity.tag(
                        caseID: id, revision: 0, records: records.map(CaseIntegrity.Entry.init),
                        caseKey: keys.caseKey)))
        }
        try await fixture.engine.caseFiles.createMany(files)
        let items = try await fixture.casework.list(CaseListFilter(), for: lead).items
        #expect(items.map(\.title) == ["Import 0", "Import 1", "Import 2"])
        #expect(try await fixture.casework.open(files[0].id, for: lead).sheet.closedOn == today)
        let count = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 100).count
        #expect(
            try await fixture.store.verifyChain(fixture.officeA.id, key: fixture.store.signer.publicKey) == .intact(count: UInt64(count)))
        await #expect(throws: StoreError.self, "one office a call") {
            try await fixture.engine.caseFiles.createMany([
                files[1],
                NewCaseFile(
                    id: .random(), officeID: fixture.officeB.id, keyVersion: 1, sealedKeys: [],
                    kind: "meldung", step: "eingegangen", channel: "telefon", receivedOn: today,
                    nextDue: nil, records: [], assignees: [], audit: []),
            ])
        }
    }
}
