/// A policy file that cannot be used, with where and why: the server refuses to start on it.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let problem: String

    public init(file: String, line: Int?, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        switch (line, column) {
        case (let line?, let column?): return "\(file):\(line):\(column): \(problem)"
        case (let line?, nil): return "\(file):\(line): \(problem)"
        default: return "\(file): \(problem)"
        }
    }
}
