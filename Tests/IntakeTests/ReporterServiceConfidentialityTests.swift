import Foundation
import SichtbarTesting
import Testing

@testable import Intake
@testable import Sealing
@testable import SichtbarCore

@Suite("ReporterService: what the store sees is sealed")
struct ReporterServiceConfidentialityTests {
    let marker = "MARKER-\(UUID().uuidString)"
    let contactMarker = "kontakt-\(UUID().uuidString)@example.org"

    /// Every byte string a sealed intake hands to the store.
    private func sealedFields(of intake: SealedIntake) -> [(String, [UInt8])] {
        [("sealedKeys", intake.sealedKeys), ("lookupID", intake.lookupID), ("wrappedMailboxKey", intake.wrappedMailboxKey)]
            + intake.records.map { ("record \($0.kind.rawValue)", $0.ciphertext) }
    }

    @Test func theSearchForPlaintextFindsItWhereItIs() {
        let needle = Array(marker.utf8)
        #expect(Array("vorher \(marker) nachher".utf8).containsSubsequence(needle))
        #expect(!Array("vorher nachher".utf8).containsSubsequence(needle))
    }

    @Test func storedRecordsHoldNoPlaintext() async throws {
        let fixture = try ReporterFixture()
        let receipt =
            (try await fixture.service.submit(
                ReporterFixture.submission(narrative: "Vorfall \(marker) Ende", contact: contactMarker))).receipt
        #expect(try await fixture.service.addMessage(receipt: receipt, text: "Nachricht \(marker)"))

        let records = await fixture.store.allRecords()
        #expect(Set(records.map(\.kind)) == [.report, .contact, .message])
        for record in records {
            for needle in [marker, contactMarker, "antisemitismus", "05913"] {
                #expect(!record.ciphertext.containsSubsequence(Array(needle.utf8)), "\(record.kind) holds \(needle)")
            }
        }
        let snapshot = try #require(await fixture.snapshot(for: receipt))
        #expect(!snapshot.wrappedMailboxKey.containsSubsequence(Array(marker.utf8)))
    }

    @Test func aSealedIntakeHoldsNoPlaintext() throws {
        let fixture = try ReporterFixture()
        let report = try fixture.service.validator.validate(
            ReporterFixture.submission(narrative: "Vorfall \(marker) Ende", contact: contactMarker),
            offices: [fixture.office], today: ReporterFixture.today)
        let (intake, receipt) = try fixture.service.seal(report, on: ReporterFixture.today)

        for (name, field) in sealedFields(of: intake) {
            for needle in [marker, contactMarker, receipt.formatted, receipt.formatted.replacingOccurrences(of: "-", with: "")] {
                #expect(!field.containsSubsequence(Array(needle.utf8)), "\(name) holds \(needle)")
            }
        }
        #expect(intake.step == "eingegangen")
        #expect(intake.channel == "online_formular")
        #expect(intake.receivedOn == ReporterFixture.today)
        #expect(intake.officeID == fixture.office.id)
        #expect(intake.officeKeyVersion == fixture.office.keyVersion)
        #expect(intake.lookupID == ReceiptKeys(receipt: receipt).lookupID(serverKey: fixture.lookupKey))
        #expect(intake.records.allSatisfy { $0.caseID == intake.caseID })
    }

    @Test func contactDetailsAreAContactRecordOutsideTheMailbox() async throws {
        let fixture = try ReporterFixture()
        let receipt = (try await fixture.service.submit(ReporterFixture.submission(contact: contactMarker))).receipt

        let records = await fixture.store.allRecords()
        #expect(records.filter { $0.kind == .contact }.count == 1)
        let snapshot = try #require(await fixture.snapshot(for: receipt))
        #expect(snapshot.records.map(\.kind) == [.report])
        #expect(!snapshot.records.contains { $0.kind == .contact })

        let view = try #require(try await fixture.service.read(receipt: receipt, includeReport: true))
        #expect(view.report?.contactWish == .contact)
        let reportJSON = try JSONEncoder().encode(try #require(view.report))
        #expect(!Array(reportJSON).containsSubsequence(Array(contactMarker.utf8)), "the report carries no contact")
    }

    @Test func withoutContactDetailsThereIsNoContactRecord() async throws {
        let fixture = try ReporterFixture()
        _ = try await fixture.service.submit(ReporterFixture.submission())
        #expect(await fixture.store.allRecords().map(\.kind) == [.report])
    }

    @Test func theOfficeOpensTheCaseKeysAndTheContactDetails() throws {
        let fixture = try ReporterFixture()
        let narrative = "Vorfall \(marker)"
        let report = try fixture.service.validator.validate(
            ReporterFixture.submission(narrative: narrative, contact: contactMarker),
            offices: [fixture.office], today: ReporterFixture.today)
        let (intake, receipt) = try fixture.service.seal(report, on: ReporterFixture.today)

        let keys = try CaseKeys.open(intake.sealedKeys, with: fixture.officeKeyPair)
        #expect(!keys.caseKey.constantTimeEquals(keys.mailboxKey))

        let contactRecord = try #require(intake.records.first { $0.kind == .contact })
        #expect(try RecordCodec.open(contactRecord, as: ContactDetails.self, key: keys.caseKey) == ContactDetails(text: contactMarker))
        let reportRecord = try #require(intake.records.first { $0.kind == .report })
        #expect(try RecordCodec.open(reportRecord, as: ReportContent.self, key: keys.mailboxKey).narrative == narrative)

        // The reporter's receipt unwraps the same mailbox key the office holds.
        let mailboxKey = try SecretBox.open(intake.wrappedMailboxKey, key: ReceiptKeys(receipt: receipt).reporterKey)
        #expect(mailboxKey.constantTimeEquals(keys.mailboxKey))
    }

    @Test func theMailboxKeyDoesNotOpenTheContactRecord() throws {
        let fixture = try ReporterFixture()
        let report = try fixture.service.validator.validate(
            ReporterFixture.submission(contact: contactMarker), offices: [fixture.office], today: ReporterFixture.today)
        let (intake, receipt) = try fixture.service.seal(report, on: ReporterFixture.today)
        let mailboxKey = try SecretBox.open(intake.wrappedMailboxKey, key: ReceiptKeys(receipt: receipt).reporterKey)
        let contactRecord = try #require(intake.records.first { $0.kind == .contact })
        #expect(throws: SealingError.authenticationFailed) {
            try RecordCodec.open(contactRecord, as: ContactDetails.self, key: mailboxKey)
        }
    }

    @Test func anotherOfficeCannotOpenTheCaseKeys() throws {
        let fixture = try ReporterFixture()
        let report = try fixture.service.validator.validate(
            ReporterFixture.submission(), offices: [fixture.office], today: ReporterFixture.today)
        let (intake, _) = try fixture.service.seal(report, on: ReporterFixture.today)
        #expect(throws: SealingError.authenticationFailed) {
            try CaseKeys.open(intake.sealedKeys, with: BoxKeyPair())
        }
    }

    @Test func aRecordMovedToAnotherCaseDoesNotOpen() throws {
        let fixture = try ReporterFixture()
        let report = try fixture.service.validator.validate(
            ReporterFixture.submission(contact: contactMarker), offices: [fixture.office], today: ReporterFixture.today)
        let (intake, _) = try fixture.service.seal(report, on: ReporterFixture.today)
        let keys = try CaseKeys.open(intake.sealedKeys, with: fixture.officeKeyPair)
        let contact = try #require(intake.records.first { $0.kind == .contact })
        let moved = SealedRecord(
            id: contact.id, caseID: .random(), kind: contact.kind,
            keyVersion: contact.keyVersion, ciphertext: contact.ciphertext)
        #expect(throws: SealingError.authenticationFailed) {
            try RecordCodec.open(moved, as: ContactDetails.self, key: keys.caseKey)
        }
    }

    @Test func eachSealingMakesFreshKeysAndAFreshReceipt() throws {
        let fixture = try ReporterFixture()
        let report = try fixture.service.validator.validate(
            ReporterFixture.submission(), offices: [fixture.office], today: ReporterFixture.today)
        let (first, firstReceipt) = try fixture.service.seal(report, on: ReporterFixture.today)
        let (second, secondReceipt) = try fixture.service.seal(report, on: ReporterFixture.today)
        #expect(first.caseID != second.caseID)
        #expect(first.lookupID != second.lookupID)
        #expect(firstReceipt.formatted != secondReceipt.formatted)
        let firstKeys = try CaseKeys.open(first.sealedKeys, with: fixture.officeKeyPair)
        let secondKeys = try CaseKeys.open(second.sealedKeys, with: fixture.officeKeyPair)
        #expect(!firstKeys.caseKey.constantTimeEquals(secondKeys.caseKey))
        #expect(!firstKeys.mailboxKey.constantTimeEquals(secondKeys.mailboxKey))
    }
}
