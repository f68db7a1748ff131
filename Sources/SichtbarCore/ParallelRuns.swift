import Foundation

/// Splits CPU-bound work over a list (opening case keys and sheets, decrypting classifications)
/// into contiguous runs, one per core, so one counsellor's list does not wait on a single core
/// while the others idle. Results keep the order of the input.
public enum ParallelRuns {
    /// At most four runs: more rarely pays on an office server, and leaves cores for others.
    public static let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    /// `transform` of each element, in order; sequential when the list is shorter than two runs
    /// of `minimumRun`. `runs` caps the number of runs (`width` unless a test asks for others).
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], runs: Int = width, minimumRun: Int,
        _ transform: @escaping @Sendable (Element) throws -> Result
    ) async throws -> [Result] {
        try await mapRuns(elements, runs: runs, minimumRun: minimumRun) { try $0.map(transform) }.flatMap { $0 }
    }

    /// `transform` of each contiguous run of the list, the runs in order: for work that keeps
    /// something per run (an index over the run's elements) rather than per element.
    public static func mapRuns<Element: Sendable, Result: Sendable>(
        _ elements: [Element], runs: Int = width, minimumRun: Int,
        _ transform: @escaping @Sendable (ArraySlice<Element>) throws -> Result
    ) async throws -> [Result] {
        let runs = min(max(runs, 1), elements.count / max(minimumRun, 1))
        guard runs > 1 else { return [try transform(elements[...])] }
        let size = (elements.count + runs - 1) / runs
        return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            for start in stride(from: 0, to: elements.count, by: size) {
                let run = elements[start..<min(start + size, elements.count)]
                group.addTask { (start, try transform(run)) }
            }
            var parts: [(start: Int, result: Result)] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.start < $1.start }.map(\.result)
        }
    }
}
