import Testing

@testable import Sealing

@Suite("Receipt: generation, format and parsing")
struct ReceiptFormatTests {
    static let shape = "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$"

    @Test func aGeneratedReceiptIsTwentyCrockfordSymbolsInGroupsOfFour() throws {
        let shape = try Regex(Self.shape)
        for _ in 0..<500 {
            let formatted = Receipt.generate().formatted
            #expect(try shape.wholeMatch(in: formatted) != nil, "\(formatted)")
            #expect(formatted.filter { $0 != "-" }.count == Receipt.symbolCount)
            #expect(!formatted.contains { "ILOU".contains($0) }, "\(formatted)")
        }
    }

    @Test func theShapeCheckItselfRejectsForbiddenLetters() throws {
        let shape = try Regex(Self.shape)
        #expect(try shape.wholeMatch(in: "0123-4567-89AB-CDEF-GHJK") != nil)
        for bad in [
            "0123-4567-89AB-CDEF-GHJI", "0123-4567-89AB-CDEF-GHJL", "0123-4567-89AB-CDEF-GHJO",
            "0123-4567-89AB-CDEF-GHJU", "0123-4567-89ab-CDEF-GHJK", "01234-567-89AB-CDEF-GHJK",
        ] {
            #expect(try shape.wholeMatch(in: bad) == nil, "\(bad)")
        }
    }

    @Test func parsingTheFormattedReceiptGivesItBack() throws {
        for _ in 0..<200 {
            let receipt = Receipt.generate()
            #expect(try Receipt.parse(receipt.formatted).formatted == receipt.formatted)
        }
    }

    @Test func allThirtyTwoSymbolsSurviveARoundTrip() throws {
        let text = "0123-4567-89AB-CDEF-GHJK"
        #expect(try Receipt.parse(text).formatted == text)
        let rest = "MNPQ-RSTV-WXYZ-0000-ZZZZ"
        #expect(try Receipt.parse(rest).formatted == rest)
    }

    @Test(arguments: [
        "0123-4567-89ab-cdef-ghjk",  // lower case
        "0123 4567 89AB CDEF GHJK",  // spaces instead of dashes
        "0123456789ABCDEFGHJK",  // no separators
        "  0123-4567 89ab-CDEF  ghjk\n",  // mixed, with surrounding whitespace
        "O123-4567-89AB-CDEF-GHJK",  // O for 0
        "o123-4567-89AB-CDEF-GHJK",  // o for 0
        "0I23-4567-89AB-CDEF-GHJK",  // I for 1
        "0i23-4567-89AB-CDEF-GHJK",  // i for 1
        "0L23-4567-89AB-CDEF-GHJK",  // L for 1
        "0l23-4567-89AB-CDEF-GHJK",  // l for 1
        "0123‐4567‑89AB–CDEF-GHJK",  // typographic hyphens and en dash
    ])
    func tolerantSpellingsReadAsTheSameReceipt(text: String) throws {
        #expect(try Receipt.parse(text).formatted == "0123-4567-89AB-CDEF-GHJK")
    }

    @Test(arguments: [
        "",  // empty
        "0123-4567-89AB-CDEF-GHJ",  // 19 symbols
        "0123-4567-89AB-CDEF-GHJKM",  // 21 symbols
        "0123-4567-89AB-CDEF-GHJU",  // U is not a symbol
        "0123-4567-89AB-CDEF-GHJ!",  // punctuation
        "0123-4567-89AB-CDEF-GHJÄ",  // non-ASCII letter
        "0123_4567_89AB_CDEF_GHJK",  // underscore is no separator
        "------------------------",  // separators only
    ])
    func malformedTextIsRefused(text: String) {
        #expect(throws: ReceiptError.malformed) {
            try Receipt.parse(text)
        }
    }

    @Test func tenThousandReceiptsAreAllDistinct() {
        var seen = Set<String>()
        for _ in 0..<10_000 {
            seen.insert(Receipt.generate().formatted)
        }
        #expect(seen.count == 10_000)
    }

    @Test func generatedSymbolsUseTheWholeAlphabet() {
        // 2,000 receipts are 40,000 symbols: a biased generator would leave symbols out.
        var seen = Set<Character>()
        for _ in 0..<2_000 {
            seen.formUnion(Receipt.generate().formatted.filter { $0 != "-" })
        }
        #expect(seen == Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
    }
}
