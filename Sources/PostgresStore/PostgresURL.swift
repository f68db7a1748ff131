import Foundation
import PostgresNIO
import SichtbarCore

/// Where the PostgreSQL engine connects: `postgres://user:password@host:port/database`, or a
/// unix socket in libpq's form `postgres://user@/database?host=/run/postgresql` (the folder of
/// the socket; its file is `.s.PGSQL.<port>`). `sslmode` is `disable`, `prefer` (the default over
/// TCP) or `require`; `schema` puts the engine's tables into a schema other than `public`.
///
/// The password is kept only as long as the pool needs it to connect, and never printed:
/// `description` leaves it out.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
    }

    public var host: String?
    public var port: Int
    /// The socket file, for a unix-socket URL.
    public var socketPath: String?
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The schema the tables live in (`search_path` of every connection); nil for the server's default.
    public var schema: String?

    /// Parses `text`; throws a `FieldError` on `database` naming what is wrong (never the password).
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw FieldError.invalid(field: "database", message: "a PostgreSQL URL starts with postgres:// or postgresql://")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        port = components.port ?? 5432
        username = components.user ?? ""
        password = components.password
        database = String(components.path.drop { $0 == "/" })
        let hostName = components.host.flatMap { $0.isEmpty ? nil : $0 }
        if let folder = query["host"], folder.hasPrefix("/") {
            host = nil
            socketPath = (folder as NSString).appendingPathComponent(".s.PGSQL.\(port)")
        } else if let hostName {
            host = hostName
            socketPath = nil
        } else {
            throw FieldError.invalid(field: "database", message: "the PostgreSQL URL names no host and no socket folder (?host=/path)")
        }
        guard !username.isEmpty else { throw FieldError.invalid(field: "database", message: "the PostgreSQL URL names no user") }
        guard !database.isEmpty, !database.contains("/") else {
            throw FieldError.invalid(field: "database", message: "the PostgreSQL URL names no database (postgres://user@host/database)")
        }
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? (socketPath == nil ? "prefer" : "disable")) else {
            throw FieldError.invalid(field: "database", message: "sslmode is disable, prefer or require")
        }
        tls = mode
        schema = query["schema"].flatMap { $0.isEmpty ? nil : $0 }
        if let schema, !Self.isPlainName(schema) {
            throw FieldError.invalid(field: "database", message: "a schema name is lower-case letters, digits and underscores")
        }
    }

    /// A name that needs no quoting in SQL: it is put into `search_path` as it is.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isLowercase || first == "_" else { return false }
        return name.count <= 63
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The same server and credentials, another schema.
    public func with(schema: String?) -> PostgresURL {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The client configuration; `startup` are run-time parameters every connection starts with.
    func configuration(startup: [(String, String)]) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            let tlsConfiguration: PostgresClient.Configuration.TLS
            switch tls {
            case .disable: tlsConfiguration = .disable
            case .prefer: tlsConfiguration = .prefer(.makeClientConfiguration())
            case .require: tlsConfiguration = .require(.makeClientConfiguration())
            }
            configuration = .init(
                host: host ?? "localhost", port: port, username: username, password: password, database: database, tls: tlsConfiguration)
        }
        var parameters = startup
        if let schema { parameters.append(("search_path", schema)) }
        configuration.options.additionalStartupParameters = parameters
        return configuration
    }

    /// The URL without its password, for logs and error messages.
    public var description: String {
        let place = socketPath.map { "?host=\(($0 as NSString).deletingLastPathComponent)" } ?? ""
        let server = socketPath == nil ? "\(host ?? "localhost"):\(port)" : ""
        var text = "postgres://\(username)@\(server)/\(database)\(place)"
        if let schema { text += (place.isEmpty ? "?" : "&") + "schema=\(schema)" }
        return text
    }
}
