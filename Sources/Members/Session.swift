import Foundation
import Sealing
import SichtbarCore
import Synchronization

/// A logged-in member: who they are and their unwrapped keys in wiping memory. Held only by the
/// `SessionRegistry` (and briefly by a request); the keys are wiped when the last reference goes.
public final class Session: Sendable {
    public let memberID: EntityID
    public let username: String
    public let role: MemberRole
    public let officeID: EntityID?
    let memberKeys: BoxKeyPair
    /// Keys the session's CSRF tokens; never leaves the process.
    let csrfKey = SecureBytes(randomCount: 32)
    /// The Verband key pair, for analysts.
    public let verbandKeys: BoxKeyPair?
    /// Every Verband key there has been, for analysts: releases sealed to an earlier key open too.
    public let verbandRing: VerbandRing?
    /// The office root fingerprint the member's passphrase wrap carries (nil in older wraps).
    public let officeRoot: [UInt8]?
    private let officeSecrets = Mutex<[UInt32: OfficeSecrets]>([:])
    private let keyProblemList = Mutex<[String]>([])

    public init(
        member: Member, keys: BoxKeyPair, verbandKeys: BoxKeyPair? = nil, officeRoot: [UInt8]? = nil,
        verbandRing: VerbandRing? = nil
    ) {
        self.officeRoot = officeRoot
        self.verbandRing = verbandRing
        memberID = member.id
        username = member.username
        role = member.role
        officeID = member.officeID
        memberKeys = keys
        self.verbandKeys = verbandRing?.current ?? verbandKeys
    }

    public var isLead: Bool { role == .lead }
    public var worksCases: Bool { role == .lead || role == .counsellor }

    /// The office secrets of one key version, opened from the member's seals once and kept.
    public func officeSecrets(version: UInt32, store: any MemberStore) async throws -> OfficeSecrets {
        if let cached = officeSecrets.withLock({ $0[version] }) { return cached }
        guard let officeID,
            let secret = try await store.officeSeal(officeID: officeID, version: version, recipient: memberID.hex, purpose: .officeSecret),
            let ring = try await store.officeSeal(officeID: officeID, version: version, recipient: memberID.hex, purpose: .statistics)
        else { throw AccessError.keysUnavailable }
        let secrets = try OfficeSecrets(version: version, officeSecretSeal: secret, statisticsSeal: ring, with: memberKeys)
        officeSecrets.withLock { $0[version] = secrets }
        return secrets
    }

    /// The fingerprint of the member's own public key, to compare with what a lead sees.
    public var keyFingerprint: String { KeyFingerprint.of(memberKeys.publicKey) }

    /// The codes of what the key check at login found wrong (`KeyIntegrityProblem.code`); the
    /// pages say them in the member's language.
    public var keyProblems: [String] { keyProblemList.withLock { $0 } }

    func setKeyProblems(_ problems: [String]) {
        keyProblemList.withLock { $0 = problems }
    }

    /// A CSRF token bound to this session, for every form a member posts.
    public var csrfToken: String {
        Base64URL.encode(KeyedHash.hash(Array("sichtbar-csrf".utf8), key: csrfKey, length: 32))
    }

    public func isValidCSRFToken(_ token: String) -> Bool {
        Sodium.constantTimeEqual(Array(token.utf8), Array(csrfToken.utf8))
    }
}
