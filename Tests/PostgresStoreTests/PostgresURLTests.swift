import Foundation
import PostgresStore
import SichtbarCore
import Testing

/// `PostgresURL`: the forms `--database` will take, and what it refuses.
@Suite struct PostgresURLTests {
    @Test func aTCPURLNamesServerCredentialsAndDatabase() throws {
        let url = try PostgresURL("postgres://sichtbar:s%40cret@db.example.org:6543/akten?sslmode=require")
        #expect(url.host == "db.example.org" && url.port == 6543 && url.socketPath == nil)
        #expect(url.username == "sichtbar" && url.password == "s@cret" && url.database == "akten")
        #expect(url.tls == .require && url.schema == nil)
    }

    @Test func defaultsArePort5432AndTLSWhereTheServerOffersIt() throws {
        let url = try PostgresURL("postgresql://sichtbar@127.0.0.1/akten")
        #expect(url.port == 5432 && url.password == nil && url.tls == .prefer)
    }

    @Test func aUnixSocketIsItsFolderInLibpqsForm() throws {
        let url = try PostgresURL("postgres://sichtbar@/akten?host=/run/postgresql")
        #expect(url.host == nil)
        #expect(url.socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(url.tls == .disable, "a socket never speaks TLS")
        #expect(try PostgresURL("postgres://sichtbar@:5433/akten?host=/tmp/pg").socketPath == "/tmp/pg/.s.PGSQL.5433")
    }

    @Test func aSchemaIsAPlainName() throws {
        #expect(try PostgresURL("postgres://u@h/d?schema=sichtbar_2").schema == "sichtbar_2")
        #expect(throws: FieldError.self) { try PostgresURL("postgres://u@h/d?schema=Robert%27;DROP") }
        #expect(try PostgresURL("postgres://u@h/d").with(schema: "s1").schema == "s1")
    }

    @Test(arguments: [
        "sqlite:///var/lib/sichtbar/sichtbar.db", "postgres://h/d", "postgres://u@h", "postgres://u@h/", "postgres://u@/d",
        "postgres://u@h/d?sslmode=maybe", "not a url",
    ])
    func whatIsNotAUsablePostgreSQLURLIsRefusedOnTheDatabaseField(_ text: String) {
        #expect {
            try PostgresURL(text)
        } throws: { error in
            (error as? FieldError)?.field == "database"
        }
    }

    /// The password never reaches a log line or an error message.
    @Test func theDescriptionLeavesThePasswordOut() throws {
        let url = try PostgresURL("postgres://sichtbar:hunter2@db:5432/akten?schema=s")
        #expect(url.description == "postgres://sichtbar@db:5432/akten?schema=s")
        #expect(!String(describing: url).contains("hunter2"))
        let socket = try PostgresURL("postgres://sichtbar:hunter2@/akten?host=/run/postgresql")
        #expect(socket.description == "postgres://sichtbar@/akten?host=/run/postgresql")
    }
}
