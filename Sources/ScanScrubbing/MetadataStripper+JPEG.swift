/// JPEG: the file is rebuilt from its marker segments, leaving out APP1–APP15 (EXIF with GPS and
/// thumbnails, XMP, ICC profiles, Photoshop IRB …) and COM, and anything after EOI (phone makers
/// append trailers and motion-photo videos there). APP0 stays only as a bare JFIF header with its
/// thumbnail removed; Adobe's APP14 stays as its fixed 12 bytes, since it holds only a colour
/// transform flag without which CMYK and YCCK scans would be drawn in the wrong colours.
///
/// Dropping EXIF also drops its orientation tag, so a phone photo may be shown turned; dropping
/// the ICC profile may shift the colours of a scan made in a wide-gamut space. Neither matters
/// for reading a signed form.
extension MetadataStripper {
    /// One piece of a JPEG's structure, by offsets into the bytes it was read from.
    enum JPEGPiece: Equatable {
        /// A marker without a length: SOI, EOI, RSTn or TEM.
        case standalone(marker: UInt8)
        /// A marker segment; `payload` excludes the marker and the two length bytes.
        case segment(marker: UInt8, payload: Range<Int>)
        /// Entropy-coded data after SOS, with its stuffed zero bytes and restart markers.
        case entropy(Range<Int>)
    }

    private static let jfifIdentifier: [UInt8] = Array("JFIF".utf8) + [0]
    private static let adobeIdentifier: [UInt8] = Array("Adobe".utf8)

    static func stripJPEG(_ bytes: [UInt8]) throws(Refusal) -> [UInt8] {
        let pieces = try jpegPieces(bytes, from: 0, to: bytes.count)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for piece in pieces {
            switch piece {
            case .standalone(let marker):
                output += [0xFF, marker]
            case .entropy(let range):
                output += bytes[range]
            case .segment(let marker, let payload):
                guard let kept = keptJPEGPayload(marker: marker, payload: bytes[payload]) else { continue }
                var body = Array(bytes[payload.prefix(kept)])
                if marker == 0xE0 {
                    // JFIF: no thumbnail, so its width and height become zero.
                    body[12] = 0
                    body[13] = 0
                }
                let length = body.count + 2
                output += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)]
                output += body
            }
        }
        return output
    }

    /// Zeroes the metadata of a JPEG embedded in a PDF without moving a byte: APP1–APP15 and COM
    /// payloads and a JFIF thumbnail become zeros behind their unchanged lengths.
    static func blankJPEG(in bytes: inout [UInt8], range: Range<Int>) throws(Refusal) {
        let pieces: [JPEGPiece]
        do {
            pieces = try jpegPieces(bytes, from: range.lowerBound, to: range.upperBound)
        } catch {
            let reason = if case .malformed(let detail) = error { detail } else { "unreadable" }
            throw .malformed("embedded JPEG image at offset \(range.lowerBound): \(reason)")
        }
        for case .segment(let marker, let payload) in pieces {
            let kept = keptJPEGPayload(marker: marker, payload: bytes[payload]) ?? 0
            for index in payload.dropFirst(kept) { bytes[index] = 0 }
        }
    }

    /// How many leading payload bytes of a segment may stay: all for segments that draw the
    /// image (also none, for an empty one: it stays), the fixed header for JFIF and Adobe; nil
    /// for a segment that goes, other application segments and COM. An empty segment that draws
    /// the image used to be left out as if it were metadata, so a second pass found a different
    /// file (libFuzzer, issue 18).
    static func keptJPEGPayload(marker: UInt8, payload: ArraySlice<UInt8>) -> Int? {
        switch marker {
        case 0xE0:
            return payload.count >= 14 && payload.starts(with: jfifIdentifier) ? 14 : nil
        case 0xEE:
            return payload.count >= 12 && payload.starts(with: adobeIdentifier) ? 12 : nil
        case 0xE1...0xEF, 0xFE:
            return nil
        default:
            return payload.count
        }
    }

    /// The structure of the JPEG in `bytes[start..<end]`, from SOI through EOI; whatever follows
    /// EOI is not part of the image and is left out. Fill bytes (0xFF padding before a marker) are
    /// skipped. Every offset is checked against `end` before it is read.
    static func jpegPieces(_ bytes: [UInt8], from start: Int, to end: Int) throws(Refusal) -> [JPEGPiece] {
        guard start >= 0, end <= bytes.count, end - start >= 2, bytes[start] == 0xFF, bytes[start + 1] == 0xD8 else {
            throw .malformed("JPEG does not begin with SOI")
        }
        var pieces: [JPEGPiece] = [.standalone(marker: 0xD8)]
        var offset = start + 2
        var scanned = false
        while true {
            guard offset < end else { throw .malformed("JPEG ends at offset \(offset) without EOI") }
            guard bytes[offset] == 0xFF else {
                throw .malformed("JPEG has no marker at offset \(offset)")
            }
            var markerOffset = offset + 1
            while markerOffset < end, bytes[markerOffset] == 0xFF { markerOffset += 1 }
            guard markerOffset < end else { throw .malformed("JPEG ends in fill bytes at offset \(offset)") }
            let marker = bytes[markerOffset]
            offset = markerOffset + 1
            switch marker {
            case 0x00:
                throw .malformed("JPEG has a stuffed zero byte outside a scan at offset \(markerOffset)")
            case 0xD8:
                throw .malformed("JPEG has a second SOI at offset \(markerOffset)")
            case 0xD9:
                guard scanned else { throw .malformed("JPEG ends at offset \(markerOffset) before any scan") }
                pieces.append(.standalone(marker: marker))
                return pieces
            case 0x01, 0xD0...0xD7:
                pieces.append(.standalone(marker: marker))
            default:
                guard end - offset >= 2 else {
                    throw .malformed("JPEG segment length at offset \(offset) runs past the end")
                }
                let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
                guard length >= 2 else { throw .malformed("JPEG segment length \(length) at offset \(offset) is too short") }
                guard length <= end - offset else {
                    throw .malformed("JPEG segment at offset \(markerOffset - 1) (length \(length)) runs past the end")
                }
                pieces.append(.segment(marker: marker, payload: (offset + 2)..<(offset + length)))
                offset += length
                if marker == 0xDA {
                    scanned = true
                    let scanEnd = entropyEnd(bytes, from: offset, to: end)
                    if scanEnd > offset { pieces.append(.entropy(offset..<scanEnd)) }
                    offset = scanEnd
                }
            }
        }
    }

    /// Where the entropy-coded data starting at `start` ends: at the first 0xFF that begins a
    /// marker other than a restart marker (0xFF 0x00 is a stuffed data byte).
    private static func entropyEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var offset = start
        while offset < end {
            if bytes[offset] == 0xFF {
                guard offset + 1 < end else { return offset }
                let next = bytes[offset + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) {
                    offset += 2
                    continue
                }
                return offset
            }
            offset += 1
        }
        return end
    }
}
