/// An office's recovery code: 130 random bits as 26 Crockford base32 symbols, shown once at
/// set-up and kept by the Träger under four-eyes. It derives the recovery key pair that the
/// office secret key is sealed to.
public final class RecoveryCode: Sendable {
    public static let symbolCount = 26
    let code: SymbolCode

    private init(code: SymbolCode) {
        self.code = code
    }

    public static func generate() -> RecoveryCode {
        RecoveryCode(code: .generate(count: symbolCount))
    }

    public static func parse(_ text: String) -> RecoveryCode? {
        SymbolCode.parse(text, count: symbolCount).map(RecoveryCode.init(code:))
    }

    /// For showing once to the lead who sets the office up.
    public var formatted: String { code.formatted }

    /// The recovery key pair: deterministic from the code, so the code alone restores access.
    public func keyPair() throws -> BoxKeyPair {
        let seed = ReceiptKeys.derive(from: code.masterKey(), id: 1, context: "SbRecovr", length: 32)
        return try BoxKeyPair(seed: seed)
    }
}
