import Sealing

extension KeyManifest {
    /// Reads `canonicalBytes` back; nil for anything else (a store row that was tampered with
    /// beyond parsing is as much a mismatch as one that parses and fails its tag).
    public init?(canonicalBytes bytes: [UInt8]) {
        var reader = ManifestReader(bytes: bytes)
        let label = Array("sichtbar-key-manifest-v1".utf8)
        guard bytes.count > label.count, Array(bytes.prefix(label.count)) == label else { return nil }
        reader.offset = label.count
        guard let officeBytes = reader.field(), let officeID = EntityID(bytes: officeBytes),
            let versionBytes = reader.field(), versionBytes.count == 4,
            let officeKeyBytes = reader.field(), let officeKey = try? BoxPublicKey(bytes: officeKeyBytes),
            let recoveryBytes = reader.field(), let recoveryKey = try? BoxPublicKey(bytes: recoveryBytes),
            let verbandBytes = reader.field(),
            let countBytes = reader.field(), countBytes.count == 4
        else { return nil }
        let verbandKey: BoxPublicKey?
        if verbandBytes.isEmpty {
            verbandKey = nil
        } else {
            guard let key = try? BoxPublicKey(bytes: verbandBytes) else { return nil }
            verbandKey = key
        }
        let count = countBytes.reduce(0) { $0 << 8 | Int($1) }
        guard count <= 10_000 else { return nil }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let idBytes = reader.field(), let id = EntityID(bytes: idBytes),
                let nameBytes = reader.field(), let name = String(validating: nameBytes, as: UTF8.self),
                let roleBytes = reader.field(), let role = MemberRole(rawValue: String(decoding: roleBytes, as: UTF8.self)),
                let keyBytes = reader.field(), let key = try? BoxPublicKey(bytes: keyBytes)
            else { return nil }
            entries.append(Entry(memberID: id, username: name, role: role, publicKey: key))
        }
        guard reader.offset == bytes.count else { return nil }
        self.init(
            officeID: officeID, keyVersion: UInt32(versionBytes.reduce(0) { $0 << 8 | UInt64($1) }),
            officePublicKey: officeKey, recoveryPublicKey: recoveryKey, members: entries, verbandPublicKey: verbandKey)
        guard canonicalBytes == bytes else { return nil }
    }
}

/// Length-prefixed fields, as `canonicalBytes` writes them.
private struct ManifestReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func field() -> [UInt8]? {
        guard bytes.count - offset >= 4 else { return nil }
        let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        offset += 4
        guard length <= bytes.count - offset else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }
}
