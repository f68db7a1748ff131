import Foundation
import Logging
import PostgresNIO
import PostgresStore

/// The PostgreSQL server the tests run against: `SICHTBAR_TEST_POSTGRES` (a URL, as
/// `.ci/postgres` starts one). Without it the PostgreSQL cases are left out, unless
/// `SICHTBAR_REQUIRE_POSTGRES=1` (set by `make test` and CI): then they are in, and fail.
public enum PostgresTestServer {
    public static var isConfigured: Bool { !(ProcessInfo.processInfo.environment["SICHTBAR_TEST_POSTGRES"] ?? "").isEmpty }
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["SICHTBAR_REQUIRE_POSTGRES"] == "1" }
    /// Whether the PostgreSQL cases run (and, without a server, fail).
    public static var isInPlay: Bool { isConfigured || isRequired }

    /// The server's URL; throws when none is set.
    public static func url() throws -> PostgresURL {
        guard let text = ProcessInfo.processInfo.environment["SICHTBAR_TEST_POSTGRES"], !text.isEmpty else {
            throw MissingServer()
        }
        return try PostgresURL(text)
    }

    /// Runs `statement` as the test role on its own short-lived connection (creating and dropping schemas).
    public static func execute(_ statement: String) async throws {
        let url = try url()
        let configuration = PostgresConnection.Configuration(
            host: url.host ?? "localhost", port: url.port, username: url.username, password: url.password, database: url.database,
            tls: .disable)
        let logger = Logger(label: "sichtbar.test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    public struct MissingServer: Error, CustomStringConvertible {
        public var description: String {
            "SICHTBAR_REQUIRE_POSTGRES=1 but SICHTBAR_TEST_POSTGRES names no server: run the tests through `.ci/postgres run -- …`"
        }
    }
}
