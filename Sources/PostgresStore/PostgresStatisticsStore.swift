import Casework
import Foundation
import SichtbarCore
import Statistics

/// `StatisticsStore` over PostgreSQL: the sealed facets and the counts a release needs. It only reads.
public struct PostgresStatisticsStore: Sendable {
    public let database: PostgresDatabase

    public init(database: PostgresDatabase) { self.database = database }
}

extension PostgresStatisticsStore: StatisticsStore {
    /// A release reads every classification of the office: rows are taken as they arrive and
    /// read by position, not collected first and looked up by column name.
    public func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        try await database.read { session in
            var facets: [SealedFacets] = []
            try await session.forEachRow(
                """
                SELECT id, month, key_version, ciphertext FROM case_facets WHERE office_id = \(officeID) AND month <= \(lastMonth)
                ORDER BY month, id
                """
            ) { row in
                guard let id = row.id(0) else { return }
                facets.append(
                    SealedFacets(
                        id: id, month: try row.string(1), keyVersion: UInt32(truncatingIfNeeded: try row.int(2)),
                        ciphertext: try row.bytes(3)))
            }
            return facets
        }
    }

    public func unclassifiedReports(officeID: EntityID, months: [String]) async throws -> Int {
        try await database.read { session in
            try await session.count(
                """
                SELECT coalesce(sum(unclassified), 0)::bigint FROM intake_month WHERE office_id = \(officeID) AND month = ANY(\(months)::text[])
                """)
        }
    }

    public func tallyCount(officeID: EntityID, months: [String]) async throws -> Int {
        try await database.read { session in
            try await session.count(
                "SELECT count(*) FROM contact_tally WHERE office_id = \(officeID) AND month = ANY(\(months)::text[])")
        }
    }
}
