import Casework
import Members
import SichtbarCore

/// What `store copy` checks before it says done: the copy holds as many rows as the source in
/// every table, every audit chain ends where the source's ends, and sampled cases read back
/// through the copy's own store code equal the source's, field by field and record by record.
struct StoreCopyCheck {
    let from: CommandStore
    let to: CommandStore
    let tables: [CopiedTable]

    struct Verdict {
        let rows: Int
        let sampled: [(id: EntityID, office: EntityID)]
    }

    func run(sample: Int) async throws -> Verdict {
        var rows = 0
        for table in tables {
            let source = try await from.rowCount(table.name)
            let copied = try await to.rowCount(table.name)
            guard source == table.rows.count, copied == source else {
                throw CLIError.checkFailed(
                    "\(table.name): \(table.rows.count) rows read, the source holds \(source) and the copy \(copied); "
                        + "was the source written to during the copy? Stop the service, empty the target and copy again")
            }
            rows += copied
        }
        let (fromMembers, toMembers) = (from.members(), to.members())
        let chains = try await fromMembers.chains()
        guard try await toMembers.chains().sorted(by: { $0.hex < $1.hex }) == chains.sorted(by: { $0.hex < $1.hex }) else {
            throw CLIError.checkFailed("the copy's audit chains are not the source's")
        }
        for chain in chains {
            let (source, copied) = (try await fromMembers.auditHead(chain: chain), try await toMembers.auditHead(chain: chain))
            guard source?.sequence == copied?.sequence, source?.hash == copied?.hash else {
                throw CLIError.checkFailed("chain \(chain.hex): the copy's head is not the source's")
            }
        }
        let sampled = try sampleCases(perOffice: sample)
        let (fromCases, toCases) = (from.stores().caseFiles, to.stores().caseFiles)
        for (id, office) in sampled {
            let source = try await fromCases.caseFile(id: id, officeID: office)
            let copied = try await toCases.caseFile(id: id, officeID: office)
            if let difference = Self.difference(source, copied) {
                throw CLIError.checkFailed("case \(id.hex) differs in the copy: \(difference)")
            }
        }
        return Verdict(rows: rows, sampled: sampled)
    }

    /// Up to `perOffice` cases of each office, drawn at random from the copied `case_file` rows.
    func sampleCases(perOffice: Int) throws -> [(id: EntityID, office: EntityID)] {
        guard perOffice > 0, let table = tables.first(where: { $0.name == "case_file" }),
            let idColumn = table.columns.firstIndex(of: "id"), let officeColumn = table.columns.firstIndex(of: "office_id")
        else { return [] }
        var byOffice: [EntityID: [EntityID]] = [:]
        for row in table.rows {
            guard case .bytes(let id) = row[idColumn], case .bytes(let office) = row[officeColumn],
                let caseID = EntityID(bytes: id), let officeID = EntityID(bytes: office)
            else { throw CLIError.checkFailed("case_file holds a row without a well-formed id or office") }
            byOffice[officeID, default: []].append(caseID)
        }
        return byOffice.sorted { $0.key.hex < $1.key.hex }.flatMap { office, ids in
            ids.shuffled().prefix(perOffice).map { (id: $0, office: office) }
        }
    }

    /// The first field in which two reads of a case differ, or nil when they are the same.
    static func difference(
        _ source: (CaseFileRow, [SealedRecord])?, _ copied: (CaseFileRow, [SealedRecord])?
    ) -> String? {
        guard let (a, aRecords) = source, let (b, bRecords) = copied else {
            return source == nil && copied == nil ? nil : "present in only one store"
        }
        let fields: [(String, Bool)] = [
            ("kind", a.kind == b.kind), ("step", a.step == b.step), ("channel", a.channel == b.channel),
            ("received", a.receivedOn == b.receivedOn), ("next due", a.nextDue == b.nextDue), ("closed", a.closedOn == b.closedOn),
            ("withdrawn", a.withdrawnOn == b.withdrawnOn), ("revision", a.revision == b.revision), ("keys", a.keys == b.keys),
            ("mailbox", a.hasMailbox == b.hasMailbox),
            (
                "assignees",
                a.assignees.sorted { $0.memberID.hex < $1.memberID.hex } == b.assignees.sorted { $0.memberID.hex < $1.memberID.hex }
            ),
            ("sheet", a.sheet == b.sheet), ("authenticator", a.authenticator == b.authenticator),
            ("pending records", a.pendingRecords == b.pendingRecords), ("unread", a.reporterUnread == b.reporterUnread),
            ("legal hold", a.legalHold == b.legalHold),
            ("records", aRecords.sorted { $0.id.hex < $1.id.hex } == bRecords.sorted { $0.id.hex < $1.id.hex }),
        ]
        return fields.first { !$0.1 }?.0
    }

    /// Verifies every chain of `store` with the server's signing key; (chains, events) when intact.
    static func verifyChains(_ store: CommandStore) async throws -> (chains: Int, events: UInt64) {
        let members = store.members()
        let chains = try await members.chains()
        var events: UInt64 = 0
        for chain in chains {
            switch try await members.verifyChain(chain, key: store.secrets.signing.publicKey, anchor: nil) {
            case .intact(let count): events += count
            case .broken(let sequence, let reason):
                throw CLIError.checkFailed("the copy's chain \(chain.hex) is broken at event \(sequence): \(reason)")
            case .checkpointNotExtended(let reason): throw CLIError.checkFailed("the copy's chain \(chain.hex): \(reason)")
            }
        }
        return (chains.count, events)
    }
}
