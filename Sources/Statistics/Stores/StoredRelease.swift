import SichtbarCore

/// An office's frozen statistics release as the store keeps it: the signed file sealed under
/// the office statistics key, and once sent, its copy sealed to the Verband.
public struct StoredRelease: Sendable, Equatable {
    public let id: EntityID
    public let officeID: EntityID
    /// `2026` or `2026-Q3`.
    public let period: String
    /// When it was computed (an audit timestamp).
    public let createdAt: String
    /// The statistics key version `sealed` is sealed under.
    public let keyVersion: UInt32
    public let sealed: [UInt8]
    /// ε spent on it under `mode: dp` (rational text); nil for exact releases.
    public let epsilon: String?
    public let sentAt: String?
    public let verbandCopy: [UInt8]?

    public init(
        id: EntityID, officeID: EntityID, period: String, createdAt: String, keyVersion: UInt32, sealed: [UInt8],
        epsilon: String? = nil, sentAt: String? = nil, verbandCopy: [UInt8]? = nil
    ) {
        self.id = id
        self.officeID = officeID
        self.period = period
        self.createdAt = createdAt
        self.keyVersion = keyVersion
        self.sealed = sealed
        self.epsilon = epsilon
        self.sentAt = sentAt
        self.verbandCopy = verbandCopy
    }
}
