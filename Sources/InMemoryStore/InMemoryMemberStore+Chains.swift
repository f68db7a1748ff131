import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

/// What the SQLite engine offers beyond `MemberStore` for the command line, the daily job and
/// tests: every chain, the daily flush, verification, and cases in bulk.
extension InMemoryMemberStore: AuditCheckpoints {
    /// Every chain id: offices in creation order, then the Verband.
    public func chains() async throws -> [EntityID] {
        try database.read { state in state.officesInOrder.map(\.id) + (state.verband.map { [$0.id] } ?? []) }
    }

    /// Flushes finished days' reporter events into every chain (the daily job), keeps each
    /// chain's first signed head of the day, and returns the heads.
    public func flushAndHeads() async throws -> [AuditHead] {
        let day = database.today()
        return try database.write { state in
            var heads: [AuditHead] = []
            for chain in state.officesInOrder.map(\.id) + (state.verband.map { [$0.id] } ?? []) {
                state.append([], chain: chain, signer: database.signer, today: day)
                guard let head = state.chains[chain]?.head else { continue }
                heads.append(head)
                let key = MonthKey(officeID: chain, month: day.iso)
                if state.dailyHeads[key] == nil { state.dailyHeads[key] = head }
            }
            return heads
        }
    }

    /// Recomputes a whole chain against the server key and, when given, a checkpoint kept
    /// outside the server: entries and head read under one lock.
    public func verifyChain(_ chain: EntityID, key: SigningPublicKey, anchor: AuditHead? = nil) async throws -> AuditVerdict {
        try database.read { state in
            var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
            for entry in state.entries(chain: chain) where !verifier.consume(entry) { break }
            return verifier.finish(head: state.chains[chain]?.head)
        }
    }

    /// Streams a chain through `body` in order, until it returns false.
    public func forEachAuditEntry(chain: EntityID, pageSize: Int = 20_000, _ body: (AuditEntry) -> Bool) async throws {
        let entries = try database.read { $0.entries(chain: chain) }
        for entry in entries where !body(entry) { return }
    }

    /// Many cases of one office in one transaction, each with its records, assignees,
    /// classification (`facets`, by case id) and audit events; all or nothing.
    public func createMany(_ files: [NewCaseFile], facets: [EntityID: SealedFacets] = [:]) async throws {
        guard let officeID = files.first?.officeID else { return }
        guard files.allSatisfy({ $0.officeID == officeID }) else {
            throw StoreError.unavailable("createMany takes the cases of one office")
        }
        try database.write { state in
            for file in files {
                try state.insert(
                    CaseRow(
                        id: file.id, officeID: officeID, keyVersion: file.keyVersion, sealedKeys: file.sealedKeys, kind: file.kind,
                        step: file.step, channel: file.channel, receivedOn: file.receivedOn, nextDue: file.nextDue,
                        closedOn: file.closedOn, touched: true, intakeAudited: true, integrity: file.authenticator))
                for record in file.records { try state.insert(record) }
                try state.replaceAssignees(file.assignees, of: file.id)
                if let sealed = facets[file.id] {
                    guard state.facets[sealed.id] == nil else { throw InMemoryStoreError.constraint("case_facets.id") }
                    state.facets[sealed.id] = FacetsRow(
                        id: sealed.id, caseID: file.id, officeID: officeID, month: sealed.month, keyVersion: sealed.keyVersion,
                        ciphertext: sealed.ciphertext)
                }
            }
            database.audit(files.flatMap(\.audit), chain: officeID, &state)
        }
    }
}
