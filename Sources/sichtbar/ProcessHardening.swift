import CProcess

/// Keeps secrets out of core dumps: no dumps, and the process is not ptrace-attachable by others.
enum ProcessHardening {
    @discardableResult
    static func disableCoreDumps() -> Bool {
        sichtbar_disable_core_dumps() == 0
    }
}
