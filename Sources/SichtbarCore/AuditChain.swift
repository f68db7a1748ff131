import Sealing

/// The hash chain of one office (or of the Verband): each entry's hash covers the previous hash,
/// the chain id, its sequence number and its event, so no entry can be edited, dropped, inserted
/// or moved without every later hash changing.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesis = [UInt8](repeating: 0, count: 32)
    static let domain = Array("sichtbar-audit-v1".utf8)

    /// The fields of one event as bytes borrowed from where they are stored, so `audit verify`
    /// hashes a stored row without building strings from it.
    public struct EventBytes {
        public let at: UnsafeRawBufferPointer
        public let actor: UnsafeRawBufferPointer
        public let action: UnsafeRawBufferPointer
        public let subject: UnsafeRawBufferPointer

        public init(
            at: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, action: UnsafeRawBufferPointer,
            subject: UnsafeRawBufferPointer
        ) {
            self.at = at
            self.actor = actor
            self.action = action
            self.subject = subject
        }
    }

    /// The hash of entry `sequence` with `event`, following `previous`.
    public static func link(previous: [UInt8], chain: EntityID, sequence: UInt64, event: AuditEvent) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var at = event.at
        var actor = event.actor
        var action = event.action
        var subject = event.subject
        at.withUTF8 { at in
            actor.withUTF8 { actor in
                action.withUTF8 { action in
                    subject.withUTF8 { subject in
                        previous.withUnsafeBytes { previous in
                            output.withUnsafeMutableBytes { output in
                                link(
                                    previous: previous, chain: chain, sequence: sequence,
                                    event: EventBytes(
                                        at: UnsafeRawBufferPointer(at), actor: UnsafeRawBufferPointer(actor),
                                        action: UnsafeRawBufferPointer(action),
                                        subject: UnsafeRawBufferPointer(subject)),
                                    into: output)
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// The same hash, written into `output` (32 bytes): BLAKE2b over the domain, the previous
    /// hash, the chain id, the sequence number and each field with its length, in that order.
    public static func link(
        previous: UnsafeRawBufferPointer, chain: EntityID, sequence: UInt64, event: EventBytes,
        into output: UnsafeMutableRawBufferPointer
    ) {
        KeyedHash.digest(into: output) { stream in
            stream.update(domain)
            stream.update(previous)
            stream.update(chain.bytes)
            stream.update(bigEndian: sequence)
            stream.update(field: event.at)
            stream.update(field: event.actor)
            stream.update(field: event.action)
            stream.update(field: event.subject)
        }
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
