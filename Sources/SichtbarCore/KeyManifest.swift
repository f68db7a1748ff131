import Sealing

/// Who an office's secrets may be sealed to: the office and recovery public keys of one key
/// version, every member with role and public key, and the Verband key the office pinned. The
/// operator holds the rows this mirrors but not the key that authenticates it (see
/// `SignedKeyManifest`), so a swapped or added key shows up as a difference from the rows.
public struct KeyManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let memberID: EntityID
        public let username: String
        public let role: MemberRole
        public let publicKey: BoxPublicKey

        public init(memberID: EntityID, username: String, role: MemberRole, publicKey: BoxPublicKey) {
            self.memberID = memberID
            self.username = username
            self.role = role
            self.publicKey = publicKey
        }

        public init(_ member: Member) {
            self.init(memberID: member.id, username: member.username, role: member.role, publicKey: member.publicKey)
        }
    }

    public let officeID: EntityID
    public let keyVersion: UInt32
    public let officePublicKey: BoxPublicKey
    public let recoveryPublicKey: BoxPublicKey
    /// Sorted by member id, so equal sets encode alike.
    public let members: [Entry]
    /// The Verband key releases are sealed to; nil until a lead pins one.
    public let verbandPublicKey: BoxPublicKey?

    public init(
        officeID: EntityID, keyVersion: UInt32, officePublicKey: BoxPublicKey, recoveryPublicKey: BoxPublicKey,
        members: [Entry], verbandPublicKey: BoxPublicKey?
    ) {
        self.officeID = officeID
        self.keyVersion = keyVersion
        self.officePublicKey = officePublicKey
        self.recoveryPublicKey = recoveryPublicKey
        self.members = members.sorted { $0.memberID.hex < $1.memberID.hex }
        self.verbandPublicKey = verbandPublicKey
    }

    /// The same manifest with other members.
    public func with(members: [Entry]) -> KeyManifest {
        KeyManifest(
            officeID: officeID, keyVersion: keyVersion, officePublicKey: officePublicKey,
            recoveryPublicKey: recoveryPublicKey, members: members, verbandPublicKey: verbandPublicKey)
    }

    /// The same manifest with `member` added or replaced (by id).
    public func with(member: Member) -> KeyManifest {
        with(members: members.filter { $0.memberID != member.id } + [Entry(member)])
    }

    public func without(memberID: EntityID) -> KeyManifest {
        with(members: members.filter { $0.memberID != memberID })
    }

    public func with(verbandPublicKey key: BoxPublicKey?) -> KeyManifest {
        KeyManifest(
            officeID: officeID, keyVersion: keyVersion, officePublicKey: officePublicKey,
            recoveryPublicKey: recoveryPublicKey, members: members, verbandPublicKey: key)
    }

    public func with(recoveryPublicKey key: BoxPublicKey) -> KeyManifest {
        KeyManifest(
            officeID: officeID, keyVersion: keyVersion, officePublicKey: officePublicKey,
            recoveryPublicKey: key, members: members, verbandPublicKey: verbandPublicKey)
    }

    /// The next key version's manifest: a new office key, the same people and pins.
    public func rotated(to version: UInt32, officePublicKey key: BoxPublicKey) -> KeyManifest {
        KeyManifest(
            officeID: officeID, keyVersion: version, officePublicKey: key,
            recoveryPublicKey: recoveryPublicKey, members: members, verbandPublicKey: verbandPublicKey)
    }

    /// The bytes the tag covers: a domain label, then every field length-prefixed, in order.
    public var canonicalBytes: [UInt8] {
        var out = Array("sichtbar-key-manifest-v1".utf8)
        func field(_ bytes: [UInt8]) {
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { out += $0 }
            out += bytes
        }
        field(officeID.bytes)
        var version = keyVersion.bigEndian
        withUnsafeBytes(of: &version) { field(Array($0)) }
        field(officePublicKey.bytes)
        field(recoveryPublicKey.bytes)
        field(verbandPublicKey?.bytes ?? [])
        var count = UInt32(members.count).bigEndian
        withUnsafeBytes(of: &count) { field(Array($0)) }
        for member in members {
            field(member.memberID.bytes)
            field(Array(member.username.utf8))
            field(Array(member.role.rawValue.utf8))
            field(member.publicKey.bytes)
        }
        return out
    }
}

/// Short, comparable fingerprints of public keys, as leads read them aloud to each other.
public enum KeyFingerprint {
    /// BLAKE2b-256 of the key, the first 16 bytes in groups of four hex digits.
    public static func of(_ key: BoxPublicKey) -> String {
        let digest = KeyedHash.digest(Array("sichtbar-key-fingerprint".utf8) + key.bytes, length: 32).prefix(16)
        let hex = EntityID.hexString(digest)
        return stride(from: 0, to: hex.count, by: 4).map { offset -> String in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    /// The 16 bytes a sealed case records about the office key it was sealed to.
    public static func bytes(_ key: BoxPublicKey) -> [UInt8] {
        Array(KeyedHash.digest(Array("sichtbar-key-fingerprint".utf8) + key.bytes, length: 32).prefix(16))
    }
}
