import Foundation
import Members
import Sealing
import SichtbarCore

/// Key integrity and rotation: manifests, the check of case keys, and re-sealing.
extension InMemoryMemberStore {
    public func keyManifest(officeID: EntityID) async throws -> StoredKeyManifest {
        try database.read { $0.keyManifest(officeID: officeID) }
    }

    public func storeManifest(_ manifest: SignedKeyManifest, audit event: AuditEvent) async throws {
        try database.write { state in
            try state.write(manifest)
            database.audit([event], chain: manifest.manifest.officeID, &state)
        }
    }

    /// In the order of SQLite's partial index on unchecked cases: by case id.
    public func uncheckedCaseKeys(officeID: EntityID, limit: Int) async throws -> [CaseKeyFingerprint] {
        try database.read { state in
            let unchecked = state.cases.values.filter { $0.officeID == officeID && !$0.keyChecked }.sorted { Binary.less($0.id, $1.id) }
            return Binary.limit(unchecked, limit).map {
                CaseKeyFingerprint(caseID: $0.id, keyVersion: $0.keyVersion, sealedTo: $0.sealedTo)
            }
        }
    }

    /// Alarms are appended only when there are some: an empty list leaves the chain untouched.
    public func markCaseKeysChecked(_ caseIDs: [EntityID], officeID: EntityID, alarms: [AuditEvent]) async throws {
        try database.write { state in
            for id in caseIDs where state.cases[id]?.officeID == officeID { state.cases[id]?.keyChecked = true }
            if !alarms.isEmpty { database.audit(alarms, chain: officeID, &state) }
        }
    }

    public func requestRotation(officeID: EntityID) async throws {
        try database.write { state in state.offices[officeID]?.rotationRequested = true }
    }

    public func rotationRequested(officeID: EntityID) async throws -> Bool {
        try database.read { $0.offices[officeID]?.rotationRequested ?? false }
    }

    public func recordRotationFailure(officeID: EntityID, reason: String) async throws {
        let now = Int64(Date().timeIntervalSince1970)
        try database.write { state in
            guard state.rotations[officeID] != nil else { return }
            state.rotations[officeID]?.failure = reason
            state.rotations[officeID]?.failedAt = now
        }
    }

    public func rotation(officeID: EntityID) async throws -> KeyRotationState? {
        try database.read { state in
            guard let row = state.rotations[officeID] else { return nil }
            let remaining = state.cases.values.count { $0.officeID == officeID && $0.keyVersion < row.toVersion }
            return KeyRotationState(
                officeID: officeID, fromVersion: row.fromVersion, toVersion: row.toVersion,
                startedAt: Date(timeIntervalSince1970: TimeInterval(row.startedAt)), startedBy: row.startedBy, remaining: remaining,
                failure: row.failure)
        }
    }

    public func beginRotation(
        officeID: EntityID, from: UInt32, to next: OfficeSecrets, seals: [OfficeKeySeal],
        manifest: SignedKeyManifest, audit event: AuditEvent
    ) async throws {
        let now = Int64(Date().timeIntervalSince1970)
        try database.write { state in
            guard state.rotations[officeID] == nil else { throw MemberStoreError.rotationRunning }
            guard state.offices[officeID]?.keyVersion == from, next.version == from + 1 else { throw MemberStoreError.rotationRunning }
            let memberNames = Set(state.members.values.filter { $0.officeID == officeID }.map(\.id.hex) + ["recovery"])
            guard memberNames == Set(seals.map(\.recipient)), seals.allSatisfy({ $0.keyVersion == next.version }) else {
                throw MemberStoreError.membersChanged
            }
            try state.insert(seals, officeID: officeID)
            state.offices[officeID]?.publicKey = next.keyPair.publicKey
            state.offices[officeID]?.keyVersion = next.version
            // Pending invitations carry the old secrets; the lead invites again.
            state.invitations = state.invitations.filter { $0.value.officeID != officeID }
            state.offices[officeID]?.rotationRequested = false
            try state.write(manifest)
            state.rotations[officeID] = RotationRow(fromVersion: from, toVersion: next.version, startedAt: now, startedBy: event.actor)
            database.audit([event], chain: officeID, &state)
        }
    }

    /// In the order of SQLite's (office, key version) index: oldest version first, then by id.
    public func casesToReseal(officeID: EntityID, below version: UInt32, limit: Int) async throws -> [SealedCaseKeys] {
        try database.read { state in
            let old = state.cases.values.filter { $0.officeID == officeID && $0.keyVersion < version }.sorted {
                $0.keyVersion != $1.keyVersion ? $0.keyVersion < $1.keyVersion : Binary.less($0.id, $1.id)
            }
            return Binary.limit(old, limit).map { SealedCaseKeys(caseID: $0.id, keyVersion: $0.keyVersion, sealed: $0.sealedKeys) }
        }
    }

    /// Each case only while it is still on the version it was read with.
    public func storeResealed(_ cases: [SealedCaseKeys], officeID: EntityID, version: UInt32) async throws {
        try database.write { state in
            for sealed in cases {
                guard let file = state.cases[sealed.caseID], file.officeID == officeID, file.keyVersion == sealed.keyVersion else {
                    continue
                }
                state.cases[sealed.caseID]?.sealedKeys = sealed.sealed
                state.cases[sealed.caseID]?.keyVersion = version
                state.cases[sealed.caseID]?.sealedTo = nil
                state.cases[sealed.caseID]?.keyChecked = true
            }
        }
    }

    /// True without an audit event when no rotation runs; false while cases remain.
    public func finishRotation(officeID: EntityID, audit event: AuditEvent) async throws -> Bool {
        try database.write { state in
            guard let rotation = state.rotations[officeID] else { return true }
            guard !state.cases.values.contains(where: { $0.officeID == officeID && $0.keyVersion < rotation.toVersion }) else {
                return false
            }
            // The statistics ring of the new version holds every older statistics key.
            state.officeSeals = state.officeSeals.filter { $0.key.officeID != officeID || $0.key.version >= rotation.toVersion }
            state.rotations[officeID] = nil
            database.audit([event], chain: officeID, &state)
            return true
        }
    }
}
