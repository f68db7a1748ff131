import Casework
import Foundation

/// Hands a message to the machine's mail transfer agent over the sendmail interface
/// (`sendmail -i -- ADDRESS`, the message on standard input). TLS, queueing and retries past the
/// hand-over are the MTA's job; a non-zero exit is a failed hand-over the caller retries.
struct SendmailTransport: Sendable {
    let path: String
    static let timeout: TimeInterval = 60

    /// `--sendmail`, else /usr/sbin/sendmail when it exists; nil (no notifications) otherwise or when given empty.
    static func resolve(_ flag: String?) -> SendmailTransport? {
        if let flag { return flag.isEmpty ? nil : SendmailTransport(path: flag) }
        let standard = "/usr/sbin/sendmail"
        return FileManager.default.isExecutableFile(atPath: standard) ? SendmailTransport(path: standard) : nil
    }

    /// Nil when the MTA took the message, else why not (an exit status or a start failure).
    func send(_ message: String, to address: EmailAddress) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Self.run(path: path, message: message, address: address))
            }
        }
    }

    private static func run(path: String, message: String, address: EmailAddress) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "--", address.value]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot start \(path)"
        }
        input.fileHandleForWriting.write(Data(message.utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            return "\(path) did not finish in \(Int(timeout)) s"
        }
        return process.terminationStatus == 0 ? nil : "\(path) exited with \(process.terminationStatus)"
    }
}
