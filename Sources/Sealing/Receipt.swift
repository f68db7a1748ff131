/// What a reporter keeps: 100 random bits as 20 Crockford base32 symbols in groups of four.
/// Nobody, not even the office, can recover a lost receipt: it is stored nowhere.
public final class Receipt: Sendable {
    public static let symbolCount = 20
    let code: SymbolCode

    private init(code: SymbolCode) {
        self.code = code
    }

    /// A fresh receipt from the operating system's random source.
    public static func generate() -> Receipt {
        Receipt(code: .generate(count: symbolCount))
    }

    /// Reads a receipt as typed, tolerating case, spaces, dashes and the look-alikes O/0, I/L/1.
    public static func parse(_ text: String) throws(ReceiptError) -> Receipt {
        guard let code = SymbolCode.parse(text, count: symbolCount) else { throw .malformed }
        return Receipt(code: code)
    }

    /// The receipt as shown to the reporter: `XXXX-XXXX-XXXX-XXXX-XXXX`.
    /// This makes an ordinary String, which cannot be wiped: use it only to answer the reporter.
    public var formatted: String { code.formatted }
}

/// Why a typed receipt was refused before any lookup.
public enum ReceiptError: Error, Sendable, Equatable {
    /// Not 20 symbols of the receipt alphabet.
    case malformed
}
