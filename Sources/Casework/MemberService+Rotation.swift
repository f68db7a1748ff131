import Foundation
import Sealing

extension MemberService {
    /// Starts a key rotation of the office, or returns the one already running: a new office
    /// key pair and statistics key, sealed to every remaining member and the recovery key. Only
    /// the rotating lead's keys are needed.
    @discardableResult
    public func beginRotation(officeID: EntityID, by session: Session) async throws -> KeyRotationState {
        guard session.isLead, session.officeID == officeID else { throw AccessError.notFound }
        for _ in 0..<3 {
            if let running = try await store.rotation(officeID: officeID) { return running }
            guard let office = try await store.office(id: officeID),
                  let recoveryKey = try await store.recoveryKey(officeID: officeID) else { throw AccessError.notFound }
            let current = try await session.officeSecrets(version: office.keyVersion, store: store)
            let next = current.rotated()
            let members = try await store.members(officeID: officeID)
            let seals = members.flatMap { next.seals(to: $0.publicKey, recipientName: $0.id.hex) }
                + next.seals(to: recoveryKey, recipientName: "recovery")
            do {
                try await store.beginRotation(officeID: officeID, from: office.keyVersion, to: next, seals: seals,
                                              audit: .member(session.username, .keyRotationStarted, "version \(next.version)"))
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
    public func continueRotation(officeID: EntityID, by session: Session, batchSize: Int = 500,
                                 progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Int {
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
                if try await store.finishRotation(officeID: officeID,
                                                  audit: .member(session.username, .keyRotationFinished, "version \(state.toVersion)")) {
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
                let keys = try CaseKeys.open(sealed.sealed, with: opener.keyPair)
                rewritten.append(SealedCaseKeys(caseID: sealed.caseID, keyVersion: sealed.keyVersion,
                                                sealed: keys.seal(to: next.keyPair.publicKey)))
            }
            try await store.storeResealed(rewritten, officeID: officeID, version: state.toVersion)
            resealed += rewritten.count
            progress(resealed, state.remaining)
        }
    }

    /// Runs `continueRotation` in the background of the server (after a removal, or when a lead
    /// logs in while a rotation is unfinished). Failures leave it resumable.
    func resumeRotationInBackground(officeID: EntityID, session: Session) {
        Task.detached { [self] in
            _ = try? await continueRotation(officeID: officeID, by: session)
        }
    }

    /// The running rotation of the lead's office, if any.
    public func rotationStatus(for session: Session) async throws -> KeyRotationState? {
        try await store.rotation(officeID: try requireLead(session))
    }
}
