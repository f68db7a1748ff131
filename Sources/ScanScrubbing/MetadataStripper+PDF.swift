/// PDF: blanked in place, never rewritten, so every byte offset (xref table, xref stream,
/// startxref) stays valid and the file is byte for byte what it was outside the blanked values.
/// Blanked values keep their delimiters and length: `(Max Mustermann)` becomes
/// `(              )`, `<FEFF0041>` becomes `<        >`, a name `/True` becomes `/    `.
///
/// Blanked wherever they stand uncompressed outside streams (every revision of an incrementally
/// updated file included, since each is plain text):
/// - the values of /Title /Author /Subject /Keywords /Creator /Producer /CreationDate /ModDate
///   /Trapped, in whatever dictionary they appear (so outline titles and annotation dates too);
/// - every value, custom keys included, of a document information dictionary: one named by /Info
///   in a trailer or xref stream, or any dictionary holding two or more of the keys above;
/// - strings and names those values point to indirectly (`/Author 7 0 R`).
///
/// Blanked anywhere in the file, streams included: every XMP packet, from `<?xpacket begin`
/// through `<?xpacket end="w"?>` (or `<x:xmpmeta` … `</x:xmpmeta>`, `<rdf:RDF` … `</rdf:RDF>`),
/// replaced by spaces inside its stream so the stream's /Length stays right. In images stored as
/// plain DCTDecode streams (JPEG), APP1–APP15 and COM payloads and JFIF thumbnails are zeroed
/// behind their unchanged segment lengths, so a phone scan's EXIF and GPS do not survive.
///
/// Not covered, because reaching it would mean decompressing or rewriting the file:
/// - anything inside compressed streams: an information dictionary kept in an object stream
///   (PDF 1.5+), Flate-compressed XMP, compressed page content;
/// - metadata in images behind other filters (JPEG under Flate, JPX, CCITT, JBIG2), in fonts,
///   ICC profile descriptions, embedded files and their names;
/// - the names of custom keys (only their values are blanked), numbers, /PieceInfo application
///   data, the trailer's /ID (a hash), comments, an annotation's author (/T, which is also a form
///   field's name) and modification date (/M), and of course what is visible on the page or in
///   annotation contents;
/// - in an encrypted file the values are ciphertext: they are blanked all the same, but a reader
///   will then decrypt the spaces into noise.
extension MetadataStripper {
    private static let pdfHeader: [UInt8] = Array("%PDF-".utf8)

    /// XMP wrappers: the opening, the closing tag, and what ends the closing tag.
    private static let xmpWrappers: [(open: [UInt8], close: [UInt8], closeEnd: [UInt8])] = [
        (Array("<?xpacket begin".utf8), Array("<?xpacket end".utf8), Array("?>".utf8)),
        (Array("<x:xmpmeta".utf8), Array("</x:xmpmeta".utf8), Array(">".utf8)),
        (Array("<x:xapmeta".utf8), Array("</x:xapmeta".utf8), Array(">".utf8)),
        (Array("<rdf:RDF".utf8), Array("</rdf:RDF".utf8), Array(">".utf8)),
    ]

    /// Where `%PDF-` starts, if it lies within the first 1024 bytes (readers allow junk before it).
    static func pdfHeaderOffset(in bytes: [UInt8]) -> Int? {
        firstOffset(of: pdfHeader, in: bytes, from: 0, before: 1024)
    }

    static func stripPDF(_ bytes: [UInt8]) throws(Refusal) -> [UInt8] {
        guard let header = pdfHeaderOffset(in: bytes) else { throw .unsupportedType }
        var reader = PDFReader(bytes: bytes, position: header)
        try reader.readBody()
        var output = bytes
        try blankXMPPackets(in: &output)
        for range in reader.blankedRanges {
            for index in range { output[index] = 0x20 }
        }
        for image in reader.jpegStreams {
            try blankJPEG(in: &output, range: image)
        }
        return output
    }

    /// Replaces every XMP packet with spaces. A packet that never ends is refused: blanking to
    /// the end of the file would destroy it, and keeping it would keep the metadata.
    static func blankXMPPackets(in bytes: inout [UInt8]) throws(Refusal) {
        for wrapper in xmpWrappers {
            var from = 0
            while let start = firstOffset(of: wrapper.open, in: bytes, from: from) {
                guard let close = firstOffset(of: wrapper.close, in: bytes, from: start + wrapper.open.count),
                    let closeEnd = firstOffset(of: wrapper.closeEnd, in: bytes, from: close + wrapper.close.count)
                else {
                    throw .malformed("XMP packet at offset \(start) has no end")
                }
                let stop = closeEnd + wrapper.closeEnd.count
                for index in start..<stop { bytes[index] = 0x20 }
                from = stop
            }
        }
    }
}
