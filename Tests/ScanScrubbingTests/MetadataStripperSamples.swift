import Foundation
import SichtbarTesting
import Testing

@testable import ScanScrubbing

// MARK: - Building test files

func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A JPEG marker segment: marker, big-endian length (counting itself), payload.
func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
    let length = payload.count + 2
    return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
}

/// CRC-32 bit by bit, without a table, so the stripper's table-driven one is checked against an
/// independent computation.
func referenceCRC32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 {
            crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
    }
    return ~crc
}

func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
}

/// A PNG chunk with its CRC.
func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    bigEndian(UInt32(data.count)) + ascii(type) + data + bigEndian(referenceCRC32(ascii(type) + data))
}

/// `bytes` with the CRC of every chunk that fits recomputed, so a mutation is not caught by its CRC.
func repairingCRCs(_ bytes: [UInt8]) -> [UInt8] {
    var repaired = bytes
    var offset = 8
    while offset + 12 <= repaired.count {
        let length = repaired[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        guard length <= repaired.count - offset - 12 else { break }
        let crcOffset = offset + 8 + length
        repaired.replaceSubrange(crcOffset..<(crcOffset + 4), with: bigEndian(referenceCRC32(repaired[(offset + 4)..<crcOffset])))
        offset = crcOffset + 4
    }
    return repaired
}

func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
        return start..<(start + needle.count)
    }
    return nil
}

func refusal(of bytes: [UInt8]) -> MetadataStripper.Refusal? {
    do {
        _ = try MetadataStripper.strip(bytes)
        return nil
    } catch {
        return error
    }
}

func malformedReason(of bytes: [UInt8]) -> String? {
    if case .malformed(let reason)? = refusal(of: bytes) { return reason }
    return nil
}

// The sample JPEG, part by part.
let soi: [UInt8] = [0xFF, 0xD8]
let eoi: [UInt8] = [0xFF, 0xD9]
let jfif = segment(0xE0, ascii("JFIF") + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
let exif = segment(0xE1, ascii("Exif") + [0, 0, 0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8] + ascii("GPS 50.9375N 6.9603E"))
let xmp = segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/") + [0] + ascii("<x:xmpmeta>Author: Secret</x:xmpmeta>"))
let icc = segment(0xE2, ascii("ICC_PROFILE") + [0, 1, 1] + ascii("desc Secret Studio"))
let photoshop = segment(0xED, ascii("Photoshop 3.0") + [0] + ascii("8BIM caption Secret"))
let comment = segment(0xFE, ascii("Canon EOS serial 1234"))
let dqt = segment(0xDB, [0] + (1...64).map { UInt8($0) })
let sof0 = segment(0xC0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
let dht = segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0])
let sos = segment(0xDA, [1, 1, 0x00, 0, 63, 0])
/// Entropy-coded data with stuffed 0xFF 0x00 bytes and a restart marker.
let scanData: [UInt8] = [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xFF, 0x00, 0xBC]
let jpegMetadata = [exif, xmp, icc, photoshop, comment]
/// Metadata in every application segment and a comment, fill bytes before DQT.
let sampleJPEG = soi + jfif + exif + xmp + icc + photoshop + comment + [0xFF, 0xFF] + dqt + sof0 + dht + sos + scanData + eoi
let cleanJPEG = soi + jfif + dqt + sof0 + dht + sos + scanData + eoi
let jpegSecrets = ["GPS 50.9375N", "Secret", "Canon EOS serial 1234", "Exif", "ICC_PROFILE", "Photoshop", "xmpmeta"]

// The sample PNG: one grey pixel, zlib stored block, with text, EXIF and a timestamp.
let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
let ihdr = chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])
let idat = chunk("IDAT", [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
let iend = chunk("IEND", [])
let textChunk = chunk("tEXt", ascii("Author") + [0] + ascii("Secret"))
let samplePNG =
    pngSignature + ihdr + textChunk
    + chunk("iTXt", ascii("Comment") + [0, 0, 0, 0, 0] + ascii("Secret in iTXt"))
    + chunk("eXIf", [0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8] + ascii("GPS 50.9375N"))
    + chunk("tIME", [0x07, 0xEA, 11, 21, 12, 0, 0])
    + idat + iend
let pngSecrets = ["Secret", "GPS", "tEXt", "iTXt", "eXIf", "tIME"]

/// A PDF whose xref table points at its objects; returns the file and each object's offset.
func makePDF(_ objects: [[UInt8]], trailer: String) -> (bytes: [UInt8], offsets: [Int]) {
    var bytes = ascii("%PDF-1.7\n%") + [0xE2, 0xE3, 0xCF, 0xD3] + ascii("\n")
    var offsets: [Int] = []
    for (index, body) in objects.enumerated() {
        offsets.append(bytes.count)
        bytes += ascii("\(index + 1) 0 obj\n") + body + ascii("\nendobj\n")
    }
    let xref = bytes.count
    bytes += ascii("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n")
    for offset in offsets {
        let digits = String(offset)
        bytes += ascii(String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n")
    }
    bytes += ascii("trailer\n<< /Size \(objects.count + 1) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n")
    return (bytes, offsets)
}

func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
    ascii("<< \(dictionary) /Length \(data.count) >>\nstream\n") + data + ascii("\nendstream")
}

let xmpPacket =
    ascii("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
    + ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")
    + ascii("<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Max Secret Mustermann</dc:creator>")
    + ascii("<xmp:CreatorTool>Scanner X</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta>\n")
    + ascii("<?xpacket end=\"w\"?>")

/// Page text that mentions /Author: inside a stream, so it must stay untouched.
let pageContent = ascii("BT /F1 12 Tf 72 700 Td (/Author \\(Jane\\)) Tj ET")

let infoDictionary =
    "<< /Author (Max \\(Secret\\) Mustermann) /Creator <FEFF0041> /Producer (Scanner X) "
    + "/CreationDate (D:20261121) /ModDate (D:20261122093000+01'00') /Trapped /False "
    + "/Company (Secret GmbH) /Title 6 0 R >>"

let samplePDF = makePDF(
    [
        ascii("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>"),
        ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>"),
        stream("/Type /Metadata /Subtype /XML", xmpPacket),
        ascii(infoDictionary),
        ascii("(Secret title)"),
        stream("", pageContent),
    ], trailer: "/Root 1 0 R /Info 5 0 R")

/// `bytes` with the contents of each delimited value (its first and last byte kept) turned to spaces.
func blankingContents(of values: [String], in bytes: [UInt8]) throws -> [UInt8] {
    var expected = bytes
    for value in values {
        let range = try #require(firstRange(of: ascii(value), in: bytes), "\(value) is in the sample")
        for index in (range.lowerBound + 1)..<(range.upperBound - 1) { expected[index] = 0x20 }
    }
    return expected
}

// MARK: - Tests
