import App
import CaseStore
import Foundation
import Sealing
import SichtbarCore
import Testing

/// One engine's stores for a test, with the key its audit heads are signed with.
struct EngineStores: Sendable {
    let stores: Stores
    let signer: SigningKeyPair
}

/// The engines every conformance suite runs against: `@Test(arguments: Engine.allCases)`.
/// PostgreSQL joins here, and gets every suite for free.
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite

    var testDescription: String { rawValue }

    /// Fresh, empty stores; `today` is the engine's idea of the day for audit flushing.
    func make(today: @escaping @Sendable () -> Day = { Day(Date()) }) throws -> EngineStores {
        let signer = SigningKeyPair()
        switch self {
        case .sqlite:
            return EngineStores(stores: .sqlite(try AppDatabase.inMemory(), signer: signer, today: today), signer: signer)
        }
    }
}
