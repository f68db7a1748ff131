/// What the in-memory engine throws where SQLite throws a `DatabaseError` of a violated
/// constraint (UNIQUE, CHECK, FOREIGN KEY): the same calls fail, with this error instead.
public enum InMemoryStoreError: Error, Sendable, Equatable {
    /// The constraint the write would have broken, as the schema names it.
    case constraint(String)
}
