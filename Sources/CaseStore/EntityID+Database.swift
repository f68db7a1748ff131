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
    /// The id in `column`, or nil when it is NULL or not 16 bytes: a damaged id is skipped by the
    /// caller. Read as `Data` first, not through `EntityID.fromDatabaseValue(self[column])`: with
    /// -O, Swift 6.3's LLVM verifier rejects the inlined generic subscript (swifterror phi) and
    /// the release build crashes.
    func entityID(_ column: String) -> EntityID? { (self[column] as Data?).flatMap { EntityID(bytes: [UInt8]($0)) } }

    func entityID(_ index: Int) -> EntityID? { (self[index] as Data?).flatMap { EntityID(bytes: [UInt8]($0)) } }

    /// The day in `column`, or nil when it is NULL or not an ISO day.
    func day(_ column: String) -> Day? { (self[column] as String?).flatMap(Day.init(iso:)) }

    func day(_ index: Int) -> Day? { (self[index] as String?).flatMap(Day.init(iso:)) }
}
