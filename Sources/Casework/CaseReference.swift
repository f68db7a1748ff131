import Sealing

/// A case reference a counsellor can say on the phone: the first 40 bits of the random case id
/// as eight Crockford symbols ("7KQ2-M9XD"). Derived, not stored, so it says nothing about
/// arrival order; read back tolerating case, spaces, dashes and look-alikes.
public enum CaseReference {
    public static func of(_ id: EntityID) -> String {
        let symbols = CrockfordBase32.encode(Array(id.bytes.prefix(5)))
        return String(symbols.prefix(4)) + "-" + String(symbols.dropFirst(4).prefix(4))
    }

    /// The 5-byte id prefix a typed reference names, or nil when it is not a reference.
    public static func prefix(of text: String) -> [UInt8]? {
        CrockfordBase32.decode(text, symbols: 8)
    }
}
