import SichtbarCore

/// A running key rotation (`key_rotation`), its times in whole seconds.
struct RotationRow: Sendable {
    let fromVersion: UInt32
    let toVersion: UInt32
    let startedAt: Int64
    let startedBy: String
    var failure: String?
    var failedAt: Int64?
}
