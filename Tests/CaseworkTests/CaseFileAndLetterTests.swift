import Casework
import Foundation
import Intake
import ScanScrubbing
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

@testable import InMemoryStore

@Suite("Scans on documents and letters: stripped, sealed, fetched one at a time, audited")
struct CaseFileAndLetterTests {
    static let vollmacht = DocumentInput(
        type: "vollmacht", scope: ["beschwerdebrief"], counterpart: "<b>Müller & Söhne</b>",
        signedOn: Day(Date()), note: nil)

    func audit(_ fixture: ServiceFixture<InMemoryDatabase>) async throws -> [AuditEvent] {
        try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 1_000).map(\.event)
    }

    func storedCiphertext(_ fixture: ServiceFixture<InMemoryDatabase>, _ id: EntityID) async throws -> [UInt8] {
        try fixture.database.read { state in
            state.recordOwners[id].flatMap { state.cases[$0]?.records[id]?.ciphertext } ?? []
        }
    }

    @Test func aScanComesBackWithoutItsEXIFAndWithTheRecordedHash() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        let documentID = try await fixture.casework.addDocument(Self.vollmacht, to: caseID, by: counsellor)

        let file = try await fixture.casework.attachFile(SampleScan.jpeg(), toDocument: documentID, in: caseID, by: counsellor)
        #expect(file.mediaType == .jpeg)
        let scan = try await fixture.casework.documentFile(documentID, in: caseID, by: counsellor)
        #expect(scan.bytes == SampleScan.jpeg(withEXIF: false), "the EXIF segment with the GPS position is gone")
        #expect(file.size == scan.bytes.count)
        #expect(file.hash == EntityID.hexString(FileDigest.sha256(scan.bytes)))
        #expect(file.hash.count == 64)

        let view = try await fixture.casework.open(caseID, for: counsellor)
        #expect(view.sheet.documents.first?.file == file)
        #expect(view.documentFiles == [file.recordID])
        #expect(view.timeline.contains { $0.kind == .documentFile && $0.recordID == file.recordID && $0.document?.file?.hash == file.hash })

        // Sealed: the stored ciphertext is not the file.
        let ciphertext = try await storedCiphertext(fixture, file.recordID)
        #expect(ciphertext.count > scan.bytes.count)
        #expect(!ciphertext.containsSubsequence(Array(SampleScan.image.prefix(20))))

        let events = try await audit(fixture)
        #expect(events.contains { $0.action == "case.document_file_attached" && $0.subject == "\(caseID.hex) vollmacht" })
        #expect(events.contains { $0.action == "case.document_file_viewed" && $0.subject == caseID.hex })
        #expect(!events.contains { $0.subject.contains("Müller") || $0.subject.contains("GPS") || $0.subject.contains(file.hash) })
    }

    @Test func aScanOfNearlyTenMiBIsSealedPaddedAndOpened() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        let documentID = try await fixture.casework.addDocument(Self.vollmacht, to: caseID, by: counsellor)
        let large = SampleScan.jpeg(length: MetadataStripper.maximumSize - 1_000)
        let file = try await fixture.casework.attachFile(large, toDocument: documentID, in: caseID, by: counsellor)
        #expect(file.size == large.count - SampleScan.exif.count)
        let ciphertext = try await storedCiphertext(fixture, file.recordID)
        #expect((ciphertext.count - 40) % (64 * 1024) == 0, "nonce and tag around whole 64 KiB blocks")
        #expect(
            try await fixture.casework.documentFile(documentID, in: caseID, by: counsellor).bytes
                == SampleScan.jpeg(
                    withEXIF: false,
                    length: MetadataStripper.maximumSize - 1_000))
        await #expect(throws: FieldError.invalid(field: "file", message: "the file is larger than 10 MiB")) {
            try await fixture.casework.attachFile(
                large + [UInt8](repeating: 0, count: 2_000), toDocument: documentID, in: caseID, by: counsellor)
        }
    }

    @Test func aDocumentFromBeforeScansStillDecodes() throws {
        let json =
            #"{"id": "\#(EntityID.random().hex)", "type": "vollmacht", "scope": ["alle"], "counterpart": "X", "signedOn": "2026-03-01"}"#
        let document = try JSONDecoder().decode(CaseDocument.self, from: Data(json.utf8))
        #expect(document.file == nil)
    }

    @Test func openingACaseLeavesScanAndLetterBodiesInTheStore() async throws {
        let fixture = try await ServiceFixture.make(letters: ListingComposer())
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        let documentID = try await fixture.casework.addDocument(Self.vollmacht, to: caseID, by: counsellor)
        let file = try await fixture.casework.attachFile(SampleScan.jpeg(), toDocument: documentID, in: caseID, by: counsellor)
        let letterID = try await fixture.casework.generateLetter(template: "beschwerdebrief", for: caseID, by: counsellor)

        let (_, records) = try #require(try await fixture.stores.caseFiles.caseFile(id: caseID, officeID: fixture.officeA.id))
        let bodies = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.ciphertext) })
        #expect(bodies[file.recordID] == [], "the scan's id without its ciphertext")
        #expect(bodies[letterID] == [], "the letter's id without its ciphertext")
        #expect(records.filter { $0.kind == .entry }.allSatisfy { !$0.ciphertext.isEmpty })
        #expect(
            try await fixture.stores.caseFiles.record(id: file.recordID, caseID: caseID, officeID: fixture.officeA.id)?.ciphertext.isEmpty
                == false)
        #expect(
            try await fixture.stores.caseFiles.record(id: file.recordID, caseID: caseID, officeID: fixture.officeB.id) == nil,
            "office-checked")
        #expect(
            try await fixture.stores.caseFiles.record(id: file.recordID, caseID: EntityID.random(), officeID: fixture.officeA.id) == nil)
    }

    @Test func aSecondScanReplacesTheFirstAndTheTimelineKeepsBothHashes() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        let documentID = try await fixture.casework.addDocument(Self.vollmacht, to: caseID, by: counsellor)
        let first = try await fixture.casework.attachFile(SampleScan.jpeg(scan: 1), toDocument: documentID, in: caseID, by: counsellor)
        let second = try await fixture.casework.attachFile(SampleScan.jpeg(scan: 2), toDocument: documentID, in: caseID, by: counsellor)
        #expect(first.hash != second.hash)
        #expect(try await fixture.stores.caseFiles.record(id: first.recordID, caseID: caseID, officeID: fixture.officeA.id) == nil)
        #expect(
            try await fixture.casework.documentFile(documentID, in: caseID, by: counsellor).bytes
                == SampleScan.jpeg(withEXIF: false, scan: 2))
        let view = try await fixture.casework.open(caseID, for: counsellor)
        #expect(view.documentFiles == [second.recordID])
        // Both within one second: the timeline gives them in no set order.
        #expect(Set(view.timeline.compactMap { $0.kind == .documentFile ? $0.document?.file?.hash : nil }) == [first.hash, second.hash])
    }

    @Test func aFileThatIsNoScanIsRefusedNamingTheFieldAndNothingIsStored() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        let documentID = try await fixture.casework.addDocument(Self.vollmacht, to: caseID, by: counsellor)
        let before = try await fixture.casework.open(caseID, for: counsellor)

        for (bytes, problem) in [
            (Array("Name: Erika Mustermann\n".utf8), "not a JPEG, PNG or PDF"), ([], "empty"),
            ([0xFF, 0xD8, 0xFF, 0xE1, 0x00], "damaged"),
        ] {
            do {
                try await fixture.casework.attachFile(bytes, toDocument: documentID, in: caseID, by: counsellor)
                Issue.record("\(problem) was accepted")
            } catch let refusal as FieldError {
                let (field, message) = (refusal.field, refusal.message)
                #expect(field == "file")
                #expect(message.contains(problem), "\(message)")
                #expect(!message.contains("Erika"), "the message never repeats content")
            }
        }
        await #expect(throws: AccessError.notFound, "a document the case does not have") {
            try await fixture.casework.attachFile(SampleScan.jpeg(), toDocument: EntityID.random(), in: caseID, by: counsellor)
        }
        await #expect(throws: AccessError.notFound, "a document without a scan") {
            try await fixture.casework.documentFile(documentID, in: caseID, by: counsellor)
        }
        let after = try await fixture.casework.open(caseID, for: counsellor)
        #expect(after.revision == before.revision)
        #expect(after.documentFiles.isEmpty)
        #expect(
            try fixture.database.read { state in
                state.cases.values.reduce(0) { count, row in count + row.records.values.filter { $0.kind == .documentFile }.count }
            } == 0)
    }

    @Test func anotherOfficeAndAnAnalystFindNeitherScansNorLetters() async throws {
        let fixture = try await ServiceFixture.make(letters: ListingComposer())
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        let documentID = try await fixture.casework.addDocument(Self.vollmacht, to: caseID, by: counsellor)
        try await fixture.casework.attachFile(SampleScan.jpeg(), toDocument: documentID, in: caseID, by: counsellor)
        let letterID = try await fixture.casework.generateLetter(template: "beschwerdebrief", for: caseID, by: counsellor)
        let other = try await fixture.login("berater.b")
        let analyst = try await fixture.login("analyse")
        let service = fixture.casework
        for session in [other, analyst] {
            await #expect(throws: AccessError.notFound) {
                try await service.attachFile(SampleScan.jpeg(), toDocument: documentID, in: caseID, by: session)
            }
            await #expect(throws: AccessError.notFound) { try await service.documentFile(documentID, in: caseID, by: session) }
            await #expect(throws: AccessError.notFound) {
                try await service.generateLetter(template: "beschwerdebrief", for: caseID, by: session)
            }
            await #expect(throws: AccessError.notFound) { try await service.letter(letterID, in: caseID, by: session) }
        }
        await #expect(throws: AccessError.notFound, "a scan's id is no letter") {
            try await service.letter(try await service.open(caseID, for: counsellor).documentFiles[0], in: caseID, by: counsellor)
        }
    }

    @Test func aLetterIsFilledFromTheCaseSealedAndAudited() async throws {
        let fixture = try await ServiceFixture.make(letters: ListingComposer())
        let counsellor = try await fixture.login("berater.a1")
        _ = try await fixture.reporter.submit(
            ReportSubmission(
                language: "de", narrative: "Absage wegen meines Namens.",
                incidentDate: "2026-01-03", grounds: ["rassistische_zuschreibung"],
                contactWish: "mailbox", office: fixture.officeA.id.hex, consent: true))
        let caseID = try #require(try await fixture.casework.list(CaseListFilter(limit: 10), for: counsellor).items.first?.id)
        let service = fixture.casework

        await #expect(
            throws: FieldError.invalid(field: "template", message: "not a letter template: one of beschwerdebrief, gedaechtnisprotokoll")
        ) {
            try await service.generateLetter(template: "../web/index", for: caseID, by: counsellor)
        }
        // Nothing known yet but the case itself: the rest stays a placeholder.
        let bare = try await service.letter(
            try await service.generateLetter(template: "gedaechtnisprotokoll", for: caseID, by: counsellor),
            in: caseID, by: counsellor)
        let reference = CaseReference.of(caseID)
        #expect(bare.template == "gedaechtnisprotokoll")
        #expect(bare.html.contains("reference=\(reference)"))
        #expect(bare.html.contains("incidentDate=3. Januar 2026"))
        #expect(bare.html.contains("date=\(Day(fixture.clock.now).germanLong)"))
        for unknown in ["address", "place", "counterpart", "person"] {
            #expect(bare.html.contains("\(unknown)=[[\(unknown)]]"), "\(unknown)")
        }
        #expect(bare.html.contains("office=Beratungsstelle A"))
        #expect(bare.html.contains("counsellor=berater.a1"))

        // The counterpart of the document in force, then of the latest intervention; the first person.
        try await service.describe(
            title: "", persons: [AffectedPerson(label: "Frau A.", minor: false), AffectedPerson(label: "Herr B.", minor: false)],
            on: caseID, by: counsellor)
        try await service.addParty(name: "<b>Müller & Söhne</b>", role: .gegenseite, to: caseID, by: counsellor)
        try await service.addDocument(Self.vollmacht, to: caseID, by: counsellor)
        let letterID = try await service.generateLetter(template: "beschwerdebrief", for: caseID, by: counsellor)
        let letter = try await service.letter(letterID, in: caseID, by: counsellor)
        #expect(letter.html.contains("counterpart=<b>Müller & Söhne</b>"), "passed as written; the renderer escapes")
        #expect(letter.html.contains("person=Frau A."))

        try await service.addParty(name: "Stadtwerke Köln", role: .gegenseite, to: caseID, by: counsellor)
        try await service.addDocument(
            DocumentInput(
                type: "vollmacht", scope: ["beschwerdebrief"], counterpart: "Stadtwerke Köln",
                signedOn: Day(fixture.clock.now), note: nil), to: caseID, by: counsellor)
        for (from, to) in [("eingegangen", "sachverhaltsklaerung"), ("sachverhaltsklaerung", "auftragsklaerung")] {
            try await service.transition(caseID, TransitionRequest(from: from, to: to), by: counsellor)
        }
        try await service.transition(
            caseID,
            TransitionRequest(
                from: "auftragsklaerung", to: "intervention", intervention: "beschwerdebrief",
                counterpart: "<b>Müller & Söhne</b>"), by: counsellor)
        let later = try await service.letter(
            try await service.generateLetter(template: "beschwerdebrief", for: caseID, by: counsellor),
            in: caseID, by: counsellor)
        #expect(later.html.contains("counterpart=<b>Müller & Söhne</b>"), "the intervention's counterpart, not the newer document's")

        let view = try await service.open(caseID, for: counsellor)
        // Timeline times are whole seconds, so letters made within one second come in no set order.
        #expect(view.letters.map(\.template).sorted() == ["beschwerdebrief", "beschwerdebrief", "gedaechtnisprotokoll"])
        #expect(view.letters.contains { $0.recordID == letterID && $0.template == "beschwerdebrief" })

        let ciphertext = try await storedCiphertext(fixture, letterID)
        #expect(!ciphertext.isEmpty)
        for secret in [reference, "Müller", "Frau A."] { #expect(!ciphertext.containsSubsequence(Array(secret.utf8)), "\(secret)") }

        let events = try await audit(fixture)
        #expect(
            events.filter { $0.action == "case.letter_generated" }.map(\.subject)
                == ["\(caseID.hex) gedaechtnisprotokoll", "\(caseID.hex) beschwerdebrief", "\(caseID.hex) beschwerdebrief"])
        #expect(events.filter { $0.action == "case.letter_viewed" }.map(\.subject) == Array(repeating: caseID.hex, count: 3))
        #expect(!events.contains { $0.subject.contains("Müller") || $0.subject.contains("Frau") })
    }
}
