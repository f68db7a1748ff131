import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a test types into a child's stdin. A child that exits before reading it (a command that
/// refuses its arguments at once) closes the pipe; the write must then fail quietly instead of
/// raising SIGPIPE, which ends the whole test process, every suite with it.
enum ChildInput {
    /// SIGPIPE ignored once for the test process: a write to a closed pipe or socket returns EPIPE.
    private static let pipeSignalIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    static func send(_ bytes: Data, to pipe: Pipe) {
        _ = pipeSignalIgnored
        try? pipe.fileHandleForWriting.write(contentsOf: bytes)
        try? pipe.fileHandleForWriting.close()
    }
}
