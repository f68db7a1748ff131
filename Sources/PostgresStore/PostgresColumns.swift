import Foundation
import PostgresNIO
import SichtbarCore

/// One result row, read by column name or position. Ids are `bytea` of 16 bytes, days ISO text.
struct PostgresColumns {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    private func cell(_ column: String) -> PostgresCell { row[column] }

    func string(_ column: String) throws -> String { try cell(column).decode(String.self) }
    func string(_ index: Int) throws -> String { try row[index].decode(String.self) }
    func optionalString(_ column: String) throws -> String? { try cell(column).decode(String?.self) }
    func optionalString(_ index: Int) throws -> String? { try row[index].decode(String?.self) }

    func int(_ column: String) throws -> Int { try cell(column).decode(Int.self) }
    func int(_ index: Int) throws -> Int { try row[index].decode(Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try cell(column).decode(Int?.self) }

    func bool(_ column: String) throws -> Bool { try cell(column).decode(Bool.self) }
    func bool(_ index: Int) throws -> Bool { try row[index].decode(Bool.self) }

    /// A `bytea` column's bytes; empty for NULL.
    func bytes(_ column: String) throws -> [UInt8] { try optionalBytes(column) ?? [] }
    func bytes(_ index: Int) throws -> [UInt8] { try Self.bytes(row[index]) ?? [] }
    func optionalBytes(_ column: String) throws -> [UInt8]? { try Self.bytes(cell(column)) }
    func optionalBytes(_ index: Int) throws -> [UInt8]? { try Self.bytes(row[index]) }

    private static func bytes(_ cell: PostgresCell) throws -> [UInt8]? {
        guard let buffer = cell.bytes else { return nil }
        guard cell.dataType == .bytea else { throw PostgresDecodingError.Code.typeMismatch }
        return Array(buffer.readableBytesView)
    }

    /// The id in `column`, or nil when it is NULL or not 16 bytes: a damaged id is skipped by the caller.
    func id(_ column: String) -> EntityID? { (try? optionalBytes(column))?.flatMap { EntityID(bytes: $0) } }
    func id(_ index: Int) -> EntityID? { (try? optionalBytes(index))?.flatMap { EntityID(bytes: $0) } }

    /// The day in `column`, or nil when it is NULL or not an ISO day.
    func day(_ column: String) -> Day? { (try? optionalString(column))?.flatMap(Day.init(iso:)) }
    func day(_ index: Int) -> Day? { (try? optionalString(index))?.flatMap(Day.init(iso:)) }
}
