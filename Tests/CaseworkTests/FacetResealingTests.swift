import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

@testable import Casework
@testable import InMemoryStore

/// A classification sealed as JSON before issue 18 opens as it did, and is sealed again in the
/// binary format at its case's next transition: no migration rewrites the table.
@Suite struct FacetResealingTests {
    @Test func aJSONClassificationIsResealedInBinaryAtTheNextTransition() async throws {
        let fixture = try await ServiceFixture.make()
        let counsellor = try await fixture.login("berater.a1")
        let id = try await fixture.casework.create(
            NewCaseInput(kind: "beratungsfall", channel: "telefon", title: "Fall", persons: [], contact: nil, note: nil), by: counsellor)
        try await fixture.casework.classify(
            id, codes: ["ground": ["antisemitismus"], "area": ["wohnen"]], flags: [], region: "05315", by: counsellor)
        let officeID = fixture.officeA.id
        let secrets = try await counsellor.officeSecrets(version: fixture.officeA.keyVersion, store: fixture.stores.members)
        let key = try #require(secrets.statisticsKey(version: secrets.version))
        let sealed = try #require(try await fixture.stores.caseFiles.facets(caseID: id, officeID: officeID))
        let (classification, binary) = try FacetCodec.openNotingFormat(sealed, officeID: officeID, key: key)
        #expect(binary, "a new classification is sealed in binary")

        // The same classification as the JSON sealing of before wrote it, under the same id.
        let json = try FacetCodec.seal(
            plaintext: Array(try JSONEncoder().encode(classification)), month: sealed.month, officeID: officeID, id: sealed.id,
            keyVersion: sealed.keyVersion, key: key)
        try fixture.database.write { state in
            state.facets[sealed.id] = FacetsRow(
                id: json.id, caseID: id, officeID: officeID, month: json.month, keyVersion: json.keyVersion, ciphertext: json.ciphertext)
        }
        let stored = try #require(try await fixture.stores.caseFiles.facets(caseID: id, officeID: officeID))
        #expect(try !FacetCodec.openNotingFormat(stored, officeID: officeID, key: key).binary)
        #expect(try FacetCodec.open(stored, officeID: officeID, key: key) == classification)

        // A transition that changes no counting fact still seals it again, in binary.
        try await fixture.casework.transition(id, TransitionRequest(from: "eingegangen", to: "erstkontakt"), by: counsellor)
        let resealed = try #require(try await fixture.stores.caseFiles.facets(caseID: id, officeID: officeID))
        let reopened = try FacetCodec.openNotingFormat(resealed, officeID: officeID, key: key)
        #expect(reopened.binary && resealed.id == sealed.id)
        #expect(reopened.classification == classification)
    }
}
