import Foundation
import Sealing
import SichtbarCore

/// An office as the `office` table holds it. The profile stays JSON, as SQLite keeps it, so
/// what is read back went through the same encoding.
struct OfficeRow: Sendable {
    let id: EntityID
    /// Creation order: offices are listed by it, and the first takes unrouted reports.
    let position: Int
    var name: String
    var publicKey: BoxPublicKey
    var keyVersion: UInt32
    var recoveryPublicKey: BoxPublicKey
    var profileJSON: [UInt8]
    var teamAccess = true
    var rotationRequested = false
    var isFallback = false

    func office() throws -> Office {
        Office(
            id: id, name: name, publicKey: publicKey, keyVersion: keyVersion,
            profile: try JSONDecoder().decode(OfficeProfile.self, from: Data(profileJSON)), isFallback: isFallback)
    }
}
