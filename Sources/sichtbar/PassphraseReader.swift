import Casework
import Foundation
import Members
import Sealing

#if canImport(Glibc)
    import Glibc
    import Members
#endif

/// Reads passphrases: from the terminal without echo, or one line each from standard input when
/// it is not a terminal (so everything can be scripted).
enum PassphraseReader {
    static func read(prompt: String) throws -> SecureBytes {
        let interactive = isatty(STDIN_FILENO) == 1
        if interactive { FileHandleWriter.write(prompt, to: 2) }
        var settings = termios()
        if interactive {
            tcgetattr(STDIN_FILENO, &settings)
            var silent = settings
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if interactive {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
                FileHandleWriter.write("\n", to: 2)
            }
        }
        var bytes: [UInt8] = []
        defer { Sodium.wipe(&bytes) }
        var byte: UInt8 = 0
        while Glibc.read(STDIN_FILENO, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty else { throw CLIError.badInput("no passphrase on standard input") }
        return SecureBytes(copying: bytes)
    }

    /// Reads a new passphrase and checks it against the policy.
    static func readNew(prompt: String, username: String) throws -> SecureBytes {
        let passphrase = try read(prompt: prompt)
        let text = passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        if case .rejected(let reason) = try PassphrasePolicy.fromPolicies().check(text, username: username) {
            throw CLIError.badInput("passphrase refused: \(reason)")
        }
        return passphrase
    }
}
