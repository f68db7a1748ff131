import Foundation
import Sealing
import SichtbarCore

extension MemberService {
    /// The Verband's authentic manifest and the analyst's key ring, before anything is sealed to
    /// an analyst. Differences are recorded in the Verband's chain and refused.
    func requireIntactVerbandKeys(_ session: Session) async throws -> (manifest: KeyManifest, ring: VerbandRing) {
        guard session.role == .analyst, let ring = session.verbandRing, let verband = try await store.verband() else {
            throw AccessError.keysUnavailable
        }
        let problems = try await verbandProblems(ring: ring, root: session.officeRoot, verband: verband)
        guard problems.isEmpty, case .present(let signed) = try await store.verbandManifest() else {
            try await alarmVerband(verband, actor: session.username, problems: problems)
            throw AccessError.keyIntegrity(problems.map(\.message).joined(separator: "; "))
        }
        return (signed.manifest, ring)
    }

    /// What differs between the Verband rows, the ring an analyst opened and the manifest.
    func verbandProblems(ring: VerbandRing, root: [UInt8]?, verband: Verband) async throws -> [KeyIntegrityProblem] {
        var problems: [KeyIntegrityProblem] = []
        if let root, !Sodium.constantTimeEqual(root, ring.rootFingerprint) {
            problems.append(.init("verband_root", "the Verband keys sealed to this analyst are not the Verband's own: they were replaced"))
        }
        if ring.current.publicKey != verband.publicKey {
            problems.append(.init("verband_key", "the Verband public key is not the key of the analysts' Verband secrets"))
        }
        switch try await store.verbandManifest() {
        case .missing:
            problems.append(.init("manifest_missing", "the Verband has no key manifest"))
        case .unreadable:
            problems.append(.init("manifest_unreadable", "the Verband's key manifest was altered and cannot be read"))
        case .present(let signed):
            guard signed.manifest.officeID == verband.id, signed.manifest.keyVersion == ring.version, ring.isAuthentic(signed) else {
                problems.append(.init("manifest_tag", "the Verband's key manifest is not authentic: it was altered or replaced"))
                break
            }
            if signed.manifest.officePublicKey != verband.publicKey {
                problems.append(.init("verband_key", "the Verband public key differs from its manifest"))
            }
            // VerbandRing.manifest names the Verband key as the recovery key too; the key version
            // was checked with the tag above.
            if signed.manifest.recoveryPublicKey != verband.publicKey {
                problems.append(.init("recovery_key", "the recovery public key differs from the manifest"))
            }
            problems += KeyIntegrity.compareMembers(signed.manifest, members: try await store.members(officeID: nil))
        }
        return problems
    }

    func alarmVerband(_ verband: Verband, actor: String, problems: [KeyIntegrityProblem]) async throws {
        guard !problems.isEmpty else { return }
        try await store.record(problems.map { .member(actor, .integrityAlarm, $0.code) }, chain: verband.id)
    }

    /// At an analyst's login: the same checks; a Verband set up before manifests gets its first
    /// one here, from an analyst whose wrap predates the root (trust on first use, once).
    func checkAnalystAtLogin(_ session: Session) async throws {
        guard let ring = session.verbandRing, let verband = try await store.verband() else { return }
        if session.officeRoot == nil, case .missing = try await store.verbandManifest(), ring.current.publicKey == verband.publicKey {
            let manifest = VerbandRing.manifest(
                verbandID: verband.id, version: ring.version, publicKey: verband.publicKey,
                analysts: try await store.members(officeID: nil).map(KeyManifest.Entry.init))
            try await store.storeVerbandManifest(try ring.sign(manifest), audit: .member(session.username, .verbandManifestCreated))
        }
        let problems = try await verbandProblems(ring: ring, root: session.officeRoot, verband: verband)
        session.setKeyProblems(problems.map(\.code))
        try await alarmVerband(verband, actor: session.username, problems: problems)
    }

    /// Removes an analyst and gives the Verband a new key pair in the same transaction: the ring
    /// gains a key, sealed to the remaining analysts named in the authentic manifest. Offices
    /// then see a Verband key they have not confirmed, and send nothing until a lead confirms it.
    func removeAnalyst(_ member: Member, by session: Session) async throws {
        let (manifest, ring) = try await requireIntactVerbandKeys(session)
        let next = try ring.rotated()
        let remaining = manifest.members.filter { $0.memberID != member.id }
        guard !remaining.isEmpty else {
            throw FieldError.invalid(field: "username", message: "the last analyst of the Verband cannot be removed")
        }
        let seals = Dictionary(uniqueKeysWithValues: remaining.map { ($0.memberID, SealedBox.seal(next.ring, to: $0.publicKey)) })
        let nextManifest = VerbandRing.manifest(
            verbandID: manifest.officeID, version: next.version, publicKey: next.current.publicKey,
            analysts: remaining)
        do {
            try await store.rotateVerband(
                from: ring.version, publicKey: next.current.publicKey, seals: seals, removing: member.id,
                manifest: try next.sign(nextManifest),
                audit: [
                    .member(session.username, .memberRemoved, member.username),
                    .member(session.username, .verbandKeyRotated, "version \(next.version)"),
                ])
        } catch MemberStoreError.lastAnalyst {
            throw FieldError.invalid(field: "username", message: "the last analyst of the Verband cannot be removed")
        } catch MemberStoreError.membersChanged {
            throw AccessError.busy
        }
        await sessions.closeAll(memberID: member.id)
    }
}
