import Casework
import Foundation
import GRDB
import Intake
import SichtbarCore

extension SQLiteCaseFileStore {
    /// Writes many cases of one office in one transaction: each with its sealed records,
    /// assignees, counsellor classification (`facets`, by case id) and audit events, and one
    /// signed chain head for them all. For cases that come in bulk rather than one by one — the
    /// benchmark's office of 100,000 cases, an import from another system — where a transaction
    /// per case would spend its time in fsync. All or nothing.
    public func createMany(_ files: [NewCaseFile], facets: [EntityID: SealedFacets] = [:]) async throws {
        guard let officeID = files.first?.officeID else { return }
        guard files.allSatisfy({ $0.officeID == officeID }) else {
            throw StoreError.unavailable("createMany takes the cases of one office")
        }
        let day = today()
        try await writer.write { [signer] db in
            let insertCase = try db.cachedStatement(
                sql: """
                    INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, next_due,
                                           closed_on, touched, intake_audited, integrity)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)
                    """)
            let insertAssignee = try db.cachedStatement(sql: "INSERT INTO case_assignee (case_id, member_id, role) VALUES (?, ?, ?)")
            let insertFacets = try db.cachedStatement(
                sql: """
                    INSERT INTO case_facets (id, case_id, office_id, month, key_version, ciphertext) VALUES (?, ?, ?, ?, ?, ?)
                    """)
            let office = officeID
            for file in files {
                let caseData = file.id
                try insertCase.execute(arguments: [
                    caseData, office, Int64(file.keyVersion), Data(file.sealedKeys), file.kind, file.step,
                    file.channel, file.receivedOn.iso, file.nextDue?.iso, file.closedOn?.iso,
                    file.authenticator.map { Data($0) },
                ])
                for record in file.records { try SQLiteReportStore.insert(record, db) }
                for assignee in file.assignees {
                    try insertAssignee.execute(arguments: [caseData, assignee.memberID, assignee.role.rawValue])
                }
                if let sealed = facets[file.id] {
                    try insertFacets.execute(arguments: [
                        sealed.id, caseData, office, sealed.month, Int64(sealed.keyVersion),
                        Data(sealed.ciphertext),
                    ])
                }
            }
            try AuditLog.append(files.flatMap(\.audit), chain: officeID, signer: signer, today: day, db)
        }
    }
}
