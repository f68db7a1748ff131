import App
import Casework
import Foundation
import InMemoryStore

extension ServiceFixture where Engine == InMemoryDatabase {
    /// The fixture over the in-memory engine, as the service tests run it.
    public static func make(now: Date = Date(), letters: (any LetterComposer)? = nil) async throws -> ServiceFixture {
        try await make(
            now: now, letters: letters, engine: { signer, today in InMemoryDatabase(signer: signer, today: today) },
            stores: Stores.init)
    }

    /// The engine's state, for what a test reads past the stores.
    public var database: InMemoryDatabase { engine }

    /// The member store by its concrete type (every chain, `verifyChain`).
    public var store: InMemoryMemberStore { engine.memberStore }
}
