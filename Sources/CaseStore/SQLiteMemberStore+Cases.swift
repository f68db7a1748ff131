import Casework
import Foundation
import GRDB
import Sealing

extension SQLiteMemberStore {
    static let summaryColumns = "id, office_id, kind, step, channel, received_on"

    static func summary(_ row: Row) -> CaseSummary? {
        guard let id = EntityID(bytes: [UInt8](row["id"] as Data)),
              let officeID = EntityID(bytes: [UInt8](row["office_id"] as Data)) else { return nil }
        return CaseSummary(id: id, officeID: officeID, kind: row["kind"], step: row["step"], channel: row["channel"],
                           receivedOn: row["received_on"])
    }

    public func caseSummaries(officeID: EntityID, step: String?, after: EntityID?, limit: Int) async throws -> [CaseSummary] {
        try await writer.read { db in
            var conditions = ["office_id = ?"]
            var arguments: StatementArguments = [Data(officeID.bytes)]
            if let step {
                conditions.append("step = ?")
                arguments += [step]
            }
            if let after, let anchor = try String.fetchOne(db, sql: "SELECT received_on FROM case_file WHERE id = ? AND office_id = ?",
                                                           arguments: [Data(after.bytes), Data(officeID.bytes)]) {
                conditions.append("(received_on < ? OR (received_on = ? AND id > ?))")
                arguments += [anchor, anchor, Data(after.bytes)]
            }
            arguments += [limit]
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM case_file WHERE \(conditions.joined(separator: " AND "))
                ORDER BY received_on DESC, id LIMIT ?
                """, arguments: arguments).compactMap(Self.summary)
        }
    }

    public func openCase(id: EntityID, officeID: EntityID) async throws -> (CaseSummary, SealedCaseKeys, [SealedRecord])? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(Self.summaryColumns), office_key_version, sealed_keys FROM case_file WHERE id = ? AND office_id = ?
                """, arguments: [Data(id.bytes), Data(officeID.bytes)]),
                let summary = Self.summary(row) else { return nil }
            let keys = SealedCaseKeys(caseID: id, keyVersion: UInt32(row["office_key_version"] as Int64),
                                      sealed: [UInt8](row["sealed_keys"] as Data))
            let records = try Row.fetchAll(db, sql: "SELECT id, kind, key_version, ciphertext FROM record WHERE case_id = ?",
                                           arguments: [Data(id.bytes)]).compactMap { record -> SealedRecord? in
                guard let recordID = EntityID(bytes: [UInt8](record["id"] as Data)),
                      let kind = RecordKind(rawValue: record["kind"]) else { return nil }
                return SealedRecord(id: recordID, caseID: id, kind: kind, keyVersion: UInt32(record["key_version"] as Int64),
                                    ciphertext: [UInt8](record["ciphertext"] as Data))
            }
            return (summary, keys, records)
        }
    }
}
