import Sealing
import SichtbarCore

/// The inputs both engines get alike: case ids and sealed bytes made once, so even what is
/// ordered by case id compares.
struct InMemoryStoryInputs: Sendable {
    let caseIDs = (0..<8).map { _ in EntityID.random() }
    let lookups = (0..<8).map { _ in Sodium.randomBytes(16) }
    let bytes = Sodium.randomBytes(48)
    let keysA: OfficeKeys
    let keysB: OfficeKeys

    init() throws {
        keysA = try OfficeKeys.generate()
        keysB = try OfficeKeys.generate()
    }
}
