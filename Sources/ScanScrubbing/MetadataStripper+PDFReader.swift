extension MetadataStripper {
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
        private static let streamKeyword: [UInt8] = Array("stream".utf8)
        private static let endstreamKeyword: [UInt8] = Array("endstream".utf8)

        let bytes: [UInt8]
        /// Internal, not private: the tokens (`MetadataStripper+PDFTokens.swift`) move it.
        var position: Int
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
        mutating func examine(_ entries: [(key: [UInt8], value: PDFValue)]) {
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

        /// Passes over a stream that follows a dictionary: to its /Length if `endstream` stands
        /// there, else to the first `endstream`.
        mutating func skipStream(of entries: [(key: [UInt8], value: PDFValue)]) throws(Refusal) {
            var keyword = position
            while keyword < bytes.count, Self.isWhitespace(bytes[keyword]) { keyword += 1 }
            let afterKeyword = keyword + Self.streamKeyword.count
            guard MetadataStripper.matches(Self.streamKeyword, in: bytes, at: keyword),
                afterKeyword == bytes.count || !Self.isRegular(bytes[afterKeyword])
            else { return }
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
                length <= bytes.count - dataStart
            else { return nil }
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
    }
}
