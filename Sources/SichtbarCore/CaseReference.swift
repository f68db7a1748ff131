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

    /// Symbols a typed start of a reference needs at least: four (20 bits) name about one case
    /// in a million, so a start finds the case meant, not a crowd.
    public static let shortestStart = 4

    /// The case ids whose reference starts with `text` (4 to 8 symbols, tolerating case, dashes,
    /// spaces and look-alikes): `lower` inclusive, `upper` exclusive (nil past the last id).
    public static func ids(startingWith text: String) -> (lower: [UInt8], upper: [UInt8]?)? {
        guard let values = CrockfordBase32.values(text, atMost: 8), values.count >= shortestStart else { return nil }
        let bits = values.count * 5
        var lower = [UInt8](repeating: 0, count: 16)
        for (index, value) in values.enumerated() {
            for bit in 0..<5 where value & (0x10 >> bit) != 0 {
                let position = index * 5 + bit
                lower[position / 8] |= 0x80 >> (position % 8)
            }
        }
        // The next start: add one at the last bit the text fixes, carrying leftwards.
        var upper = lower
        var position = bits - 1
        while position >= 0 {
            let mask: UInt8 = 0x80 >> (position % 8)
            if upper[position / 8] & mask == 0 {
                upper[position / 8] |= mask
                return (lower, upper)
            }
            upper[position / 8] &= ~mask
            position -= 1
        }
        return (lower, nil)
    }
}
