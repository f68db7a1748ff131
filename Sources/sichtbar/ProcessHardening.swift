import CProcess

/// Keeps secrets out of core dumps: no dumps, and the process is not ptrace-attachable by others.
enum ProcessHardening {
    @discardableResult
    static func disableCoreDumps() -> Bool {
        sichtbar_disable_core_dumps() == 0
    }

    /// Raises the soft limit on open files to the hard limit; the limit in force afterwards, or
    /// nil when it cannot be read.
    static func raiseOpenFilesLimit() -> Int? {
        let limit = sichtbar_raise_open_files_limit()
        return limit < 0 ? nil : Int(limit)
    }
}
