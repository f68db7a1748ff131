/// Why the Verband's merge refused its input. Nothing is published from a refused merge: one
/// bad file stops the whole period, since a partial sum would publish numbers nobody checked.
public struct MergeRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No file was given.
        case noFiles
        /// Not a statistics file this reader accepts (not strict JSON, a malformed signature member, …).
        case malformed(String)
        /// The file carries no signature.
        case unsigned
        /// The signature names an algorithm other than Ed25519.
        case wrongAlgorithm
        /// The signature does not verify: the file was changed after signing.
        case badSignature
        /// Intact and signed, but by a key the Verband does not trust (the base64 key named).
        case untrustedKey(String)
        /// A Verband file, or an office release that names no office.
        case notAnOfficeRelease
        /// The period differs from that of the first file.
        case periodMismatch(expected: StatPeriod, found: StatPeriod)
        /// Computed under another `statistics.yaml` (SHA-256 of the one in force, of the file's).
        case policyMismatch(expected: String, found: String)
        /// Codes of another taxonomy version; no mapping between versions exists yet.
        case taxonomyMismatch(expected: String, found: String)
        /// The office already has a file in this merge (the earlier file's index).
        case duplicateOffice(office: String, earlierFile: Int)
        /// A table the policy lists for this period is not in the file.
        case tableMissing(String)
        /// The file holds a table the policy does not list for this period.
        case unexpectedTable(String)
        /// The table's unit, dimensions, period, taxonomy or keys differ from the policy or the other files.
        case tableShape(table: String, problem: String)
        /// A count already suppressed or null: the merge needs every office's exact (or noisy) counts.
        case countMissing(table: String, key: [String: String])
        /// The file's counts do not add up (cells against margins, or a count shared by two tables).
        case inconsistent(String)
        /// Disclosure control did not reach a safe release (or the merged tables were unreadable to it).
        case disclosureFailed(String)
    }

    /// The index (0-based) of the file concerned in the list given to `merge`; nil when the
    /// problem is the whole merge (no files, disclosure control).
    public let fileIndex: Int?
    public let reason: Reason

    public init(fileIndex: Int?, reason: Reason) {
        self.fileIndex = fileIndex
        self.reason = reason
    }

    /// Plain English naming the file (by its 1-based number) and the problem, for the CLI and the page.
    public var message: String {
        let file = fileIndex.map { "File \($0 + 1)" } ?? "The merge"
        switch reason {
        case .noFiles: return "No release files were given."
        case .malformed(let why): return "\(file) is not a statistics file: \(why)."
        case .unsigned: return "\(file) is not signed."
        case .wrongAlgorithm: return "\(file) is signed with an algorithm other than Ed25519."
        case .badSignature: return "\(file) has a signature that does not verify: it was changed after signing."
        case .untrustedKey(let key): return "\(file) is signed by the key \(key), which is not among the trusted office keys."
        case .notAnOfficeRelease: return "\(file) is not an office's release (scope office with an office named)."
        case .periodMismatch(let expected, let found):
            return "\(file) covers \(found), but the first file covers \(expected); one merge is one period."
        case .policyMismatch(let expected, let found):
            return "\(file) was computed under statistics policy \(found), not the policy in force (\(expected))."
        case .taxonomyMismatch(let expected, let found):
            return "\(file) uses taxonomy version \(found), but the merge uses version \(expected); no mapping between versions exists."
        case .duplicateOffice(let office, let earlier):
            return "\(file) is a second release of office \(office) (file \(earlier + 1) is the first)."
        case .tableMissing(let table): return "\(file) lacks the table \(table) the policy lists for this period."
        case .unexpectedTable(let table): return "\(file) holds the table \(table), which the policy does not list for this period."
        case .tableShape(let table, let problem): return "\(file), table \(table): \(problem)."
        case .countMissing(let table, let key):
            let keyText = key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return "\(file), table \(table): the count at {\(keyText)} is missing or already suppressed; the merge needs every count."
        case .inconsistent(let why): return "\(file) does not add up: \(why)."
        case .disclosureFailed(let why): return "\(file == "The merge" ? "Disclosure control" : file) did not reach a safe release: \(why)."
        }
    }

    public var description: String { message }
}
