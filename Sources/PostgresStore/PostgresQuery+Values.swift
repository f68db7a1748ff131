import Foundation
import PostgresNIO
import SichtbarCore

/// The engine's values as bound parameters: an id as its 16 bytes (`bytea`), bytes as `bytea`
/// (a `[UInt8]` would bind as an array of small integers), a day as its ISO text, which sorts
/// as the days do.
extension PostgresQuery.StringInterpolation {
    mutating func appendInterpolation(_ id: EntityID) {
        appendInterpolation(ByteBuffer(bytes: id.bytes))
    }

    mutating func appendInterpolation(_ id: EntityID?) {
        appendInterpolation(id.map { ByteBuffer(bytes: $0.bytes) })
    }

    mutating func appendInterpolation(bytes: [UInt8]) {
        appendInterpolation(ByteBuffer(bytes: bytes))
    }

    mutating func appendInterpolation(bytes: [UInt8]?) {
        appendInterpolation(bytes.map { ByteBuffer(bytes: $0) })
    }

    mutating func appendInterpolation(_ day: Day) {
        appendInterpolation(day.iso)
    }

    mutating func appendInterpolation(_ day: Day?) {
        appendInterpolation(day?.iso)
    }

    /// Ids as one `bytea[]` parameter, for `= ANY(…)`.
    mutating func appendInterpolation(ids: [EntityID]) {
        appendInterpolation(ids.map { ByteBuffer(bytes: $0.bytes) })
    }

    /// A row count for `LIMIT` as SQLite reads it: a negative count means no limit (NULL here).
    mutating func appendInterpolation(rows count: Int) {
        appendInterpolation(count < 0 ? nil : count)
    }
}
