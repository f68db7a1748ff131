import Foundation
import SichtbarCore

/// An invitation as the store keeps it: the hash of its token, never the token.
public struct StoredInvitation: Sendable, Equatable {
    public let tokenHash: [UInt8]
    /// Nil for an analyst's invitation to the Verband.
    public let officeID: EntityID?
    public let role: MemberRole
    public let expiresAt: Date
    public let wrappedSecrets: [UInt8]

    public init(tokenHash: [UInt8], officeID: EntityID?, role: MemberRole, expiresAt: Date, wrappedSecrets: [UInt8]) {
        self.tokenHash = tokenHash
        self.officeID = officeID
        self.role = role
        self.expiresAt = expiresAt
        self.wrappedSecrets = wrappedSecrets
    }

    /// A short id to list and revoke it by: the first 8 bytes of the token hash, in hex.
    public var reference: String { EntityID.hexString(tokenHash.prefix(8)) }
}

/// A running key rotation: cases still sealed to `fromVersion` are re-sealed to `toVersion`.
public struct KeyRotationState: Sendable, Equatable {
    public let officeID: EntityID
    public let fromVersion: UInt32
    public let toVersion: UInt32
    public let startedAt: Date
    public let startedBy: String
    /// Cases still sealed to an older version.
    public let remaining: Int
    /// Why the last attempt to continue it stopped, if it did.
    public let failure: String?

    public init(
        officeID: EntityID, fromVersion: UInt32, toVersion: UInt32, startedAt: Date, startedBy: String, remaining: Int,
        failure: String? = nil
    ) {
        self.failure = failure
        self.officeID = officeID
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.remaining = remaining
    }
}

/// A case's sealed keys, as rotation reads and rewrites them.
public struct SealedCaseKeys: Sendable, Equatable {
    public let caseID: EntityID
    public let keyVersion: UInt32
    public let sealed: [UInt8]

    public init(caseID: EntityID, keyVersion: UInt32, sealed: [UInt8]) {
        self.caseID = caseID
        self.keyVersion = keyVersion
        self.sealed = sealed
    }
}
