import Foundation
import Statistics
import Testing

@Suite("RFC 8785 canonical JSON")
struct CanonicalJSONTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: try CanonicalJSON.canonicalise(Array(text.utf8)), as: UTF8.self)
    }

    /// RFC 8785 §3.2.2: the sample object, numbers, string escapes and literals.
    @Test func theRFCsSampleObject() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
        // The RFC's UTF-8 of the same, byte by byte (§3.2.4).
        let hex = """
            7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22
            3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d
            32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
            """
        let bytes = hex.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { UInt8($0, radix: 16) }
        #expect(try CanonicalJSON.canonicalise(Array(input.utf8)) == bytes)
    }

    /// RFC 8785 §3.2.3: member names sorted by UTF-16 code units, so the emoji (a surrogate
    /// pair, D83D…) sorts before U+FB33 although its scalar value is larger.
    @Test func membersSortByUTF16CodeUnits() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let output = try canonical(input)
        let expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
            + "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(output == expected)
        // Nested objects are sorted too; arrays keep their order.
        #expect(try canonical(#"{"b": [3, 1, {"z": 1, "a": 2}], "a": {}}"#) == #"{"a":{},"b":[3,1,{"a":2,"z":1}]}"#)
    }

    @Test func stringsEscapeOnlyWhatJCSEscapes() throws {
        let value = JSONValue.string("\u{0}\u{1}\u{8}\t\n\u{B}\u{C}\r\u{1F} \"\\/\u{7F}\u{2028}\u{2029}äß€😀<>&'")
        let text = String(decoding: try CanonicalJSON.serialise(value), as: UTF8.self)
        #expect(text == "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/\u{7F}\u{2028}\u{2029}äß€😀<>&'\"")
    }

    @Test func numbersFollowECMAScript() throws {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (1e-7, "1e-7"), (1e-6, "0.000001"), (.leastNonzeroMagnitude, "5e-324"), (-.leastNonzeroMagnitude, "-5e-324"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (9_007_199_254_740_992, "9007199254740992"),
            (295_147_905_179_352_825_856, "295147905179352830000"), (0.1, "0.1"), (4.5, "4.5"), (0.002, "0.002"),
            (1e30, "1e+30"), (333333333.33333329, "333333333.3333333"), (1e-27, "1e-27"),
            (-0.0000033333333333333333, "-0.0000033333333333333333"), (1424953923781206.2, "1424953923781206.2"),
        ]
        for (value, expected) in cases {
            #expect(CanonicalJSON.number(value) == expected, "\(value)")
        }
        #expect(CanonicalJSON.number(.nan) == nil)
        #expect(CanonicalJSON.number(.infinity) == nil)
        #expect(CanonicalJSON.number(-.infinity) == nil)
        #expect(throws: CanonicalJSONError.nonFiniteNumber) { try CanonicalJSON.serialise(.array([.number(.nan)])) }
    }

    /// RFC 8785 Appendix B, by IEEE 754 bit pattern.
    @Test func theRFCsNumberTable() {
        let table: [(UInt64, String)] = [
            (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"), (0x0000_0000_0000_0001, "5e-324"),
            (0x8000_0000_0000_0001, "-5e-324"), (0x7fef_ffff_ffff_ffff, "1.7976931348623157e+308"),
            (0xffef_ffff_ffff_ffff, "-1.7976931348623157e+308"), (0x4340_0000_0000_0000, "9007199254740992"),
            (0xc340_0000_0000_0000, "-9007199254740992"), (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44b5_2d02_c7e1_4af5, "9.999999999999997e+22"), (0x44b5_2d02_c7e1_4af6, "1e+23"),
            (0x44b5_2d02_c7e1_4af7, "1.0000000000000001e+23"), (0x444b_1ae4_d6e2_ef4e, "999999999999999700000"),
            (0x444b_1ae4_d6e2_ef4f, "999999999999999900000"), (0x444b_1ae4_d6e2_ef50, "1e+21"),
            (0x3eb0_c6f7_a0b5_ed8c, "9.999999999999997e-7"), (0x3eb0_c6f7_a0b5_ed8d, "0.000001"),
            (0x41b3_de43_5555_5553, "333333333.3333332"), (0x41b3_de43_5555_5554, "333333333.33333325"),
            (0x41b3_de43_5555_5555, "333333333.3333333"), (0x41b3_de43_5555_5556, "333333333.3333334"),
            (0x41b3_de43_5555_5557, "333333333.33333343"), (0xbecb_f647_612f_3696, "-0.0000033333333333333333"),
            (0x4314_3ff3_c1cb_0959, "1424953923781206.2"),
        ]
        for (bits, expected) in table {
            #expect(CanonicalJSON.number(Double(bitPattern: bits)) == expected, "\(String(bits, radix: 16))")
        }
        #expect(CanonicalJSON.number(Double(bitPattern: 0x7fff_ffff_ffff_ffff)) == nil)
        #expect(CanonicalJSON.number(Double(bitPattern: 0x7ff0_0000_0000_0000)) == nil)
    }

    @Test func numbersAgreeWithV8() {
        var mismatches: [String] = []
        for (bits, expected) in NumberVectors.v8 {
            let value = Double(bitPattern: bits)
            let actual = CanonicalJSON.number(value)
            if actual != expected { mismatches.append("\(expected) → \(actual ?? "nil")") }
            // And what is written reads back as the same double.
            if let actual, Double(actual) != value { mismatches.append("\(actual) does not round-trip") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(NumberVectors.v8.count > 500)
    }

    /// Integers are exact up to 2^53 − 1. Beyond, a double cannot tell 9007199254740993 from
    /// …992, so an integer literal there is refused instead of being signed as another number.
    @Test func integersBeyondTwoToTheFiftyThreeAreRefused() throws {
        #expect(try canonical("9007199254740991") == "9007199254740991")
        #expect(try canonical("-9007199254740991") == "-9007199254740991")
        #expect(try canonical("[0, -0, 12, 1.0, 1e2, 1E+2, 100e-2]") == "[0,0,12,1,100,100,1]")
        for refused in ["9007199254740992", "9007199254740993", "-9007199254740993", "123456789012345678901234567890"] {
            #expect(throws: CanonicalJSONError.self, "\(refused)") { try canonical(refused) }
        }
        // Written with a fraction or exponent it is a double, as JCS says, and rounds.
        #expect(try canonical("9007199254740993.0") == "9007199254740992")
    }

    @Test func theParserIsStrict() throws {
        let refused = [
            "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity",
            "tru", "nul", "[1] [2]", "\"abc", "\"a\u{1}b\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"",
            "\"\\ud800\\u0041\"", "{\"a\":1,\"a\":2}", "{\"é\":1,\"e\u{301}\":2}", "\u{FEFF}{}", "1e400", "-1e400",
            "{'a':1}", "[1 2]",
        ]
        for text in refused {
            #expect(throws: CanonicalJSONError.self, "\(text.debugDescription)") { try canonical(text) }
        }
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalise([0x22, 0xC3, 0x28, 0x22]) }  // invalid UTF-8
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalise([0x22, 0xED, 0xA0, 0x80, 0x22]) }  // UTF-8 surrogate
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: CanonicalJSONError.self) { try canonical(deep) }
        let fine = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        #expect(try canonical(fine) == fine)
        #expect(try canonical(" \t\r\n{ \"a\" : [ true , false , null ] }\n") == #"{"a":[true,false,null]}"#)
        #expect(try canonical("\"\\ud83d\\ude00\\u00E9\"") == "\"😀é\"")
        #expect(try canonical("1e-400") == "0")
    }

    @Test func valuesReadBackTheSame() throws {
        let value = JSONValue.object(["a": .array([.null, .bool(true), .number(-1.5), .string("x\u{0}y")]), "": .object([:])])
        let bytes = try CanonicalJSON.serialise(value)
        #expect(try JSONValue(parsing: bytes) == value)
        #expect(try CanonicalJSON.canonicalise(bytes) == bytes)
        #expect(value[member: "a"] != nil && value[member: "b"] == nil && JSONValue.null[member: "a"] == nil)
    }
}
