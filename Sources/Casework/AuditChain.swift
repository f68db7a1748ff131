import Sealing

/// The hash chain of one office (or of the Verband): each entry's hash covers the previous hash,
/// the chain id, its sequence number and its event, so no entry can be edited, dropped, inserted
/// or moved without every later hash changing.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesis = [UInt8](repeating: 0, count: 32)
    static let domain = Array("sichtbar-audit-v1".utf8)

    /// The hash of entry `sequence` with `event`, following `previous`.
    public static func link(previous: [UInt8], chain: EntityID, sequence: UInt64, event: AuditEvent) -> [UInt8] {
        var message = domain
        message.reserveCapacity(128)
        message += previous
        message += chain.bytes
        appendBigEndian(sequence, to: &message)
        for field in [event.at, event.actor, event.action, event.subject] {
            let bytes = Array(field.utf8)
            appendBigEndian(UInt64(bytes.count), to: &message)
            message += bytes
        }
        return KeyedHash.digest(message, length: 32)
    }

    static func appendBigEndian(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// One stored entry of a chain.
public struct AuditEntry: Sendable, Equatable {
    public let sequence: UInt64
    public let event: AuditEvent
    public let hash: [UInt8]

    public init(sequence: UInt64, event: AuditEvent, hash: [UInt8]) {
        self.sequence = sequence
        self.event = event
        self.hash = hash
    }
}
