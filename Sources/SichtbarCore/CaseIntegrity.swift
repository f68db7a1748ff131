import Sealing

/// The per-case authenticator: `crypto_auth` under a key derived from the case key (its own kdf
/// context) over the case id, the case revision and the sorted list of the records the office
/// has accounted for (kind and id of each: the sheet, entries, messages, the report, contact
/// details, scans, letters). The store keeps the tag beside the case; every office write that
/// adds or removes a record or bumps the revision writes a new one in the same transaction, and
/// every open checks it. The operator, who holds no case key, can neither make a tag for a
/// case with a record taken away, put back or brought in from another case, nor for an older
/// revision with today's records.
///
/// Reporter messages (written with the mailbox key only) are *pending* until a counsellor's
/// next open or change checks them and folds them in (see docs/decisions.md).
public enum CaseIntegrity {
    /// The `crypto_kdf` context and subkey id of the authenticator key.
    static let context = "SbCaseAu"
    static let subkeyID: UInt64 = 1
    static let domain = Array("sichtbar-case-integrity-v1".utf8)

    /// One record as the authenticator lists it.
    public struct Entry: Hashable, Sendable {
        public let kind: RecordKind
        public let id: EntityID

        public init(kind: RecordKind, id: EntityID) {
            self.kind = kind
            self.id = id
        }

        public init(_ record: SealedRecord) {
            self.init(kind: record.kind, id: record.id)
        }
    }

    /// The tag over the case's id, revision and records (in any order; duplicates count once).
    public static func tag(caseID: EntityID, revision: Int, records: some Sequence<Entry>, caseKey: SecureBytes) -> [UInt8] {
        MessageAuthenticator(derivedFrom: caseKey, id: subkeyID, context: context)
            .tag(message(caseID: caseID, revision: revision, records: records))
    }

    /// Checks a stored tag in constant time.
    public static func verify(_ tag: [UInt8], caseID: EntityID, revision: Int, records: some Sequence<Entry>, caseKey: SecureBytes) -> Bool
    {
        MessageAuthenticator(derivedFrom: caseKey, id: subkeyID, context: context)
            .verify(tag, for: message(caseID: caseID, revision: revision, records: records))
    }

    /// domain ‖ case id ‖ revision (8 bytes) ‖ count (4 bytes) ‖ for each record in id order:
    /// id ‖ kind length (1 byte) ‖ kind. Every part has a fixed length or a length prefix.
    static func message(caseID: EntityID, revision: Int, records: some Sequence<Entry>) -> [UInt8] {
        let sorted = Set(records).sorted {
            ($0.id.bytes.lexicographicallyPrecedes($1.id.bytes)) || ($0.id == $1.id && $0.kind.rawValue < $1.kind.rawValue)
        }
        var bytes = domain + caseID.bytes
        let revision = UInt64(max(revision, 0))
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: revision >> UInt64(shift))) }
        let count = UInt32(sorted.count)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
        for entry in sorted {
            let kind = Array(entry.kind.rawValue.utf8)
            bytes += entry.id.bytes
            bytes.append(UInt8(kind.count))
            bytes += kind
        }
        return bytes
    }
}
