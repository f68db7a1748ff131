/// Crockford's base32: no I, L, O or U, so a receipt read aloud or copied by hand survives.
enum CrockfordBase32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The 5-bit value of a symbol, tolerating lower case and the look-alikes O→0, I/L→1.
    static func value(of character: Character) -> UInt8? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return ascii - UInt8(ascii: "0")
        case UInt8(ascii: "o"), UInt8(ascii: "O"): return 0
        case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "L"): return 1
        default:
            let upper = (ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z")) ? ascii - 32 : ascii
            guard let index = alphabet.firstIndex(of: Character(UnicodeScalar(upper))) else { return nil }
            return UInt8(index)
        }
    }
}
