import PostgresNIO

extension PSQLError {
    /// The SQLSTATE of a server error.
    var sqlState: String? { serverInfo?[.sqlState] }

    /// A deadlock victim (40P01) or a serialization failure (40001): the same transaction again succeeds.
    var isRetryable: Bool { sqlState == "40P01" || sqlState == "40001" }

    /// The server cannot take writes now: no connection, shutting down, out of disk or
    /// connections, or a standby (read-only): a route answers 503 and the client sends again.
    var isUnavailability: Bool {
        guard code == .server, let state = sqlState else { return true }
        return state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57") || state == "25006"
    }

    /// A unique (23505) or foreign key (23503) violation.
    var isConstraintViolation: Bool { sqlState == "23505" || sqlState == "23503" }
}
