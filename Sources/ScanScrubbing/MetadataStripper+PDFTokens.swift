/// The reader's tokens: values, dictionaries, arrays, strings, names, numbers and keywords,
/// read from the current position with every offset checked first.
extension MetadataStripper.PDFReader {
    private static let objectKeyword: [UInt8] = Array("obj".utf8)
    private static let referenceKeyword: [UInt8] = Array("R".utf8)

    mutating func readValue(depth: Int) throws(MetadataStripper.Refusal) -> MetadataStripper.PDFValue {
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

    private mutating func readDictionary(depth: Int) throws(MetadataStripper.Refusal) -> MetadataStripper.PDFValue {
        let open = position
        position += 2
        var entries: [(key: [UInt8], value: MetadataStripper.PDFValue)] = []
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

    private mutating func readArray(depth: Int) throws(MetadataStripper.Refusal) -> MetadataStripper.PDFValue {
        let open = position
        position += 1
        var items: [MetadataStripper.PDFValue] = []
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
    private mutating func readLiteralString() throws(MetadataStripper.Refusal) -> Range<Int> {
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
    private mutating func readHexString() throws(MetadataStripper.Refusal) -> Range<Int> {
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
    func decodedName(_ range: Range<Int>) -> [UInt8] {
        var name: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x23, index + 2 < range.upperBound,
                let high = Self.hexValue(bytes[index + 1]), let low = Self.hexValue(bytes[index + 2])
            {
                name.append(high << 4 | low)
                index += 3
            } else {
                name.append(bytes[index])
                index += 1
            }
        }
        return name
    }

    private mutating func readNumberOrKeyword() -> MetadataStripper.PDFValue {
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
    mutating func readObjectHeader() -> Int? {
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
            end == bytes.count || !Self.isRegular(bytes[end])
        else { return false }
        position = end
        return true
    }

    mutating func skipWhitespaceAndComments() {
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
