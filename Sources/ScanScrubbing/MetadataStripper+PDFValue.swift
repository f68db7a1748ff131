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
}
