import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// The day an engine believes it is, moved by the tests (reporter events are flushed into a
/// chain only once their day is over).
final class TestDay: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Day

    init(_ start: Day) { current = start }

    var today: Day {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(days: Int = 1) {
        lock.lock()
        current = current.adding(days: days)
        lock.unlock()
    }
}

/// One engine with two offices made through `StoreSetup`: office A with a lead and a
/// counsellor, office B with a lead. Members get a wrapped secret that is never unwrapped, so
/// no Argon2 runs: the stores keep it as they are given it.
struct ConformanceFixture {
    static let start = day("2026-03-10")

    let stores: EngineStores
    let clock: TestDay
    let office: Office
    let keys: OfficeKeys
    let other: Office
    let otherKeys: OfficeKeys
    let lead: Member
    let counsellor: Member
    let otherLead: Member

    var members: any MemberStore { stores.members }
    var caseFiles: any CaseFileStore { stores.caseFiles }

    static func make(engine: Engine, on start: Day = start) async throws -> ConformanceFixture {
        let clock = TestDay(start)
        return try await make(stores: try await engine.make(today: { clock.today }), clock: clock)
    }

    /// The fixture over stores made elsewhere (on a database the test holds itself).
    static func make(stores: EngineStores, clock: TestDay) async throws -> ConformanceFixture {
        let keys = try OfficeKeys.generate()
        let otherKeys = try OfficeKeys.generate()
        let office = try await stores.setup.createOffice(name: "Beratungsstelle A", profile: notice(), keys: keys)
        let other = try await stores.setup.createOffice(name: "Beratungsstelle B", profile: notice(), keys: otherKeys)
        let lead = try await add("lead.a", .lead, to: office, keys: keys, in: stores)
        let counsellor = try await add("berater.a", .counsellor, to: office, keys: keys, in: stores)
        let otherLead = try await add("lead.b", .lead, to: other, keys: otherKeys, in: stores)
        return ConformanceFixture(
            stores: stores, clock: clock, office: office, keys: keys, other: other, otherKeys: otherKeys, lead: lead,
            counsellor: counsellor, otherLead: otherLead)
    }

    static func notice(regions: [String] = []) -> OfficeProfile {
        OfficeProfile(regions: regions, controller: "Träger e. V.", law: .dsgvo, dpo: "datenschutz@example.org")
    }

    /// A member whose wrapped secret is random bytes in the stored shape.
    static func member(_ username: String, _ role: MemberRole, officeID: EntityID?, keyPair: BoxKeyPair = BoxKeyPair()) throws -> Member {
        Member(
            id: .random(), username: username, officeID: officeID, role: role, publicKey: keyPair.publicKey,
            wrappedSecret: try cheapWrap())
    }

    static func cheapWrap() throws -> PassphraseWrap {
        let json = """
            {"salt":\(Sodium.randomBytes(16)),"opsLimit":2,"memLimit":67108864,"sealed":\(Sodium.randomBytes(72))}
            """
        return try JSONDecoder().decode(PassphraseWrap.self, from: Data(json.utf8))
    }

    /// Adds a member through `StoreSetup.addMember` with the office secrets sealed to them.
    @discardableResult
    static func add(_ username: String, _ role: MemberRole, to office: Office, keys: OfficeKeys, in stores: EngineStores) async throws
        -> Member
    {
        let member = try member(username, role, officeID: office.id)
        try await stores.setup.addMember(
            member, seals: keys.seals(to: member.publicKey, recipientName: member.id.hex, version: office.keyVersion),
            secrets: keys.secrets)
        return member
    }

    // MARK: Audit

    /// Every event of a chain, oldest first.
    func entries(_ chain: EntityID? = nil) async throws -> [AuditEntry] {
        try await members.auditEntries(chain: chain ?? office.id, from: 1, limit: 10_000)
    }

    func actions(_ chain: EntityID? = nil) async throws -> [String] {
        try await entries(chain).map(\.event.action)
    }

    /// The chain recomputed through the protocol against the engine's signing key.
    func verify(_ chain: EntityID? = nil) async throws -> AuditVerdict {
        let chain = chain ?? office.id
        var verifier = AuditVerifier(chain: chain, key: stores.signer.publicKey)
        for entry in try await members.auditEntries(chain: chain, from: 1, limit: 10_000) { verifier.consume(entry) }
        return verifier.finish(head: try await members.auditHead(chain: chain))
    }

    /// The office's current manifest with `change` applied, tagged with the office secrets.
    func manifest(
        _ officeID: EntityID? = nil, secrets: OfficeSecrets? = nil, _ change: (KeyManifest) -> KeyManifest = { $0 }
    ) async throws -> SignedKeyManifest {
        let officeID = officeID ?? office.id
        guard case .present(let current) = try await members.keyManifest(officeID: officeID) else {
            Issue.record("no manifest for \(officeID)")
            throw StoreError.notFound
        }
        return try SignedKeyManifest(change(current.manifest), secrets: secrets ?? (officeID == office.id ? keys : otherKeys).secrets)
    }

    // MARK: Verband

    /// The Verband, its analyst and key manifest as one Verband per server.
    @discardableResult
    func createVerband() async throws -> (Verband, Member, BoxKeyPair, OfficeSecrets) {
        let verbandKeys = BoxKeyPair()
        let verband = Verband(id: .random(), name: "Verband", publicKey: verbandKeys.publicKey)
        let analystKeys = BoxKeyPair()
        let analyst = try ConformanceFixture.member("analyse", .analyst, officeID: nil, keyPair: analystKeys)
        let secrets = try OfficeKeys.generate().secrets
        let manifest = try SignedKeyManifest(
            KeyManifest(
                officeID: verband.id, keyVersion: 1, officePublicKey: verband.publicKey, recoveryPublicKey: verband.publicKey,
                members: [KeyManifest.Entry(analyst)], verbandPublicKey: nil), secrets: secrets)
        try await members.createVerband(
            verband, analyst: analyst, seal: SealedBox.seal(verbandKeys.secretKey, to: analystKeys.publicKey), manifest: manifest,
            audit: event("analyse", .verbandCreated, "Verband"))
        return (verband, analyst, analystKeys, secrets)
    }

    func event(_ actor: String, _ action: AuditAction, _ subject: String = "") -> AuditEvent {
        .member(actor, action, subject, at: noon(clock.today.iso))
    }

    // MARK: Cases

    static func bytes(_ count: Int = 24) -> [UInt8] { Sodium.randomBytes(count) }

    /// A counsellor-made case of office A (or `officeID`) with one sealed entry.
    func newCase(
        officeID: EntityID? = nil, kind: String = "beratungsfall", step: String = "erstkontakt", received: Day? = nil,
        due: Day? = nil, assignees: [CaseAssignment] = [], records: Int = 1, closedOn: Day? = nil, audit: Bool = true
    ) -> NewCaseFile {
        let id = EntityID.random()
        return NewCaseFile(
            id: id, officeID: officeID ?? office.id, keyVersion: 1, sealedKeys: Self.bytes(), kind: kind, step: step,
            channel: "telefon", receivedOn: received ?? clock.today, nextDue: due,
            records: (0..<records).map { _ in SealedRecord(id: .random(), caseID: id, kind: .entry, keyVersion: 1, ciphertext: Self.bytes())
            },
            assignees: assignees, audit: audit ? [event("lead.a", .caseCreated, id.hex)] : [], closedOn: closedOn)
    }

    @discardableResult
    func create(_ file: NewCaseFile) async throws -> CaseFileRow {
        try await caseFiles.create(file)
        return try #require(try await caseFiles.caseFile(id: file.id, officeID: file.officeID)?.0)
    }

    func row(_ id: EntityID, officeID: EntityID? = nil) async throws -> CaseFileRow? {
        try await caseFiles.caseFile(id: id, officeID: officeID ?? office.id)?.0
    }

    func assignment(_ member: Member, _ role: CaseAssignment.Role = .beratung) -> CaseAssignment {
        CaseAssignment(memberID: member.id, username: member.username, role: role)
    }

    // MARK: Reports

    /// A sealed report to office A (or `officeID`) as intake makes it: a report record, a mailbox.
    func intake(officeID: EntityID? = nil, received: Day? = nil, due: Day? = nil, keyVersion: UInt32 = 1) -> SealedIntake {
        let id = EntityID.random()
        return SealedIntake(
            caseID: id, officeID: officeID ?? office.id, officeKeyVersion: keyVersion, sealedKeys: Self.bytes(),
            lookupID: Self.bytes(16), wrappedMailboxKey: Self.bytes(), step: "eingegangen", channel: "online_formular",
            receivedOn: received ?? clock.today, nextDue: due,
            records: [SealedRecord(id: .random(), caseID: id, kind: .report, keyVersion: keyVersion, ciphertext: Self.bytes(40))])
    }

    /// Submits a report and returns it.
    @discardableResult
    func submit(officeID: EntityID? = nil, received: Day? = nil, due: Day? = nil) async throws -> SealedIntake {
        let intake = intake(officeID: officeID, received: received, due: due)
        try await stores.reports.submit(intake)
        return intake
    }

    func facets(month: String? = nil) -> SealedFacets {
        SealedFacets(id: .random(), month: month ?? clock.today.monthKey, keyVersion: 1, ciphertext: Self.bytes(32))
    }
}

extension AuditEntry {
    var action: String { event.action }
}
