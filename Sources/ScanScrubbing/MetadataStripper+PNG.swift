/// PNG: the file is rebuilt from the chunks that draw the image: the critical ones (IHDR, PLTE,
/// IDAT, IEND) and the ancillary ones that only say how to render it (tRNS, gAMA, cHRM, sRGB,
/// sBIT, bKGD, pHYs). Everything else goes: text chunks (tEXt, zTXt, iTXt), eXIf, tIME, iCCP
/// (whose profile name can be anything), sPLT, hIST, APNG frames and private chunks, and any bytes
/// after IEND. Every chunk's CRC is checked first, so a damaged file is refused rather than
/// passed on half-read.
extension MetadataStripper {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Chunk types that stay.
    static let keptPNGChunks: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs",
    ]

    static func stripPNG(_ bytes: [UInt8]) throws(Refusal) -> [UInt8] {
        guard bytes.starts(with: pngSignature) else { throw .malformed("PNG signature damaged") }
        var output = pngSignature
        output.reserveCapacity(bytes.count)
        var offset = pngSignature.count
        var sawImageData = false
        while true {
            guard bytes.count - offset >= 12 else {
                throw .malformed("PNG ends at offset \(offset) without IEND")
            }
            let length = Int(bigEndian32(bytes, at: offset))
            guard length <= 0x7FFF_FFFF, length <= bytes.count - offset - 12 else {
                throw .malformed("PNG chunk at offset \(offset) (length \(length)) runs past the end")
            }
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw .malformed("PNG chunk at offset \(offset) has no valid type")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let dataEnd = offset + 8 + length
            guard crc32(bytes[(offset + 4)..<dataEnd]) == bigEndian32(bytes, at: dataEnd) else {
                throw .malformed("PNG chunk \(type) at offset \(offset) fails its CRC")
            }
            if offset == pngSignature.count, type != "IHDR" {
                throw .malformed("PNG begins with \(type), not IHDR")
            }
            if keptPNGChunks.contains(type) {
                output += bytes[offset..<(dataEnd + 4)]
            } else if typeBytes[typeBytes.startIndex] & 0x20 == 0 {
                // An unknown critical chunk: no decoder may draw the image without understanding it.
                throw .malformed("PNG chunk \(type) at offset \(offset) is critical and unknown")
            }
            if type == "IDAT" { sawImageData = true }
            offset = dataEnd + 4
            if type == "IEND" {
                guard sawImageData else { throw .malformed("PNG has no IDAT chunk") }
                return output
            }
        }
    }

    /// The CRC-32 of ISO 3309 / ITU-T V.42 that PNG uses, over the chunk type and data.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC of every byte value, reflected polynomial 0xEDB88320.
    private static let crcTable: [UInt32] = (UInt32(0)..<256).map { (value: UInt32) -> UInt32 in
        var crc = value
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1
        }
        return crc
    }

    /// Four bytes at `offset` read as a big-endian number; the caller has checked they exist.
    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
