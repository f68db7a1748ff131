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

extension MetadataStripper {
    /// A value read from a PDF's uncompressed body, with no more detail than blanking needs.
    enum PDFValue {
        /// The bytes between the delimiters of a literal or hex string.
        case string(Range<Int>)
        /// The bytes after the slash.
        case name(Range<Int>)
        case integer(Int)
        /// An indirect reference, by `PDFReader.objectKey`.
        case reference(Int)
        case array([PDFValue])
        case dictionary([(key: [UInt8], value: PDFValue)])
        /// Reals, booleans, null, keywords, stray delimiters.
        case other
    }

    /// Reads the objects of a PDF outside its streams and notes which byte ranges to blank and
    /// which streams are JPEG images. Streams are skipped whole, so bytes of an image or of page
    /// content are never taken for a dictionary. Nesting is bounded, and every offset is checked
    /// before it is read, so a hostile file is refused rather than crashing the reader.
    struct PDFReader {
        static let maximumDepth = 64

        private static let informationKeys: Set<[UInt8]> = Set(
            ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate", "Trapped"]
                .map { Array($0.utf8) }
        )
        private static let infoKey: [UInt8] = Array("Info".utf8)
        private static let lengthKey: [UInt8] = Array("Length".utf8)
        private static let filterKey: [UInt8] = Array("Filter".utf8)
        private static let jpegFilter: [UInt8] = Array("DCTDecode".utf8)
        private static let objectKeyword: [UInt8] = Array("obj".utf8)
        private static let referenceKeyword: [UInt8] = Array("R".utf8)
        private static let streamKeyword: [UInt8] = Array("stream".utf8)
        private static let endstreamKeyword: [UInt8] = Array("endstream".utf8)

        let bytes: [UInt8]
        private var position: Int
        /// Where the value of each `n g obj` starts; an object updated incrementally appears once
        /// per revision. Offsets rather than values, so the reader holds one object at a time.
        private var objects: [Int: [Int]] = [:]
        /// Objects named by /Info.
        private var informationObjects: [Int] = []
        /// Objects referenced from blanked values, whose strings are blanked too.
        private var referencedObjects: [Int] = []
        private(set) var blankedRanges: [Range<Int>] = []
        /// The data of DCTDecode streams.
        private(set) var jpegStreams: [Range<Int>] = []

        init(bytes: [UInt8], position: Int) {
            self.bytes = bytes
            self.position = position
        }

        /// One number for object `number`, generation `generation`; `number` has at most ten
        /// digits and `generation` at most 65535, so it cannot overflow.
        static func objectKey(_ number: Int, _ generation: Int) -> Int {
            number << 16 | generation
        }

        mutating func readBody() throws(Refusal) {
            while true {
                skipWhitespaceAndComments()
                guard position < bytes.count else { break }
                let before = position
                if let key = readObjectHeader() {
                    objects[key, default: []].append(position)
                    _ = try readValue(depth: 0)
                } else {
                    _ = try readValue(depth: 0)
                }
                if position == before { position += 1 }
            }
            try resolveReferences()
        }

        /// Blanks every value of the dictionaries /Info names, then the strings referenced from
        /// anything blanked, following chains of references once each.
        private mutating func resolveReferences() throws(Refusal) {
            var seenInformation: Set<Int> = []
            for key in informationObjects where seenInformation.insert(key).inserted {
                for case .dictionary(let entries) in try values(of: key) {
                    for entry in entries { blank(entry.value) }
                }
            }
            var seenReferences: Set<Int> = []
            while let key = referencedObjects.popLast() {
                guard seenReferences.insert(key).inserted else { continue }
                for value in try values(of: key) {
                    switch value {
                    case .string, .name, .array: blank(value)
                    case .integer, .reference, .dictionary, .other: break
                    }
                }
            }
        }

        /// The values object `key` has had, read again from where they start.
        private func values(of key: Int) throws(Refusal) -> [PDFValue] {
            var values: [PDFValue] = []
            for offset in objects[key] ?? [] {
                var reader = PDFReader(bytes: bytes, position: offset)
                values.append(try reader.readValue(depth: 0))
            }
            return values
        }

        private mutating func blank(_ value: PDFValue) {
            switch value {
            case .string(let range), .name(let range): blankedRanges.append(range)
            case .reference(let key): referencedObjects.append(key)
            case .array(let items): for item in items { blank(item) }
            case .dictionary(let entries): for entry in entries { blank(entry.value) }
            case .integer, .other: break
            }
        }

        /// Notes what a finished dictionary asks to blank.
        private mutating func examine(_ entries: [(key: [UInt8], value: PDFValue)]) {
            let informationKeyCount = entries.count(where: { Self.informationKeys.contains($0.key) })
            for entry in entries {
                if entry.key == Self.infoKey, case .reference(let key) = entry.value {
                    informationObjects.append(key)
                }
                if informationKeyCount >= 2 || Self.informationKeys.contains(entry.key) {
                    blank(entry.value)
                }
            }
        }

        // MARK: Tokens

        private mutating func readValue(depth: Int) throws(Refusal) -> PDFValue {
            guard depth <= Self.maximumDepth else {
                throw .malformed("PDF objects nested more than \(Self.maximumDepth) deep at offset \(position)")
            }
            skipWhitespaceAndComments()
            guard position < bytes.count else { return .other }
            switch bytes[position] {
            case 0x28:  // (
                return .string(try readLiteralString())
            case 0x3C:  // <
                if atDoubleAngle(0x3C) { return try readDictionary(depth: depth) }
                return .string(try readHexString())
            case 0x5B:  // [
                return try readArray(depth: depth)
            case 0x2F:  // /
                return .name(readName())
            case 0x29, 0x3E, 0x5D, 0x7B, 0x7D:  // ) > ] { } out of place
                position += 1
                return .other
            default:
                return readNumberOrKeyword()
            }
        }

        private mutating func readDictionary(depth: Int) throws(Refusal) -> PDFValue {
            let open = position
            position += 2
            var entries: [(key: [UInt8], value: PDFValue)] = []
            while true {
                skipWhitespaceAndComments()
                guard position < bytes.count else { throw .malformed("PDF dictionary at offset \(open) is not closed") }
                if atDoubleAngle(0x3E) {
                    position += 2
                    break
                }
                guard bytes[position] == 0x2F else {
                    _ = try readValue(depth: depth + 1)  // not a key: passed over
                    continue
                }
                let key = decodedName(readName())
                skipWhitespaceAndComments()
                if position >= bytes.count || atDoubleAngle(0x3E) {
                    entries.append((key, .other))
                    continue
                }
                entries.append((key, try readValue(depth: depth + 1)))
            }
            examine(entries)
            try skipStream(of: entries)
            return .dictionary(entries)
        }

        private mutating func readArray(depth: Int) throws(Refusal) -> PDFValue {
            let open = position
            position += 1
            var items: [PDFValue] = []
            while true {
                skipWhitespaceAndComments()
                guard position < bytes.count else { throw .malformed("PDF array at offset \(open) is not closed") }
                if bytes[position] == 0x5D {
                    position += 1
                    return .array(items)
                }
                items.append(try readValue(depth: depth + 1))
            }
        }

        /// A literal string's contents; parentheses nest, and a backslash escapes the next byte.
        private mutating func readLiteralString() throws(Refusal) -> Range<Int> {
            let open = position
            var depth = 0
            var index = position
            while index < bytes.count {
                switch bytes[index] {
                case 0x5C:
                    index += 2
                    continue
                case 0x28:
                    depth += 1
                case 0x29:
                    depth -= 1
                    if depth == 0 {
                        position = index + 1
                        return (open + 1)..<index
                    }
                default:
                    break
                }
                index += 1
            }
            throw .malformed("PDF string at offset \(open) is not closed")
        }

        /// A hex string's contents; anything but hex digits and white space before `>` is refused,
        /// so a stray `<` cannot swallow the file up to some distant `>`.
        private mutating func readHexString() throws(Refusal) -> Range<Int> {
            let open = position
            var index = position + 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x3E {
                    position = index + 1
                    return (open + 1)..<index
                }
                guard Self.hexValue(byte) != nil || Self.isWhitespace(byte) else {
                    throw .malformed("PDF hex string at offset \(open) holds a non-hex byte at offset \(index)")
                }
                index += 1
            }
            throw .malformed("PDF hex string at offset \(open) is not closed")
        }

        /// A name's bytes after the slash.
        private mutating func readName() -> Range<Int> {
            position += 1
            let start = position
            while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
            return start..<position
        }

        /// A name with its `#xx` escapes decoded, so `/Auth#6Fr` is read as /Author.
        private func decodedName(_ range: Range<Int>) -> [UInt8] {
            var name: [UInt8] = []
            var index = range.lowerBound
            while index < range.upperBound {
                if bytes[index] == 0x23, index + 2 < range.upperBound,
                   let high = Self.hexValue(bytes[index + 1]), let low = Self.hexValue(bytes[index + 2]) {
                    name.append(high << 4 | low)
                    index += 3
                } else {
                    name.append(bytes[index])
                    index += 1
                }
            }
            return name
        }

        private mutating func readNumberOrKeyword() -> PDFValue {
            let start = position
            if let number = readInteger() {
                let afterNumber = position
                skipWhitespaceAndComments()
                if let generation = readInteger(), generation <= 0xFFFF {
                    skipWhitespaceAndComments()
                    if readKeyword(Self.referenceKeyword) { return .reference(Self.objectKey(number, generation)) }
                }
                position = afterNumber
                return .integer(number)
            }
            while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
            if position == start { position += 1 }
            return .other
        }

        /// `n g obj`, as an object key; the position is left unchanged if none stands here.
        private mutating func readObjectHeader() -> Int? {
            let start = position
            if let number = readInteger() {
                skipWhitespaceAndComments()
                if let generation = readInteger(), generation <= 0xFFFF {
                    skipWhitespaceAndComments()
                    if readKeyword(Self.objectKeyword) { return Self.objectKey(number, generation) }
                }
            }
            position = start
            return nil
        }

        /// An unsigned integer of at most ten digits that ends at a delimiter or white space.
        private mutating func readInteger() -> Int? {
            var end = position
            while end < bytes.count, end - position <= 10, (0x30...0x39).contains(bytes[end]) { end += 1 }
            guard end > position, end - position <= 10, end == bytes.count || !Self.isRegular(bytes[end]) else {
                return nil
            }
            let value = bytes[position..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            position = end
            return value
        }

        private mutating func readKeyword(_ keyword: [UInt8]) -> Bool {
            let end = position + keyword.count
            guard MetadataStripper.matches(keyword, in: bytes, at: position),
                  end == bytes.count || !Self.isRegular(bytes[end]) else { return false }
            position = end
            return true
        }

        /// Passes over a stream that follows a dictionary: to its /Length if `endstream` stands
        /// there, else to the first `endstream`.
        private mutating func skipStream(of entries: [(key: [UInt8], value: PDFValue)]) throws(Refusal) {
            var keyword = position
            while keyword < bytes.count, Self.isWhitespace(bytes[keyword]) { keyword += 1 }
            let afterKeyword = keyword + Self.streamKeyword.count
            guard MetadataStripper.matches(Self.streamKeyword, in: bytes, at: keyword),
                  afterKeyword == bytes.count || !Self.isRegular(bytes[afterKeyword]) else { return }
            var dataStart = afterKeyword
            if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
            if dataStart < bytes.count, bytes[dataStart] == 0x0A { dataStart += 1 }
            let dataEnd: Int
            let endKeyword: Int
            if let declared = declaredEnd(of: entries, dataStart: dataStart) {
                dataEnd = declared.data
                endKeyword = declared.keyword
            } else if let found = MetadataStripper.firstOffset(of: Self.endstreamKeyword, in: bytes, from: dataStart) {
                dataEnd = found
                endKeyword = found
            } else {
                throw .malformed("PDF stream at offset \(keyword) has no endstream")
            }
            if isJPEG(entries) { jpegStreams.append(dataStart..<dataEnd) }
            position = endKeyword + Self.endstreamKeyword.count
        }

        /// Where the data ends by the stream's direct /Length, if `endstream` follows there.
        private func declaredEnd(of entries: [(key: [UInt8], value: PDFValue)], dataStart: Int) -> (data: Int, keyword: Int)? {
            guard case .integer(let length)? = entries.last(where: { $0.key == Self.lengthKey })?.value,
                  length <= bytes.count - dataStart else { return nil }
            var keyword = dataStart + length
            while keyword < bytes.count, Self.isWhitespace(bytes[keyword]) { keyword += 1 }
            guard MetadataStripper.matches(Self.endstreamKeyword, in: bytes, at: keyword) else { return nil }
            return (dataStart + length, keyword)
        }

        /// Whether the stream's only filter is DCTDecode, so its data is a JPEG file.
        private func isJPEG(_ entries: [(key: [UInt8], value: PDFValue)]) -> Bool {
            switch entries.last(where: { $0.key == Self.filterKey })?.value {
            case .name(let range)?:
                return decodedName(range) == Self.jpegFilter
            case .array(let items)? where items.count == 1:
                if case .name(let range)? = items.first { return decodedName(range) == Self.jpegFilter }
                return false
            default:
                return false
            }
        }

        private mutating func skipWhitespaceAndComments() {
            while position < bytes.count {
                let byte = bytes[position]
                if Self.isWhitespace(byte) {
                    position += 1
                } else if byte == 0x25 {  // % to the end of the line
                    while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                } else {
                    return
                }
            }
        }

        private func atDoubleAngle(_ angle: UInt8) -> Bool {
            position + 1 < bytes.count && bytes[position] == angle && bytes[position + 1] == angle
        }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
        }

        static func isRegular(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: false
            default: !isWhitespace(byte)
            }
        }

        static func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
    }
}
