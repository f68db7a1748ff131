/// A case's reporter mailbox (`mailbox`): its lookup id and the mailbox key under the reporter key.
struct MailboxRow: Sendable {
    let lookupID: [UInt8]
    let wrappedKey: [UInt8]
}
