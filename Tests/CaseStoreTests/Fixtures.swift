import CaseStore
import Casework
import Foundation
import Intake
import Sealing
import SichtbarCore
import SichtbarTesting

/// Shared set-up: the real taxonomy, a database with offices, a reporter service over it.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func taxonomy() throws -> Taxonomy {
        try Taxonomy.load(from: root.appendingPathComponent("Policies/taxonomy.yaml"))
    }

    static func database(file: Bool = false) throws -> (AppDatabase, URL?) {
        if file {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return (try AppDatabase.open(path: directory.appendingPathComponent("db.sqlite").path), directory)
        }
        return (try AppDatabase.inMemory(), nil)
    }

    static func withOffices(_ database: AppDatabase, count: Int = 2) async throws -> [(Office, OfficeKeys)] {
        var offices: [(Office, OfficeKeys)] = []
        for index in 0..<count {
            let keys = try OfficeKeys.generate()
            var office = try await database.createOffice(
                name: "Office \(index)", profile: noticeProfile(regions: index == 1 ? ["05913"] : []),
                keys: keys)
            // The first office takes what no office's region claims.
            if index == 0 {
                try await database.setFallbackOffice(office.id)
                office.isFallback = true
            }
            offices.append((office, keys))
        }
        return offices
    }

    static func service(_ database: AppDatabase) throws -> (ReporterService, SQLiteReportStore) {
        let store = SQLiteReportStore(database: database)
        return (ReporterService(store: store, taxonomy: try taxonomy(), lookupKey: SecureBytes(randomCount: 32)), store)
    }

    static func report(_ narrative: String, region: String? = nil, contact: String? = nil) -> ReportSubmission {
        ReportSubmission(
            language: "de", narrative: narrative, grounds: ["antisemitismus"], region: region,
            contactWish: contact == nil ? "mailbox" : "contact", contact: contact, consent: true)
    }
}
