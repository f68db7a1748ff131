import Sealing
import SichtbarCore

/// One way an office's key rows differ from what its members hold and its manifest says.
public struct KeyIntegrityProblem: Sendable, Equatable {
    /// Short and stable: the subject of the `integrity.alarm` audit event (never content).
    public let code: String
    /// What a lead reads.
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// Checks an office's key rows against the secrets a member opened and the office's manifest:
/// a pure function of what was read, so each check composes and is tested on its own.
public enum KeyIntegrity {
    /// The manifest if it is authentic, and every problem found. `root` is the fingerprint the
    /// member's passphrase wrap carries (nil for wraps made before manifests).
    public static func check(
        stored: StoredKeyManifest, secrets: OfficeSecrets, root: [UInt8]?, office: Office,
        recoveryKey: BoxPublicKey?, members: [Member]
    ) -> (manifest: KeyManifest?, problems: [KeyIntegrityProblem]) {
        var problems: [KeyIntegrityProblem] = []
        if let root, !Sodium.constantTimeEqual(root, secrets.rootFingerprint) {
            problems.append(.init("office_root", "the office secrets sealed to this member are not the office's own: they were replaced"))
        }
        if secrets.keyPair.publicKey != office.publicKey {
            problems.append(.init("office_key", "the office public key new cases are sealed to is not the key of the office secrets"))
        }
        let signed: SignedKeyManifest
        switch stored {
        case .missing:
            return (
                nil,
                problems + [.init("manifest_missing", "the office has no key manifest; a lead checks the fingerprints and confirms them")]
            )
        case .unreadable:
            return (nil, problems + [.init("manifest_unreadable", "the office's key manifest was altered and cannot be read")])
        case .present(let present):
            signed = present
        }
        guard signed.manifest.officeID == office.id, signed.manifest.keyVersion == secrets.version,
            signed.isAuthentic(under: secrets)
        else {
            return (nil, problems + [.init("manifest_tag", "the office's key manifest is not authentic: it was altered or replaced")])
        }
        let manifest = signed.manifest
        problems += compare(manifest, office: office, recoveryKey: recoveryKey, members: members)
        return (manifest, problems)
    }

    /// Where the rows differ from an authentic manifest.
    public static func compare(
        _ manifest: KeyManifest, office: Office, recoveryKey: BoxPublicKey?,
        members: [Member]
    ) -> [KeyIntegrityProblem] {
        var problems: [KeyIntegrityProblem] = []
        if manifest.keyVersion != office.keyVersion {
            problems.append(
                .init("key_version", "the office key version is \(office.keyVersion), the manifest names \(manifest.keyVersion)"))
        }
        if manifest.officePublicKey != office.publicKey {
            problems.append(.init("office_key", "the office public key differs from the manifest"))
        }
        if manifest.recoveryPublicKey != recoveryKey {
            problems.append(.init("recovery_key", "the recovery public key differs from the manifest"))
        }
        return problems + compareMembers(manifest, members: members)
    }

    /// Where the member rows differ from the manifest's entries: the part of `compare` the
    /// Verband's manifest (whose members are the analysts) shares with an office's.
    public static func compareMembers(_ manifest: KeyManifest, members: [Member]) -> [KeyIntegrityProblem] {
        var problems: [KeyIntegrityProblem] = []
        let listed = Dictionary(manifest.members.map { ($0.memberID, $0) }, uniquingKeysWith: { first, _ in first })
        for member in members {
            guard let entry = listed[member.id] else {
                problems.append(.init("member_added \(member.username)", "\(member.username) is a member the manifest does not list"))
                continue
            }
            if entry.publicKey != member.publicKey {
                problems.append(.init("member_key \(member.username)", "\(member.username)'s public key differs from the manifest"))
            }
            if entry.role != member.role || entry.username != member.username {
                problems.append(.init("member_changed \(member.username)", "\(member.username)'s name or role differs from the manifest"))
            }
        }
        let present = Set(members.map(\.id))
        for entry in manifest.members where !present.contains(entry.memberID) {
            problems.append(.init("member_missing \(entry.username)", "\(entry.username) is in the manifest but no longer a member row"))
        }
        return problems
    }
}
