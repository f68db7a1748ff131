import Foundation
import Sealing
import SichtbarCore

extension MemberService {
    /// Starts a key rotation of the office, or returns the one already running: a new office
    /// key pair and statistics key, sealed to every remaining member and the recovery key. Only
    /// the rotating lead's keys are needed.
    @discardableResult
    public func beginRotation(officeID: EntityID, by session: Session) async throws -> KeyRotationState {
        guard session.isLead, session.officeID == officeID else { throw AccessError.notFound }
        for _ in 0..<3 {
            if let running = try await store.rotation(officeID: officeID) { return running }
            // Sealed only to the keys the authentic manifest names, after the rows were found
            // to agree with it: a swapped recovery key or an added member row gets nothing.
            let (manifest, current) = try await keyGuard.requireIntactKeys(session)
            let next = current.rotated()
            let seals =
                manifest.members.flatMap { next.seals(to: $0.publicKey, recipientName: $0.memberID.hex) }
                + next.seals(to: manifest.recoveryPublicKey, recipientName: "recovery")
            let nextManifest = try SignedKeyManifest(
                manifest.rotated(to: next.version, officePublicKey: next.keyPair.publicKey),
                secrets: next)
            do {
                try await store.beginRotation(
                    officeID: officeID, from: manifest.keyVersion, to: next, seals: seals,
                    manifest: nextManifest, audit: .member(session.username, .keyRotationStarted, "version \(next.version)"))
            } catch MemberStoreError.membersChanged, MemberStoreError.rotationRunning {
                continue
            }
            if let started = try await store.rotation(officeID: officeID) { return started }
        }
        throw AccessError.busy
    }

    /// Re-seals every case still on the old key and finishes the rotation; resumable at any
    /// point, by the same or another lead. Returns how many cases it re-sealed.
    @discardableResult
    public func continueRotation(
        officeID: EntityID, by session: Session, batchSize: Int = 500,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Int {
        guard session.isLead, session.officeID == officeID else { throw AccessError.notFound }
        guard let state = try await store.rotation(officeID: officeID) else { return 0 }
        let next = try await session.officeSecrets(version: state.toVersion, store: store)
        var resealed = 0
        var openers: [UInt32: OfficeSecrets] = [:]
        while true {
            let batch = try await store.casesToReseal(officeID: officeID, below: state.toVersion, limit: batchSize)
            if batch.isEmpty {
                let waited = Date().timeIntervalSince(state.startedAt)
                let grace = Double(rotationGrace.components.seconds) + Double(rotationGrace.components.attoseconds) * 1e-18
                if waited < grace {
                    try await Task.sleep(for: .seconds(grace - waited))
                    continue
                }
                if try await store.finishRotation(
                    officeID: officeID,
                    audit: .member(session.username, .keyRotationFinished, "version \(state.toVersion)"))
                {
                    return resealed
                }
                continue
            }
            var rewritten: [SealedCaseKeys] = []
            rewritten.reserveCapacity(batch.count)
            for sealed in batch {
                if openers[sealed.keyVersion] == nil {
                    openers[sealed.keyVersion] = try await session.officeSecrets(version: sealed.keyVersion, store: store)
                }
                guard let opener = openers[sealed.keyVersion] else { throw AccessError.keysUnavailable }
                let keys: CaseKeys
                do {
                    keys = try CaseKeys.open(sealed.sealed, with: opener.keyPair)
                } catch {
                    // Sealed to a key that is not the office's: reported, and the rotation stops
                    // where leads and monitoring see it.
                    try await keyGuard.raiseAlarm(
                        officeID: officeID, actor: session.username,
                        problems: [.init("case_key \(sealed.caseID.hex)", "a case is sealed to a key that is not the office's")])
                    throw AccessError.keyIntegrity("case \(sealed.caseID.hex) is sealed to a key that is not the office's")
                }
                rewritten.append(
                    SealedCaseKeys(
                        caseID: sealed.caseID, keyVersion: sealed.keyVersion,
                        sealed: keys.seal(to: next.keyPair.publicKey)))
            }
            try await store.storeResealed(rewritten, officeID: officeID, version: state.toVersion)
            resealed += rewritten.count
            progress(resealed, state.remaining)
        }
    }

    /// Runs `continueRotation` in the background of the server (after a removal, or when a lead
    /// logs in while a rotation is unfinished), then any rotation asked for meanwhile. A failure
    /// leaves it resumable and is kept on the rotation, where leads, `/healthz` and the metrics
    /// see it, and audited: never silent.
    func resumeRotationInBackground(officeID: EntityID, session: Session) {
        Task.detached { [self] in
            do {
                try await rotateUntilSettled(officeID: officeID, by: session)
            } catch {
                let reason = String(describing: error).prefix(200)
                try? await store.recordRotationFailure(officeID: officeID, reason: String(reason))
                try? await store.record([.member(session.username, .keyRotationStalled, "\(reason.prefix(60))")], chain: officeID)
            }
        }
    }

    /// Finishes the running rotation and starts and finishes every one asked for meanwhile (a
    /// member removed while one ran). Returns how many cases were re-sealed in all.
    @discardableResult
    public func rotateUntilSettled(
        officeID: EntityID, by session: Session,
        progress: @Sendable @escaping (Int, Int) -> Void = { _, _ in }
    ) async throws -> Int {
        var total = 0
        for _ in 0..<16 {
            total += try await continueRotation(officeID: officeID, by: session, progress: progress)
            guard try await store.rotationRequested(officeID: officeID) else { return total }
            _ = try await beginRotation(officeID: officeID, by: session)
        }
        throw AccessError.busy
    }

    /// The running rotation of the lead's office, if any.
    public func rotationStatus(for session: Session) async throws -> KeyRotationState? {
        try await store.rotation(officeID: try requireLead(session))
    }
}
