import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// Every engine stores the same chain for the same events: the same hashes and, signed by the
/// same server key, the same head. So `audit verify` and a checkpoint a lead keeps mean the
/// same on SQLite and on PostgreSQL, and a chain copied between them still verifies.
@Suite struct AuditChainParityTests {
    @Test func everyEngineStoresTheSameChainForTheSameEvents() async throws {
        let signer = SigningKeyPair()
        let chain = EntityID.random()
        let events = (1...25).map { index in
            AuditEvent(
                at: "2026-03-10T09:00:\(String(format: "%02d", index))Z", actor: index.isMultiple(of: 3) ? "jonas" : "lead.a",
                action: index.isMultiple(of: 2) ? .caseViewed : .caseListViewed, subject: "Fall \(index) – ä€")
        }
        var chains: [Engine: ([AuditEntry], AuditHead?)] = [:]
        for engine in Engine.allCases {
            let stores = try await engine.make(signer: signer, today: { day("2026-03-10") })
            try await stores.members.record(Array(events.prefix(10)), chain: chain)
            try await stores.members.record(Array(events.dropFirst(10)), chain: chain)
            chains[engine] = (
                try await stores.members.auditEntries(chain: chain, from: 1, limit: 100), try await stores.members.auditHead(chain: chain)
            )
        }
        let (entries, head) = try #require(chains[.sqlite])
        #expect(entries.map(\.event) == events)
        #expect(head?.sequence == 25)
        for (engine, (otherEntries, otherHead)) in chains {
            #expect(otherEntries == entries, "\(engine)")
            #expect(otherHead == head, "\(engine)")
        }
    }
}
