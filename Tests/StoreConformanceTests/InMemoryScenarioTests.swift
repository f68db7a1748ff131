import CaseStore
import Casework
import Foundation
import InMemoryStore
import Intake
import Members
import PostgresStore
import PostgresTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

/// One story told to both engines through the services; their transcripts must be equal.
@Suite("The in-memory engine answers a service-level story as SQLite does")
struct InMemoryScenarioTests {
    static let passphrase = "Kaffee-Tasse-Ruhrpott-7"
    /// The privacy-notice facts an office needs to take reports.
    static let profile = OfficeProfile(regions: [], controller: "Träger e. V.", law: .dsgvo, dpo: "datenschutz@example.org")

    @Test func bothEnginesTellTheSameStory() async throws {
        let inMemory = try await Self.story(.inMemory)
        let sqlite = try await Self.story(.sqlite)
        for (index, (left, right)) in zip(inMemory, sqlite).enumerated() where left != right {
            Issue.record("line \(index): in memory «\(left)» but SQLite «\(right)»")
        }
        #expect(inMemory.count == sqlite.count)
        if ProcessInfo.processInfo.environment["INMEMORY_TRANSCRIPT"] != nil { print(sqlite.joined(separator: "\n")) }
    }

    /// The same story told to PostgreSQL: the third engine answers as SQLite does.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func postgresTellsTheStoryAsSQLiteDoes() async throws {
        let postgres = try await Self.story(.postgres)
        let sqlite = try await Self.story(.sqlite)
        for (index, (left, right)) in zip(postgres, sqlite).enumerated() where left != right {
            Issue.record("line \(index): PostgreSQL «\(left)» but SQLite «\(right)»")
        }
        #expect(postgres.count == sqlite.count)
        if ProcessInfo.processInfo.environment["INMEMORY_TRANSCRIPT"] != nil { print(postgres.joined(separator: "\n")) }
    }

    private static func story(_ engine: Engine) async throws -> [String] {
        let clock = InMemoryScenarioClock()
        let stores = try await engine.make(today: { Day(clock.now) })
        var log = InMemoryTranscript()
        var access = AccessPolicy()
        access.baseDelay = .zero
        let members = try MemberService(store: stores.members, policy: access, rotationGrace: .zero)
        let taxonomy = try realTaxonomy()
        let casework = CaseworkService(
            members: members, store: stores.caseFiles, policy: try defaultWorkflow(), taxonomy: taxonomy, now: { clock.now })
        let reporter = ReporterService(
            store: stores.reports, taxonomy: taxonomy, lookupKey: SecureBytes(randomCount: 32), deadlines: casework.deadlines,
            today: { Day(clock.now) })

        let keysA = try OfficeKeys.generate()
        let keysB = try OfficeKeys.generate()
        let officeA = try await stores.setup.createOffice(name: "A", profile: Self.profile, keys: keysA)
        let officeB = try await stores.setup.createOffice(name: "B", profile: Self.profile, keys: keysB)
        log.label(officeA.id, "A")
        log.label(officeB.id, "B")
        try await stores.setup.setFallbackOffice(officeB.id)
        let secret = SecureBytes(utf8: passphrase)
        let (lead, _) = try await stores.setup.createMember(
            username: "lead.a", role: .lead, office: officeA, keys: keysA, passphrase: secret)
        let (counsellor, _) = try await stores.setup.createMember(
            username: "berater.a1", role: .counsellor, office: officeA, keys: keysA, passphrase: secret)
        log.label(lead.id, "LEAD")
        log.label(counsellor.id, "A1")
        log.add("offices: \(try await stores.reports.offices().map { "\($0.name) \($0.isFallback) v\($0.keyVersion)" })")
        if case .present(let manifest) = try await stores.members.keyManifest(officeID: officeA.id) {
            log.addSorted("manifest A v\(manifest.manifest.keyVersion)", manifest.manifest.members.map(\.username))
        }

        let session = try await members.login(username: "lead.a", passphrase: secret).session
        let invitation = try await members.invite(role: .counsellor, by: session, now: clock.now)
        log.labels[EntityID.hexString(invitation.tokenHash.prefix(8))] = "INVITATION"
        log.add("pending: \(try await members.pendingInvitations(for: session, now: clock.now).count)")
        let second = try await members.enrol(
            invitation: invitation.token, username: "berater.a2", passphrase: SecureBytes(utf8: "Lindenblüten-Tee am Rhein"), now: clock.now
        )
        log.label(second.id, "A2")
        await log.attempt("enrol again") {
            _ = try await members.enrol(
                invitation: invitation.token, username: "berater.a3", passphrase: SecureBytes(utf8: "Lindenblüten-Tee am Rhein"),
                now: clock.now)
        }
        log.add("members: \(try await stores.members.members(officeID: officeA.id).map { "\($0.username) \($0.role)" })")

        // Three reports on three days, a message on the first.
        var receipts: [Receipt] = []
        for index in 0..<3 {
            let acknowledgement = try await reporter.submit(
                ReportSubmission(
                    language: "de", narrative: "Bericht \(index): man vermiete nicht an Ausländer.", grounds: ["rassistische_zuschreibung"],
                    area: "wohnen", contactWish: "mailbox", office: officeA.id.hex, consent: true))
            receipts.append(acknowledgement.receipt)
            clock.advance(days: 1)
        }
        let all = try await stores.caseFiles.cases(CaseQuery(officeID: officeA.id, limit: 100)).sorted { $0.receivedOn < $1.receivedOn }
        for (index, row) in all.enumerated() { log.label(row.id, "C\(index + 1)") }
        log.add("message: \(try await reporter.addMessage(receipt: receipts[0], text: "Noch etwas."))")

        let list = try await casework.list(CaseListFilter(limit: 10), for: session)
        log.add("list: \(list.items.map { "\($0.id.hex) \($0.step) \($0.unread) \($0.receivedOn)" })")
        let counsellorSession = try await members.login(username: "berater.a1", passphrase: secret).session
        log.add("counsellor sees: \(try await casework.list(CaseListFilter(limit: 10), for: counsellorSession).items.count)")

        // Work the second case.
        let caseTwo = all[1].id
        _ = try await casework.open(caseTwo, for: session)
        try await casework.assign([(username: "berater.a1", role: .beratung)], to: caseTwo, by: session)
        try await casework.classify(
            caseTwo, codes: ["ground": ["antimuslimisch"], "area": ["wohnen"]], flags: [], region: "05315", by: counsellorSession)
        try await casework.transition(caseTwo, TransitionRequest(from: "eingegangen", to: "sachverhaltsklaerung"), by: counsellorSession)
        log.add("counsellor sees: \(try await casework.list(CaseListFilter(limit: 10), for: counsellorSession).items.map(\.id.hex))")
        var mine = CaseListFilter(assignment: .mine, limit: 10)
        mine.sort = .urgency
        log.add("mine: \(try await casework.list(mine, for: counsellorSession).items.map(\.id.hex))")
        var urgency = CaseListFilter(limit: 2)
        urgency.sort = .urgency
        let first = try await casework.list(urgency, for: session)
        log.add("urgency: \(first.items.map(\.id.hex)) next \(first.next?.token ?? "-")")
        if let next = first.next {
            urgency.after = next
            log.add("urgency 2: \(try await casework.list(urgency, for: session).items.map(\.id.hex))")
        }
        let paged = try await casework.list(CaseListFilter(limit: 1), for: session)
        log.add("paged: \(paged.items.map(\.id.hex)) next \(paged.next?.token ?? "-")")
        log.add("due soon: \(try await casework.list(CaseListFilter(due: .soon, limit: 10), for: session).items.map(\.id.hex))")
        var unreadQuery = CaseQuery(officeID: officeA.id)
        unreadQuery.unread = true
        log.add("unread: \(try await stores.caseFiles.countCases(unreadQuery))")

        log.addSorted(
            "waiting", try await stores.notifications.waitingItems(tomorrow: Day(clock.now)).map { "\($0.caseID.hex) \($0.reason)" })
        log.addSorted(
            "retention", try await stores.retention.retentionCandidates().map { "\($0.id.hex) \($0.step) \($0.classifiedOn != nil)" })
        let months = Set(all.map(\.receivedOn.monthKey)).sorted()
        log.add("unclassified: \(try await stores.statistics.unclassifiedReports(officeID: officeA.id, months: months))")
        log.add("facets: \(try await stores.statistics.sealedFacets(officeID: officeA.id, through: "9999-12").count)")

        // Withdraw the third (untouched) report; the next day's first append flushes the reporter events.
        log.add("withdraw: \(String(describing: try await reporter.withdraw(receipt: receipts[2])))")
        clock.advance(days: 1)
        try await stores.members.record(
            [AuditEvent(at: "2026-01-01T00:00:00Z", actor: "lead.a", action: .auditViewed, subject: "")], chain: officeA.id)

        // A removal starts a rotation; settling it re-seals every case.
        try await members.remove(username: "berater.a2", by: session, rotateInBackground: false)
        try await members.rotateUntilSettled(officeID: officeA.id, by: session)
        log.add("rotation: \(String(describing: try await stores.members.rotation(officeID: officeA.id)))")
        log.add("office A: v\(try await stores.members.office(id: officeA.id)?.keyVersion ?? 0)")
        await log.attempt("remove last lead") {
            try await members.remove(username: "lead.a", by: session, rotateInBackground: false)
        }

        // Recovery: a renewed code, then a new lead through it.
        let code = try await members.renewRecoveryCode(by: session)
        let rescuer = try await members.recover(
            officeID: officeA.id, code: code, username: "retterin", passphrase: SecureBytes(utf8: "Rettungsring-im-Hafen-42"))
        log.label(rescuer.id, "RESCUER")
        log.add("after recovery: \(try await stores.members.members(officeID: officeA.id).map { "\($0.username) \($0.role)" })")
        try await verband(stores, members, clock, &log)

        let entries = try await stores.members.auditEntries(chain: officeA.id, from: 1, limit: 1_000)
        log.addAudit(entries)
        let head = try #require(try await stores.members.auditHead(chain: officeA.id))
        log.add("head \(head.sequence) signed \(head.isSigned(by: stores.signer.publicKey)) last \(head.hash == entries.last?.hash)")
        // The engines' own extras: verification and the daily flush.
        if let store = stores.members as? InMemoryMemberStore {
            log.add("verdict: \(try await store.verifyChain(officeA.id, key: stores.signer.publicKey, anchor: head))")
            log.add("daily heads: \(try await store.flushAndHeads().map(\.sequence)) chains \(try await store.chains().count)")
        } else if let store = stores.members as? SQLiteMemberStore {
            log.add("verdict: \(try await store.verifyChain(officeA.id, key: stores.signer.publicKey, anchor: head))")
            log.add("daily heads: \(try await store.flushAndHeads().map(\.sequence)) chains \(try await store.chains().count)")
        } else if let store = stores.members as? PostgresMemberStore {
            log.add("verdict: \(try await store.verifyChain(officeA.id, key: stores.signer.publicKey, anchor: head))")
            log.add("daily heads: \(try await store.flushAndHeads().map(\.sequence)) chains \(try await store.chains().count)")
        }
        var filter = AuditFilter(actor: "reporter")
        filter.subjects = nil
        log.add(
            "reporter entries: \(try await stores.members.auditEntries(chain: officeA.id, filter: filter, before: nil, limit: 10).map(\.sequence))"
        )
        log.add("subject: \(try await stores.members.auditEntries(chain: officeA.id, subject: caseTwo.hex, limit: 10).map(\.sequence))")
        return log.lines
    }

    /// The Verband: created, an analyst invited, enrolled and removed (its key rotates).
    private static func verband(
        _ stores: EngineStores, _ members: MemberService, _ clock: InMemoryScenarioClock, _ log: inout InMemoryTranscript
    ) async throws {
        let ring = try VerbandRing.generate()
        let verband = Verband(id: .random(), name: "Verband", publicKey: ring.current.publicKey)
        log.label(verband.id, "VERBAND")
        let secret = SecureBytes(utf8: passphrase)
        let (analyst, _) = try Member.create(
            username: "analyse", officeID: nil, role: .analyst, passphrase: secret, root: ring.rootFingerprint)
        let manifest = try ring.sign(
            VerbandRing.manifest(
                verbandID: verband.id, version: ring.version, publicKey: verband.publicKey, analysts: [KeyManifest.Entry(analyst)]))
        try await stores.members.createVerband(
            verband, analyst: analyst, seal: SealedBox.seal(ring.ring, to: analyst.publicKey), manifest: manifest,
            audit: .member("analyse", .verbandCreated, verband.id.hex))
        let session = try await members.login(username: "analyse", passphrase: secret).session
        let invitation = try await members.invite(role: .analyst, by: session, now: clock.now)
        log.labels[EntityID.hexString(invitation.tokenHash.prefix(8))] = "ANALYST-INVITATION"
        let second = try await members.enrol(invitation: invitation.token, username: "analyse2", passphrase: secret, now: clock.now)
        log.label(second.id, "ANALYST2")
        log.add("analysts: \(try await stores.members.members(officeID: nil).map(\.username))")
        try await members.remove(username: "analyse2", by: session, rotateInBackground: false)
        log.add("analysts: \(try await stores.members.members(officeID: nil).map(\.username))")
        log.add("Verband key moved: \(try await stores.members.verband()?.publicKey != verband.publicKey)")
        if case .present(let current) = try await stores.members.verbandManifest() {
            log.add("Verband manifest: v\(current.manifest.keyVersion) \(current.manifest.members.map(\.username))")
        }
        log.add(
            "seal kept: \(try await stores.members.verbandSeal(memberID: analyst.id) != nil) \(try await stores.members.verbandSeal(memberID: second.id) != nil)"
        )
        log.addAudit(try await stores.members.auditEntries(chain: verband.id, from: 1, limit: 100))
    }
}
