import CSodium

/// Random bits written as Crockford base32 symbols in groups of four, kept in wiping memory.
/// Receipts (20 symbols, 100 bits) and office recovery codes (26 symbols, 130 bits) are codes.
struct SymbolCode: Sendable {
    static let groupSize = 4
    /// One 5-bit value per byte.
    let symbols: SecureBytes

    static func generate(count: Int) -> SymbolCode {
        Sodium.ensureInitialised()
        // One draw of 5·count bits, split into symbols: uniform, and one system call instead of count.
        let bits = SecureBytes(randomCount: (count * 5 + 7) / 8)
        let symbols = SecureBytes(count: count)
        bits.withUnsafeBytes { source in
            symbols.withUnsafeMutableBytes { target in
                for index in 0..<count {
                    let bit = index * 5
                    let high = UInt16(source[bit / 8]) << 8
                    let low = bit / 8 + 1 < source.count ? UInt16(source[bit / 8 + 1]) : 0
                    target[index] = UInt8(truncatingIfNeeded: ((high | low) >> (11 - UInt16(bit % 8))) & 0x1f)
                }
            }
        }
        return SymbolCode(symbols: symbols)
    }

    /// Reads `count` symbols, skipping spaces and dashes, tolerating case and O/0, I/L/1.
    static func parse(_ text: String, count: Int) -> SymbolCode? {
        let symbols = SecureBytes(count: count)
        var read = 0
        var failed = false
        symbols.withUnsafeMutableBytes { buffer in
            for character in text {
                if character == "-" || character == "\u{2010}" || character == "\u{2011}" || character == "\u{2013}"
                    || character.isWhitespace
                {
                    continue
                }
                guard read < count, let value = CrockfordBase32.value(of: character) else {
                    failed = true
                    return
                }
                buffer[read] = value
                read += 1
            }
        }
        guard !failed, read == count else { return nil }
        return SymbolCode(symbols: symbols)
    }

    /// `XXXX-XXXX-…`: an ordinary String, for showing the code to its owner only.
    var formatted: String {
        symbols.withUnsafeBytes { buffer in
            var text = ""
            for index in 0..<buffer.count {
                if index > 0 && index % Self.groupSize == 0 { text.append("-") }
                text.append(CrockfordBase32.alphabet[Int(buffer[index])])
            }
            return text
        }
    }

    /// The bits packed big-endian into bytes, the last byte zero-filled.
    func packedBits() -> SecureBytes {
        let packed = SecureBytes(count: (symbols.count * 5 + 7) / 8)
        symbols.withUnsafeBytes { source in
            packed.withUnsafeMutableBytes { CrockfordBase32.pack(source, into: $0) }
        }
        return packed
    }

    /// `crypto_generichash` of the packed bits: the master key derivations start from.
    func masterKey(length: Int = 32) -> SecureBytes {
        let master = SecureBytes(count: length)
        packedBits().withUnsafeBytes { bits in
            master.withUnsafeMutableBytes { out in
                _ = crypto_generichash(
                    out.bindMemory(to: UInt8.self).baseAddress!, out.count,
                    bits.bindMemory(to: UInt8.self).baseAddress!, UInt64(bits.count), nil, 0)
            }
        }
        return master
    }
}
