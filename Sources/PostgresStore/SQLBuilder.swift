import Foundation
import PostgresNIO
import SichtbarCore

/// A statement put together from parts (the case list's filters), numbering its parameters as
/// they are bound: `bind` returns the `$n` to write into the SQL. Bind everything before calling
/// `query`: a `bind` inside `query`'s own argument comes after the builder was read.
struct SQLBuilder {
    private(set) var binds = PostgresBindings()

    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    mutating func bind(_ id: EntityID) -> String { bind(ByteBuffer(bytes: id.bytes)) }

    mutating func bind(bytes: [UInt8]) -> String { bind(ByteBuffer(bytes: bytes)) }

    mutating func bind(_ day: Day) -> String { bind(day.iso) }

    /// A row count for `LIMIT` as SQLite reads it: a negative count means no limit (NULL here).
    mutating func bind(rows count: Int) -> String {
        if count < 0 {
            binds.appendNull()
            return "$\(binds.count)::bigint"
        }
        return bind(count)
    }

    /// Ids as one `bytea[]` parameter, for `= ANY(…)`.
    mutating func bind(ids: [EntityID]) -> String { bind(ids.map { ByteBuffer(bytes: $0.bytes) }) }

    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
