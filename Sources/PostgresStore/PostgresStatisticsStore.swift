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
    public func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT id, month, key_version, ciphertext FROM case_facets WHERE office_id = \(officeID) AND month <= \(lastMonth)
                ORDER BY month, id
                """
            ).compactMap { row in
                guard let id = row.id("id") else { return nil }
                return SealedFacets(
                    id: id, month: try row.string("month"), keyVersion: UInt32(try row.int("key_version")),
                    ciphertext: try row.bytes("ciphertext"))
            }
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
