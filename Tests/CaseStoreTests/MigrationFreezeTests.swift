import Sealing
import Testing

@testable import CaseStore

/// Every shipped migration is frozen: editing one breaks every existing database, so a change of
/// the schema is a new migration. Each has its digest here, and a new one must add its own.
@Suite struct MigrationFreezeTests {
    /// The first 16 bytes of BLAKE2b over each migration's SQL, in lower-case hex.
    static let frozen: [String: String] = [
        "v1": "ef840df0e9fcc515d09844e33c71d099",
        "v2": "9732605226f4bbea9fb4af67db30a8ab",
        "v3": "5a3afe530ec22a2041c5b604aea93794",
        "v4": "d9a7750e7a75c66ab9992501eab2aab2",
        "v5": "5c6b38e2f0faa52229c5f74c425a935e",
        "v6": "1ecca69829492befde665378e940966d",
        "v7": "a375ce4c6f41e5fcd97ed7e2d4232eb4",
        "v8": "64eb73721632d57b51a0a1d6ee364b96",
        "v9": "196722c41291c81652f04f9b45c241b2",
        "v10": "eaa984ed66ae55641f075d45f3193663",
        "v11": "5d858cfef352c096929abc2664d63d98",
        "v12": "7b9065b682109d053fdf00e7f2474053",
        "v13": "0062fd6df2896d7d74c115f402e2f924",
        "v14": "aef5c96b0adae53f4fa46c1be1ccd25d",
    ]

    @Test(arguments: Migrations.ordered.map(\.name))
    func aShippedMigrationIsUnchanged(_ name: String) throws {
        let sql = try #require(Migrations.ordered.first { $0.name == name }?.sql)
        let digest = Hex.encode(KeyedHash.digest(Array(sql.utf8), length: 16))
        #expect(digest == Self.frozen[name], "Migrations.\(name) changed, or is new without its digest here; add a new migration instead")
    }

    @Test func everyMigrationHasItsDigestAndNoDigestIsLeftOver() {
        #expect(Set(Migrations.ordered.map(\.name)) == Set(Self.frozen.keys))
        #expect(Migrations.ordered.map(\.name) == (1...Migrations.ordered.count).map { "v\($0)" }, "appended in order")
    }
}
