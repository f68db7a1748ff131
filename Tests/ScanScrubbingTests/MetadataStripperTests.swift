import Foundation
import Testing
@testable import ScanScrubbing
import SichtbarTesting

// MARK: - Building test files

private func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A JPEG marker segment: marker, big-endian length (counting itself), payload.
private func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
    let length = payload.count + 2
    return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
}

/// CRC-32 bit by bit, without a table, so the stripper's table-driven one is checked against an
/// independent computation.
private func referenceCRC32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 {
            crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
    }
    return ~crc
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
}

/// A PNG chunk with its CRC.
private func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    bigEndian(UInt32(data.count)) + ascii(type) + data + bigEndian(referenceCRC32(ascii(type) + data))
}

/// `bytes` with the CRC of every chunk that fits recomputed, so a mutation is not caught by its CRC.
private func repairingCRCs(_ bytes: [UInt8]) -> [UInt8] {
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

private func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
        return start..<(start + needle.count)
    }
    return nil
}

private func refusal(of bytes: [UInt8]) -> MetadataStripper.Refusal? {
    do {
        _ = try MetadataStripper.strip(bytes)
        return nil
    } catch {
        return error
    }
}

private func malformedReason(of bytes: [UInt8]) -> String? {
    if case .malformed(let reason)? = refusal(of: bytes) { return reason }
    return nil
}

// The sample JPEG, part by part.
private let soi: [UInt8] = [0xFF, 0xD8]
private let eoi: [UInt8] = [0xFF, 0xD9]
private let jfif = segment(0xE0, ascii("JFIF") + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
private let exif = segment(0xE1, ascii("Exif") + [0, 0, 0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8] + ascii("GPS 50.9375N 6.9603E"))
private let xmp = segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/") + [0] + ascii("<x:xmpmeta>Author: Secret</x:xmpmeta>"))
private let icc = segment(0xE2, ascii("ICC_PROFILE") + [0, 1, 1] + ascii("desc Secret Studio"))
private let photoshop = segment(0xED, ascii("Photoshop 3.0") + [0] + ascii("8BIM caption Secret"))
private let comment = segment(0xFE, ascii("Canon EOS serial 1234"))
private let dqt = segment(0xDB, [0] + (1...64).map { UInt8($0) })
private let sof0 = segment(0xC0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
private let dht = segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0])
private let sos = segment(0xDA, [1, 1, 0x00, 0, 63, 0])
/// Entropy-coded data with stuffed 0xFF 0x00 bytes and a restart marker.
private let scanData: [UInt8] = [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xFF, 0x00, 0xBC]
private let jpegMetadata = [exif, xmp, icc, photoshop, comment]
/// Metadata in every application segment and a comment, fill bytes before DQT.
private let sampleJPEG = soi + jfif + exif + xmp + icc + photoshop + comment + [0xFF, 0xFF] + dqt + sof0 + dht + sos + scanData + eoi
private let cleanJPEG = soi + jfif + dqt + sof0 + dht + sos + scanData + eoi
private let jpegSecrets = ["GPS 50.9375N", "Secret", "Canon EOS serial 1234", "Exif", "ICC_PROFILE", "Photoshop", "xmpmeta"]

// The sample PNG: one grey pixel, zlib stored block, with text, EXIF and a timestamp.
private let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
private let ihdr = chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])
private let idat = chunk("IDAT", [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
private let iend = chunk("IEND", [])
private let textChunk = chunk("tEXt", ascii("Author") + [0] + ascii("Secret"))
private let samplePNG = pngSignature + ihdr + textChunk
    + chunk("iTXt", ascii("Comment") + [0, 0, 0, 0, 0] + ascii("Secret in iTXt"))
    + chunk("eXIf", [0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8] + ascii("GPS 50.9375N"))
    + chunk("tIME", [0x07, 0xEA, 11, 21, 12, 0, 0])
    + idat + iend
private let pngSecrets = ["Secret", "GPS", "tEXt", "iTXt", "eXIf", "tIME"]

/// A PDF whose xref table points at its objects; returns the file and each object's offset.
private func makePDF(_ objects: [[UInt8]], trailer: String) -> (bytes: [UInt8], offsets: [Int]) {
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

private func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
    ascii("<< \(dictionary) /Length \(data.count) >>\nstream\n") + data + ascii("\nendstream")
}

private let xmpPacket = ascii("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
    + ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")
    + ascii("<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Max Secret Mustermann</dc:creator>")
    + ascii("<xmp:CreatorTool>Scanner X</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta>\n")
    + ascii("<?xpacket end=\"w\"?>")

/// Page text that mentions /Author: inside a stream, so it must stay untouched.
private let pageContent = ascii("BT /F1 12 Tf 72 700 Td (/Author \\(Jane\\)) Tj ET")

private let infoDictionary = "<< /Author (Max \\(Secret\\) Mustermann) /Creator <FEFF0041> /Producer (Scanner X) "
    + "/CreationDate (D:20261121) /ModDate (D:20261122093000+01'00') /Trapped /False "
    + "/Company (Secret GmbH) /Title 6 0 R >>"

private let samplePDF = makePDF([
    ascii("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>"),
    ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>"),
    stream("/Type /Metadata /Subtype /XML", xmpPacket),
    ascii(infoDictionary),
    ascii("(Secret title)"),
    stream("", pageContent),
], trailer: "/Root 1 0 R /Info 5 0 R")

/// `bytes` with the contents of each delimited value (its first and last byte kept) turned to spaces.
private func blankingContents(of values: [String], in bytes: [UInt8]) throws -> [UInt8] {
    var expected = bytes
    for value in values {
        let range = try #require(firstRange(of: ascii(value), in: bytes), "\(value) is in the sample")
        for index in (range.lowerBound + 1)..<(range.upperBound - 1) { expected[index] = 0x20 }
    }
    return expected
}

// MARK: - Tests

@Suite("MetadataStripper: uploads lose who, when, where and with what before sealing")
struct MetadataStripperTests {
    // MARK: JPEG

    @Test func jpegKeepsOnlyTheSegmentsThatDrawTheImage() throws {
        let file = try MetadataStripper.strip(sampleJPEG)
        #expect(file.mediaType == .jpeg)
        #expect(file.bytes == cleanJPEG)
        for secret in jpegSecrets {
            #expect(!file.bytes.containsSubsequence(ascii(secret)), "\(secret) survived")
        }
    }

    @Test func jpegStrippingTwiceChangesNothing() throws {
        let once = try MetadataStripper.strip(sampleJPEG)
        let twice = try MetadataStripper.strip(once.bytes)
        #expect(twice == once)
        #expect(try MetadataStripper.strip(cleanJPEG).bytes == cleanJPEG)
    }

    @Test func jpegThumbnailsGoButAdobeTransformAndStandaloneMarkersStay() throws {
        // JFIF with a 2×1 RGB thumbnail, a JFXX thumbnail extension, Adobe APP14 with bytes
        // appended, and a TEM marker.
        let jfifWithThumbnail = segment(0xE0, ascii("JFIF") + [0, 1, 2, 1, 0, 72, 0, 72, 2, 1] + ascii("SECRET"))
        let jfxx = segment(0xE0, ascii("JFXX") + [0, 0x13] + ascii("thumbnail Secret"))
        let adobe = ascii("Adobe") + [0, 100, 0, 0, 0, 0, 2]
        let input = soi + jfifWithThumbnail + jfxx + segment(0xEE, adobe + ascii("Secret")) + [0xFF, 0x01]
            + dqt + sof0 + dht + sos + scanData + eoi
        let bareJFIF = segment(0xE0, ascii("JFIF") + [0, 1, 2, 1, 0, 72, 0, 72, 0, 0])
        let expected = soi + bareJFIF + segment(0xEE, adobe) + [0xFF, 0x01] + dqt + sof0 + dht + sos + scanData + eoi
        #expect(try MetadataStripper.strip(input).bytes == expected)
    }

    @Test func jpegCommentsBetweenProgressiveScansAndTrailersAfterEndGo() throws {
        let sof2 = segment(0xC2, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
        let secondScan: [UInt8] = [0xAB, 0xFF, 0x00, 0xCD, 0xFF, 0xD1, 0xEF]
        let trailer = ascii("SEFH Secret phone trailer with motion photo")
        let input = soi + jfif + dqt + sof2 + dht + sos + scanData + comment + exif + dht + sos + secondScan + eoi + trailer
        let expected = soi + jfif + dqt + sof2 + dht + sos + scanData + dht + sos + secondScan + eoi
        #expect(try MetadataStripper.strip(input).bytes == expected)
    }

    @Test func jpegWithBrokenStructureIsRefusedWithTheReason() throws {
        // An APP1 claiming 0x4000 bytes in a file far shorter.
        let runsPast = soi + [0xFF, 0xE1, 0x40, 0x00] + ascii("Exif") + [0, 0]
        #expect(try #require(malformedReason(of: runsPast)).contains("runs past the end"))
        // Length field cut off.
        #expect(try #require(malformedReason(of: soi + [0xFF, 0xDB, 0x00])).contains("runs past the end"))
        // Length below two.
        #expect(try #require(malformedReason(of: soi + [0xFF, 0xFE, 0x00, 0x01] + dqt)).contains("too short"))
        // Truncated before EOI.
        #expect(try #require(malformedReason(of: Array(sampleJPEG.dropLast(2)))).contains("without EOI"))
        // EOI before any scan.
        #expect(try #require(malformedReason(of: soi + jfif + eoi)).contains("before any scan"))
        // A data byte where a marker belongs.
        #expect(try #require(malformedReason(of: soi + jfif + [0x42] + dqt)).contains("no marker"))
        // Only the magic bytes.
        #expect(malformedReason(of: soi) != nil)
    }

    // MARK: PNG

    @Test func pngKeepsOnlyImageChunksWithValidCRCs() throws {
        let file = try MetadataStripper.strip(samplePNG)
        #expect(file.mediaType == .png)
        #expect(file.bytes == pngSignature + ihdr + idat + iend)
        // Walk the result independently: types, lengths and CRCs.
        var types: [String] = []
        var offset = 8
        while offset + 12 <= file.bytes.count {
            let length = file.bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let typeAndData = file.bytes[(offset + 4)..<(offset + 8 + length)]
            let crc = file.bytes[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(crc == referenceCRC32(typeAndData))
            types.append(String(decoding: typeAndData.prefix(4), as: UTF8.self))
            offset += 12 + length
        }
        #expect(offset == file.bytes.count)
        #expect(types == ["IHDR", "IDAT", "IEND"])
        for secret in pngSecrets {
            #expect(!file.bytes.containsSubsequence(ascii(secret)), "\(secret) survived")
        }
        #expect(try MetadataStripper.strip(file.bytes) == file)
    }

    @Test func pngKeepsRenderingChunksAndDropsProfilesPrivateChunksAndTrailers() throws {
        let rendering = [
            chunk("gAMA", bigEndian(45455)),
            chunk("cHRM", [UInt8](repeating: 1, count: 32)),
            chunk("sRGB", [0]),
            chunk("sBIT", [8]),
            chunk("tRNS", [0, 0]),
            chunk("bKGD", [0, 0]),
            chunk("pHYs", bigEndian(3780) + bigEndian(3780) + [1]),
        ]
        let dropped = [
            chunk("iCCP", ascii("Secret Studio profile") + [0, 0, 0x78, 0x01]),
            chunk("zTXt", ascii("Author") + [0, 0, 0x78, 0x01]),
            chunk("sPLT", ascii("Secret palette") + [0, 8]),
            chunk("hIST", [0, 1]),
            chunk("prVt", ascii("Secret private")),
        ]
        let input = pngSignature + ihdr + dropped[0] + rendering[0] + dropped[1] + rendering[1] + rendering[2]
            + rendering[3] + dropped[2] + rendering[4] + rendering[5] + dropped[3] + rendering[6] + dropped[4]
            + idat + iend + ascii("appended Secret")
        let expected = pngSignature + ihdr + rendering.joined() + idat + iend
        let file = try MetadataStripper.strip(input)
        #expect(file.bytes == expected)
        #expect(!file.bytes.containsSubsequence(ascii("Secret")))
    }

    @Test func pngWithACorruptedCRCIsRefused() throws {
        var corrupted = samplePNG
        let secret = try #require(firstRange(of: ascii("Secret"), in: corrupted))
        corrupted[secret.lowerBound] ^= 0x01  // the data changes, the stored CRC does not
        #expect(try #require(malformedReason(of: corrupted)).contains("tEXt"))
        #expect(try #require(malformedReason(of: corrupted)).contains("CRC"))
    }

    @Test func truncatedOrDamagedPNGsAreRefused() throws {
        #expect(try #require(malformedReason(of: Array(samplePNG.dropLast(4)))).contains("without IEND"))
        let insideIDAT = try #require(firstRange(of: idat, in: samplePNG)).lowerBound + 20
        #expect(try #require(malformedReason(of: Array(samplePNG.prefix(insideIDAT)))).contains("runs past the end"))
        #expect(malformedReason(of: pngSignature) != nil)
        // A signature mangled by a line-ending conversion.
        #expect(try #require(malformedReason(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0D, 0x1A, 0x0A] + ihdr + idat + iend))
            .contains("signature"))
        // IHDR not first, no IDAT, an unknown critical chunk.
        #expect(try #require(malformedReason(of: pngSignature + idat + ihdr + iend)).contains("not IHDR"))
        #expect(try #require(malformedReason(of: pngSignature + ihdr + iend)).contains("no IDAT"))
        #expect(try #require(malformedReason(of: pngSignature + ihdr + chunk("ABCD", [1]) + idat + iend)).contains("critical"))
    }

    @Test func crcMatchesTheStandardCheckValueAndABitwiseComputation() {
        #expect(MetadataStripper.crc32(ArraySlice(ascii("123456789"))) == 0xCBF4_3926)
        let everyByte = ArraySlice((0...255).map { UInt8($0) } + samplePNG)
        #expect(MetadataStripper.crc32(everyByte) == referenceCRC32(everyByte))
        #expect(MetadataStripper.crc32([]) == 0)
    }

    // MARK: PDF

    @Test func pdfInformationAndXMPAreBlankedInPlace() throws {
        let (input, offsets) = samplePDF
        let file = try MetadataStripper.strip(input)
        #expect(file.mediaType == .pdf)
        #expect(file.bytes.count == input.count)

        var expected = try blankingContents(of: [
            "(Max \\(Secret\\) Mustermann)", "<FEFF0041>", "(Scanner X)", "(D:20261121)",
            "(D:20261122093000+01'00')", "(Secret GmbH)", "(Secret title)",
        ], in: input)
        let trapped = try #require(firstRange(of: ascii("/False"), in: input))
        for index in (trapped.lowerBound + 1)..<trapped.upperBound { expected[index] = 0x20 }
        let packet = try #require(firstRange(of: xmpPacket, in: input))
        for index in packet { expected[index] = 0x20 }
        #expect(file.bytes == expected, "only the blanked ranges changed, each to spaces")

        let author = "Max \\(Secret\\) Mustermann"
        #expect(file.bytes.containsSubsequence(ascii("(" + String(repeating: " ", count: author.utf8.count) + ")")))
        for secret in ["Secret", "Mustermann", "Scanner", "D:2026", "FEFF0041", "xpacket", "xmpmeta", "False"] {
            #expect(!file.bytes.containsSubsequence(ascii(secret)), "\(secret) survived")
        }
        // Page text is no metadata, even when it mentions /Author.
        #expect(file.bytes.containsSubsequence(pageContent))
        // The xref table still points at every object.
        for (index, offset) in offsets.enumerated() {
            #expect(file.bytes[offset...].starts(with: ascii("\(index + 1) 0 obj")))
        }
        #expect(try MetadataStripper.strip(file.bytes) == file)
    }

    @Test func pdfInformationKeysAreBlankedWhereverTheyStand() throws {
        let (input, _) = makePDF([
            ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            // An annotation: its date goes, its visible contents stay.
            ascii("<< /Type /Page /Parent 2 0 R /Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] "
                + "/Contents (Bitte unterschreiben) /CreationDate (D:20261121) >>] >>"),
            // Not named by /Info, but two information keys make it one: every value goes.
            ascii("<< /Producer (Secret Scan) /CreationDate <443A32303236> /Scanner (Secret Serial 99) /Pages 3 >>"),
            // A key spelt with #-escapes.
            ascii("<< /Auth#6Fr (Secret escaped) >>"),
        ], trailer: "/Root 1 0 R")
        let file = try MetadataStripper.strip(input)
        let expected = try blankingContents(of: [
            "(D:20261121)", "(Secret Scan)", "<443A32303236>", "(Secret Serial 99)", "(Secret escaped)",
        ], in: input)
        #expect(file.bytes == expected)
        #expect(file.bytes.containsSubsequence(ascii("(Bitte unterschreiben)")))
        #expect(file.bytes.containsSubsequence(ascii("/Pages 3 >>")))
        #expect(!file.bytes.containsSubsequence(ascii("Secret")))
    }

    @Test func pdfEmbeddedJPEGLosesItsMetadataWithoutMovingAByte() throws {
        let image = stream("/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
            + "/BitsPerComponent 8 /Filter /DCTDecode", sampleJPEG)
        let (input, _) = makePDF([
            ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            ascii("<< /Type /Pages /Kids [] /Count 0 >>"),
            image,
        ], trailer: "/Root 1 0 R")
        let file = try MetadataStripper.strip(input)
        #expect(file.bytes.count == input.count)
        var expected = input
        for metadata in jpegMetadata {
            let range = try #require(firstRange(of: metadata, in: input))
            for index in (range.lowerBound + 4)..<range.upperBound { expected[index] = 0 }
        }
        #expect(file.bytes == expected, "APPn and COM payloads zeroed, everything else as it was")
        for secret in jpegSecrets {
            #expect(!file.bytes.containsSubsequence(ascii(secret)), "\(secret) survived")
        }
        #expect(file.bytes.containsSubsequence(jfif))
        #expect(file.bytes.containsSubsequence(dqt + sof0 + dht + sos + scanData + eoi))
    }

    @Test func pdfHeaderMustStandWithinTheFirstKilobyte() throws {
        let (pdf, _) = makePDF([ascii("<< /Type /Catalog >>")], trailer: "/Root 1 0 R")
        let junk = ascii(String(repeating: "x", count: 1000))
        #expect(try MetadataStripper.strip(junk + pdf).bytes == junk + pdf)
        #expect(refusal(of: ascii(String(repeating: "x", count: 1024)) + pdf) == .unsupportedType)
    }

    @Test func pdfWhoseStructureCannotBeReadIsRefused() throws {
        let open = makePDF([ascii("<< /Author (Max Mustermann >>")], trailer: "").bytes
        #expect(try #require(malformedReason(of: open)).contains("not closed"))
        let xmpWithoutEnd = makePDF([stream("/Type /Metadata", ascii("<?xpacket begin=\"\"?><x:xmpmeta>Secret"))], trailer: "").bytes
        #expect(try #require(malformedReason(of: xmpWithoutEnd)).contains("XMP"))
        let noEndstream = ascii("%PDF-1.4\n1 0 obj << /Length 5 >>\nstream\nSecret data")
        #expect(try #require(malformedReason(of: noEndstream)).contains("endstream"))
        let brokenHex = makePDF([ascii("<< /Author <4142 Secret> >>")], trailer: "").bytes
        #expect(try #require(malformedReason(of: brokenHex)).contains("hex"))
        // Deep nesting is refused, not followed down until the stack runs out.
        let deep = ascii("%PDF-1.4\n1 0 obj ") + [UInt8](repeating: 0x5B, count: 100_000)
        #expect(try #require(malformedReason(of: deep)).contains("nested"))
        let embeddedBroken = makePDF([stream("/Filter [/DCTDecode]", soi + [0xFF, 0xE1, 0x40, 0x00])], trailer: "").bytes
        #expect(try #require(malformedReason(of: embeddedBroken)).contains("embedded JPEG"))
    }

    // MARK: Everything

    @Test func emptyTooLargeAndUnknownFilesAreRefused() throws {
        #expect(refusal(of: []) == .empty)
        let limit = MetadataStripper.maximumSize
        #expect(limit == 10 * 1024 * 1024)
        #expect(refusal(of: [UInt8](repeating: 0, count: limit + 1)) == .tooLarge(limit: limit))
        // Exactly at the limit is accepted: the padding after EOI is no part of the image.
        let atLimit = sampleJPEG + [UInt8](repeating: 0, count: limit - sampleJPEG.count)
        #expect(try MetadataStripper.strip(atLimit).bytes == cleanJPEG)
        #expect(refusal(of: ascii("GIF89a") + [1, 0, 1, 0, 0, 0, 0]) == .unsupportedType)
        #expect(refusal(of: ascii("Max Mustermann, Vollmacht")) == .unsupportedType)
        #expect(refusal(of: [0xFF]) == .unsupportedType)
    }

    @Test func theTypeComesFromTheBytes() throws {
        #expect(try MetadataStripper.strip(sampleJPEG).mediaType == .jpeg)
        #expect(try MetadataStripper.strip(samplePNG).mediaType == .png)
        #expect(try MetadataStripper.strip(samplePDF.bytes).mediaType == .pdf)
        #expect(ScannedFile.MediaType.allCases.map(\.rawValue) == ["image/jpeg", "image/png", "application/pdf"])
        let file = try MetadataStripper.strip(samplePNG)
        let decoded = try JSONDecoder().decode(ScannedFile.self, from: JSONEncoder().encode(file))
        #expect(decoded == file)
    }

    @Test(arguments: [ScannedFile.MediaType.jpeg, .png, .pdf])
    func mutatedFilesAreRefusedOrStrippedNeverCrash(type: ScannedFile.MediaType) throws {
        let embedded = stream("/Filter /DCTDecode", sampleJPEG)
        let original: [UInt8] = switch type {
        case .jpeg: sampleJPEG
        case .png: samplePNG
        case .pdf: makePDF([ascii(infoDictionary), stream("/Type /Metadata", xmpPacket), embedded], trailer: "/Info 1 0 R").bytes
        }
        var state: UInt64 = 0x5EED_0000 + UInt64(original.count)
        // SplitMix64: deterministic, so a failure can be replayed.
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
        let magic = 8  // mutations leave the magic bytes alone, so the type cannot change
        var accepted = 0
        var refused = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0...next(3) {
                guard bytes.count > magic else { break }
                let at = magic + next(bytes.count - magic)
                switch next(7) {
                case 0: bytes[at] = UInt8(next(256))
                case 1: bytes[at] = 0xFF
                case 2: bytes.removeSubrange(at...)
                case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(16)))
                case 4: bytes.insert(contentsOf: (0..<(1 + next(8))).map { _ in UInt8(next(256)) }, at: at)
                case 5:
                    let copied = Array(bytes[at..<min(bytes.count, at + 1 + next(32))])
                    bytes.insert(contentsOf: copied, at: magic + next(bytes.count - magic))
                default: bytes.replaceSubrange(at..<min(bytes.count, at + 2), with: [0xFF, 0xFF])
                }
            }
            if type == .png, next(2) == 0 {
                bytes = repairingCRCs(bytes)  // reach past the CRC check into the chunk walk
            }
            do {
                let file = try MetadataStripper.strip(bytes)
                accepted += 1
                #expect(file.mediaType == type)
                #expect((try? MetadataStripper.strip(file.bytes)) == file, "stripping is idempotent")
                if type == .pdf { #expect(file.bytes.count == bytes.count) }
            } catch {
                refused += 1
            }
        }
        #expect(accepted + refused == 300)
        #expect(accepted > 0)
        #expect(refused > 0)
    }
}
