import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Statistics

/// One engine's stores with the offices and people of the story.
struct InMemoryStoryWorld {
    let stores: EngineStores
    let clock: InMemoryScenarioClock
    let inputs: InMemoryStoryInputs
    let officeA: Office
    let officeB: Office
    let lead: Member
    let first: Member
    let second: Member
    var day: Day { Day(clock.now) }

    static func make(_ engine: Engine, _ inputs: InMemoryStoryInputs, _ log: inout InMemoryTranscript) async throws -> InMemoryStoryWorld {
        let clock = InMemoryScenarioClock()
        let stores = try await engine.make(today: { Day(clock.now) })
        await log.attempt("fallback to nowhere") { try await stores.setup.setFallbackOffice(.random()) }
        let profile = OfficeProfile(regions: [], controller: "Träger e. V.", law: .dsgvo, dpo: "datenschutz@example.org")
        let officeA = try await stores.setup.createOffice(name: "A", profile: profile, keys: inputs.keysA)
        let officeB = try await stores.setup.createOffice(name: "B", profile: profile, keys: inputs.keysB)
        log.label(officeA.id, "A")
        log.label(officeB.id, "B")
        let secret = SecureBytes(utf8: "Kaffee-Tasse-Ruhrpott-7")
        let (lead, _) = try await stores.setup.createMember(
            username: "lead.a", role: .lead, office: officeA, keys: inputs.keysA, passphrase: secret)
        let (first, _) = try await stores.setup.createMember(
            username: "berater.a1", role: .counsellor, office: officeA, keys: inputs.keysA, passphrase: secret)
        let (second, _) = try await stores.setup.createMember(
            username: "berater.a2", role: .counsellor, office: officeA, keys: inputs.keysA, passphrase: secret)
        for (member, name) in [(lead, "LEAD"), (first, "A1"), (second, "A2")] { log.label(member.id, name) }
        for (index, id) in inputs.caseIDs.enumerated() { log.label(id, "C\(index)") }
        return InMemoryStoryWorld(
            stores: stores, clock: clock, inputs: inputs, officeA: officeA, officeB: officeB, lead: lead, first: first, second: second)
    }

    /// Members, invitations, the Verband, publications.
    func members(_ log: inout InMemoryTranscript) async throws {
        let store = stores.members
        let invitation = try Invitation.issue(secrets: SecureBytes(randomCount: 64), now: clock.now)
        log.labels[EntityID.hexString(invitation.tokenHash.prefix(8))] = "INVITATION"
        await log.attempt("set-up invitation") {
            try await stores.setup.createInvitation(invitation, officeID: officeA.id, role: .counsellor)
        }
        await log.attempt("set-up invitation again") {
            try await stores.setup.createInvitation(invitation, officeID: officeA.id, role: .counsellor)
        }
        let other = try Invitation.issue(secrets: SecureBytes(randomCount: 64), now: clock.now)
        await log.attempt("invitation by a counsellor") {
            try await store.createInvitation(
                other, officeID: officeA.id, role: .counsellor, createdBy: first.id, audit: .member("berater.a1", .invitationCreated))
        }
        await log.attempt("Verband invitation without a Verband") {
            try await store.createInvitation(
                other, officeID: nil, role: .analyst, createdBy: lead.id, audit: .member("x", .invitationCreated))
        }
        log.add("pending: \(try await store.pendingInvitations(officeID: officeA.id, now: clock.now).map(\.reference))")
        log.add(
            "revoke unknown: \(try await store.revokeInvitation(reference: "00", officeID: officeA.id, audit: .member("lead.a", .invitationRevoked)))"
        )
        log.add(
            "revoke: \(try await store.revokeInvitation(reference: EntityID.hexString(invitation.tokenHash.prefix(8)), officeID: officeA.id, audit: .member("lead.a", .invitationRevoked, "r")))"
        )
        await log.attempt("demote the last lead") {
            try await store.changeRole(lead, to: .counsellor, manifest: nil, audit: .member("lead.a", .memberRoleChanged))
        }
        await log.attempt("remove the last lead") { try await store.removeMember(lead, manifest: nil, audit: .member("x", .memberRemoved)) }
        let stranger = try Member.create(
            username: "niemand", officeID: officeA.id, role: .counsellor, passphrase: SecureBytes(randomCount: 8)
        ).0
        await log.attempt("new keys for nobody") {
            try await store.replaceKeys(of: stranger, officeSeals: [], manifest: nil, audit: .member("x", .passphraseChanged))
        }
        await log.attempt("manifest with a member missing") {
            guard case .present(let current) = try await store.keyManifest(officeID: officeA.id) else { return }
            let stale = try SignedKeyManifest(current.manifest.without(memberID: second.id), secrets: inputs.keysA.secrets)
            try await store.storeManifest(stale, audit: .member("lead.a", .keyManifestConfirmed))
        }
        await log.attempt("remove a counsellor, manifest as it was") {
            guard case .present(let current) = try await store.keyManifest(officeID: officeA.id) else { return }
            try await store.removeMember(second, manifest: current, audit: .member("lead.a", .memberRemoved))
        }
        await log.attempt("remove a counsellor") {
            guard case .present(let current) = try await store.keyManifest(officeID: officeA.id) else { return }
            let manifest = try SignedKeyManifest(current.manifest.without(memberID: second.id), secrets: inputs.keysA.secrets)
            try await store.removeMember(second, manifest: manifest, audit: .member("lead.a", .memberRemoved, "berater.a2"))
        }
        log.add("members: \(try await store.members(officeID: officeA.id).map(\.username))")
        log.add(
            "seal of A2: \(try await store.officeSeal(officeID: officeA.id, version: 1, recipient: second.id.hex, purpose: .officeSecret) != nil)"
        )
        log.add(
            "recovery seal: \(try await store.officeSeal(officeID: officeA.id, version: 1, recipient: "recovery", purpose: .statistics) != nil)"
        )
        log.add("rotation requested: \(try await store.rotationRequested(officeID: officeA.id))")
        try await store.requestRotation(officeID: officeA.id)
        try await store.recordRotationFailure(officeID: officeA.id, reason: "none runs")
        log.add(
            "rotation requested: \(try await store.rotationRequested(officeID: officeA.id)) \(String(describing: try await store.rotation(officeID: officeA.id)))"
        )
        log.add("finish none: \(try await store.finishRotation(officeID: officeA.id, audit: .member("x", .keyRotationFinished)))")
        try await verband(&log)
    }

    func verband(_ log: inout InMemoryTranscript) async throws {
        let file = PublishedStatistics(period: "2026", publishedAt: "2027-01-10T10:00:00Z", releaseCount: 1, file: inputs.bytes)
        await log.attempt("publish without a Verband") {
            try await stores.published.publish(file, audit: .member("x", .statisticsPublished))
        }
        let ring = try VerbandRing.generate()
        let verband = Verband(id: .random(), name: "Verband", publicKey: ring.current.publicKey)
        log.label(verband.id, "VERBAND")
        let (analyst, _) = try Member.create(
            username: "analyse", officeID: nil, role: .analyst, passphrase: SecureBytes(utf8: "Kaffee-Tasse-Ruhrpott-7"),
            root: ring.rootFingerprint)
        let manifest = try ring.sign(
            VerbandRing.manifest(
                verbandID: verband.id, version: ring.version, publicKey: verband.publicKey, analysts: [KeyManifest.Entry(analyst)]))
        let seal = SealedBox.seal(ring.ring, to: analyst.publicKey)
        try await stores.members.createVerband(
            verband, analyst: analyst, seal: seal, manifest: manifest, audit: .member("analyse", .verbandCreated))
        await log.attempt("a second Verband") {
            try await stores.members.createVerband(
                verband, analyst: analyst, seal: seal, manifest: manifest, audit: .member("x", .verbandCreated))
        }
        log.add("Verband manifest: \(try await stores.members.verbandManifest() == .present(manifest))")
        await log.attempt("remove the last analyst") {
            try await stores.members.removeMember(analyst, manifest: nil, audit: .member("x", .memberRemoved))
        }
        try await stores.published.publish(file, audit: .member("analyse", .statisticsPublished, "2026"))
        let quarter = PublishedStatistics(period: "2026-Q1", publishedAt: "2027-01-11T10:00:00Z", releaseCount: 1, file: inputs.bytes)
        try await stores.published.publish(quarter, audit: .member("analyse", .statisticsPublished, "2026-Q1"))
        let merged = PublishedStatistics(period: "2026", publishedAt: "2027-01-12T10:00:00Z", releaseCount: 2, file: inputs.bytes)
        try await stores.published.publish(merged, audit: .member("analyse", .statisticsPublished, "2026"))
        for bad in [
            PublishedStatistics(period: "26", publishedAt: "t", releaseCount: 1, file: []),
            PublishedStatistics(period: "2027", publishedAt: "t", releaseCount: 0, file: []),
        ] {
            await log.attempt("publish \(bad.period) \(bad.releaseCount)") {
                try await stores.published.publish(bad, audit: .member("x", .statisticsPublished))
            }
        }
        log.add("publications: \(try await stores.published.publications().map { "\($0.period) \($0.releaseCount)" })")
        log.add("history: \(try await stores.published.history().map { "\($0.period) \($0.releaseCount)" })")
        log.add("2026: \(try await stores.published.published(period: "2026")?.publishedAt ?? "-")")
        log.addAudit(try await stores.members.auditEntries(chain: verband.id, from: 0, limit: -1))
    }

    /// Releases: one per office and period, sent once.
    func releases(_ log: inout InMemoryTranscript) async throws {
        let store = stores.releases
        func release(_ index: Int, _ period: String, office: Office? = nil) -> StoredRelease {
            StoredRelease(
                id: inputs.caseIDs[index], officeID: (office ?? officeA).id, period: period, createdAt: "2027-01-0\(index)T00:00:00Z",
                keyVersion: 1, sealed: inputs.bytes, epsilon: index == 1 ? "1/2" : nil, sentAt: "never", verbandCopy: [1])
        }
        log.add("freeze: \(try await store.freeze(release(0, "2026"), audit: .member("lead.a", .releaseFrozen, "2026")).id.hex)")
        log.add("freeze again: \(try await store.freeze(release(1, "2026"), audit: .member("lead.a", .releaseFrozen)).id.hex)")
        log.add("freeze Q1: \(try await store.freeze(release(1, "2026-Q1"), audit: .member("lead.a", .releaseFrozen, "2026-Q1")).id.hex)")
        log.add(
            "freeze B: \(try await store.freeze(release(2, "2025", office: officeB), audit: .member("lead.b", .releaseFrozen, "2025")).id.hex)"
        )
        await log.attempt("freeze 2026-Q5") { _ = try await store.freeze(release(3, "2026-Q5"), audit: .member("x", .releaseFrozen)) }
        await log.attempt("freeze a taken id") { _ = try await store.freeze(release(0, "2024"), audit: .member("x", .releaseFrozen)) }
        await log.attempt("freeze refused") {
            _ = try await store.freeze(release(4, "2023"), audit: .member("x", .releaseFrozen)) { kept in
                throw FieldError.invalid(field: "budget", message: "\(kept.count) kept")
            }
        }
        let listed = try await store.releases(officeID: officeA.id)
        log.add(
            "releases: \(listed.map { "\($0.id.hex) \($0.period) \($0.epsilon ?? "-") \($0.sentAt ?? "-") \($0.verbandCopy?.count ?? 0)" })"
        )
        log.add(
            "sent: \(try await store.markSent(id: inputs.caseIDs[0], officeID: officeA.id, verbandCopy: [7, 7], at: "2027-02-01T00:00:00Z", audit: .member("lead.a", .releaseSent)))"
        )
        log.add(
            "sent again: \(try await store.markSent(id: inputs.caseIDs[0], officeID: officeA.id, verbandCopy: [8], at: "x", audit: .member("x", .releaseSent)))"
        )
        log.add(
            "sent by B: \(try await store.markSent(id: inputs.caseIDs[1], officeID: officeB.id, verbandCopy: [8], at: "x", audit: .member("x", .releaseSent)))"
        )
        try await _ = store.markSent(
            id: inputs.caseIDs[2], officeID: officeB.id, verbandCopy: [9], at: "2027-02-02T00:00:00Z",
            audit: .member("lead.b", .releaseSent))
        log.add(
            "all sent: \(try await store.sentReleases().map { "\($0.id.hex) \($0.period) \($0.sentAt ?? "-") \($0.verbandCopy ?? [])" })")
        log.add("release of B: \(try await store.release(id: inputs.caseIDs[0], officeID: officeB.id) == nil)")
    }
}
