import Foundation
import SichtbarTesting
import Testing

@testable import ScanScrubbing

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

    /// libFuzzer's find: a scan header with an empty payload was left out like metadata, and the
    /// result, with no scan header, was refused on the second pass.
    @Test func anEmptySegmentThatDrawsTheImageStays() throws {
        let found: [UInt8] = [
            0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0xE1, 0x00, 0x10, 0x2B, 0x7A, 0x69, 0x66, 0x00, 0xFC,
            0x4C, 0x4D, 0x08, 0xFF, 0xD9,
        ]
        let once = try MetadataStripper.strip(found)
        #expect(once.bytes == found, "nothing in it is metadata")
        #expect(try MetadataStripper.strip(once.bytes) == once)
    }

    @Test func jpegThumbnailsGoButAdobeTransformAndStandaloneMarkersStay() throws {
        // JFIF with a 2×1 RGB thumbnail, a JFXX thumbnail extension, Adobe APP14 with bytes
        // appended, and a TEM marker.
        let jfifWithThumbnail = segment(0xE0, ascii("JFIF") + [0, 1, 2, 1, 0, 72, 0, 72, 2, 1] + ascii("SECRET"))
        let jfxx = segment(0xE0, ascii("JFXX") + [0, 0x13] + ascii("thumbnail Secret"))
        let adobe = ascii("Adobe") + [0, 100, 0, 0, 0, 0, 2]
        let input =
            soi + jfifWithThumbnail + jfxx + segment(0xEE, adobe + ascii("Secret")) + [0xFF, 0x01]
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
        let input =
            pngSignature + ihdr + dropped[0] + rendering[0] + dropped[1] + rendering[1] + rendering[2]
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
        #expect(
            try #require(malformedReason(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0D, 0x1A, 0x0A] + ihdr + idat + iend))
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

        var expected = try blankingContents(
            of: [
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
        let (input, _) = makePDF(
            [
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                // An annotation: its date goes, its visible contents stay.
                ascii(
                    "<< /Type /Page /Parent 2 0 R /Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] "
                        + "/Contents (Bitte unterschreiben) /CreationDate (D:20261121) >>] >>"),
                // Not named by /Info, but two information keys make it one: every value goes.
                ascii("<< /Producer (Secret Scan) /CreationDate <443A32303236> /Scanner (Secret Serial 99) /Pages 3 >>"),
                // A key spelt with #-escapes.
                ascii("<< /Auth#6Fr (Secret escaped) >>"),
            ], trailer: "/Root 1 0 R")
        let file = try MetadataStripper.strip(input)
        let expected = try blankingContents(
            of: [
                "(D:20261121)", "(Secret Scan)", "<443A32303236>", "(Secret Serial 99)", "(Secret escaped)",
            ], in: input)
        #expect(file.bytes == expected)
        #expect(file.bytes.containsSubsequence(ascii("(Bitte unterschreiben)")))
        #expect(file.bytes.containsSubsequence(ascii("/Pages 3 >>")))
        #expect(!file.bytes.containsSubsequence(ascii("Secret")))
    }

    @Test func pdfEmbeddedJPEGLosesItsMetadataWithoutMovingAByte() throws {
        let image = stream(
            "/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
                + "/BitsPerComponent 8 /Filter /DCTDecode", sampleJPEG)
        let (input, _) = makePDF(
            [
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
        let original: [UInt8] =
            switch type {
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
