import ArgumentParser
import Casework
import SichtbarCore

/// A command-line failure with CONTRACT.md's exit codes: 1 a check failed, 2 bad usage or input.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let code: Int32

    static func badInput(_ message: String) -> CLIError { CLIError(message: message, code: 2) }
    static func checkFailed(_ message: String) -> CLIError { CLIError(message: message, code: 1) }

    var description: String { message }
}

extension CLIError {
    /// A refusal of the member service, in command-line terms.
    init(_ error: AccessError) {
        switch error {
        case .unauthorized: self = .checkFailed("wrong username or passphrase")
        case .notFound: self = .checkFailed("not allowed, or not there")
        case .busy: self = .checkFailed("too many passphrase checks at once; try again")
        case .throttled: self = .checkFailed("too many login attempts just now; wait a few seconds and try again")
        case .keysUnavailable: self = .checkFailed("the keys for this are not sealed to this member")
        case .keyIntegrity(let reason): self = .checkFailed("KEY INTEGRITY ALARM, nothing was sealed: \(reason)")
        }
    }

    /// Refused input, in command-line terms: bad input, naming the field.
    init(_ refusal: FieldError) {
        self = .badInput("\(refusal.field): \(refusal.message)")
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, printing a CLIError's message to standard error and exiting with its code.
    func failingCleanly(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            printError("sichtbar: \(error.message)")
            throw ExitCode(error.code)
        } catch let error as AccessError {
            let mapped = CLIError(error)
            printError("sichtbar: \(mapped.message)")
            throw ExitCode(mapped.code)
        } catch let refusal as FieldError {
            let mapped = CLIError(refusal)
            printError("sichtbar: \(mapped.message)")
            throw ExitCode(mapped.code)
        }
    }
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleWriter.write(string, to: 2)
    }
}
