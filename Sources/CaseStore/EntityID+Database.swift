import Foundation
import GRDB
import SichtbarCore

/// An id is stored as its 16 raw bytes (a BLOB), so it binds as an argument as it is.
extension EntityID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { Data(bytes).databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> EntityID? {
        Data.fromDatabaseValue(dbValue).flatMap { EntityID(bytes: [UInt8]($0)) }
    }
}

/// A day is stored as its ISO text (`2026-12-06`), which sorts as the days do.
extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.init(iso:))
    }
}

extension Row {
    /// The id in `column`, or nil when it is NULL or not 16 bytes: a damaged row is skipped by
    /// the caller, never a crash on a request path (GRDB's `as EntityID` would trap).
    func entityID(_ column: String) -> EntityID? { EntityID.fromDatabaseValue(self[column]) }

    func entityID(_ index: Int) -> EntityID? { EntityID.fromDatabaseValue(self[index]) }

    /// The day in `column`, or nil when it is NULL or not an ISO day.
    func day(_ column: String) -> Day? { Day.fromDatabaseValue(self[column]) }

    func day(_ index: Int) -> Day? { Day.fromDatabaseValue(self[index]) }
}
