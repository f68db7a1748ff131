import Dispatch
import Synchronization

extension VerbandMerge {
    /// What can be worked out for one file on its own: its verification and, under `mode: exact`,
    /// whether its tables add up. Computed for all files at once across the cores, since reading
    /// and checking 50 releases is most of a merge's time.
    struct OpenedFile: Sendable {
        let file: StatFile?
        let verdict: StatFileVerdict
        let inconsistency: String?
    }

    func openAll(_ files: [[UInt8]]) -> [OpenedFile] {
        let results = Mutex<[OpenedFile?]>(Array(repeating: nil, count: files.count))
        let exact = policy.mode == .exact
        let hierarchies = policy.codeHierarchies
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (file, verdict) = StatFile.open(files[index], key: nil)
            var inconsistency: String?
            if exact, let file {
                do throws(DisclosureInputError) {
                    _ = try LinkedRelease(file.tables, hierarchies: hierarchies).exactCounts()
                } catch {
                    inconsistency = error.description
                }
            }
            let opened = OpenedFile(file: file, verdict: verdict, inconsistency: inconsistency)
            results.withLock { $0[index] = opened }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
