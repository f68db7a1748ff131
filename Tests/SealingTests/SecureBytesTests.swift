import Testing

@testable import Sealing

@Suite("SecureBytes: secrets in wiping memory")
struct SecureBytesTests {
    @Test func copyBytesGivesBackWhatWasCopiedIn() {
        let original: [UInt8] = [0, 1, 2, 0x7F, 0x80, 0xFE, 0xFF]
        let secure = SecureBytes(copying: original)
        #expect(secure.count == original.count)
        #expect(secure.copyBytes() == original)
    }

    @Test func utf8TextIsStoredAsItsBytes() {
        #expect(SecureBytes(utf8: "Straße").copyBytes() == Array("Straße".utf8))
    }

    @Test func freshMemoryIsZeroedAndRandomMemoryIsNot() {
        #expect(SecureBytes(count: 64).copyBytes() == [UInt8](repeating: 0, count: 64))
        let random = SecureBytes(randomCount: 64)
        #expect(random.copyBytes() != [UInt8](repeating: 0, count: 64))
        #expect(random.copyBytes() != SecureBytes(randomCount: 64).copyBytes())
    }

    @Test func emptySecretsAreEmpty() {
        let empty = SecureBytes(count: 0)
        #expect(empty.count == 0)
        #expect(empty.copyBytes() == [])
        #expect(SecureBytes(copying: [UInt8]()).copyBytes() == [])
    }

    @Test func aSliceCopiesTheRange() {
        let secure = SecureBytes(copying: Array(0..<10) as [UInt8])
        #expect(secure.slice(2..<5).copyBytes() == [2, 3, 4])
        #expect(secure.slice(0..<10).copyBytes() == Array(0..<10) as [UInt8])
        #expect(secure.slice(10..<10).count == 0)
    }

    @Test func aSliceIsIndependentOfItsSource() {
        let secure = SecureBytes(copying: [1, 2, 3, 4] as [UInt8])
        let slice = secure.slice(1..<3)
        secure.withUnsafeMutableBytes { $0[1] = 99 }
        #expect(slice.copyBytes() == [2, 3])
    }

    @Test func concatenatingJoinsInOrder() {
        let joined = SecureBytes.concatenating([
            SecureBytes(copying: [1, 2] as [UInt8]), SecureBytes(count: 0), SecureBytes(copying: [3, 4, 5] as [UInt8]),
        ])
        #expect(joined.copyBytes() == [1, 2, 3, 4, 5])
        #expect(SecureBytes.concatenating([]).count == 0)
    }

    @Test func constantTimeEqualsComparesContentAndLength() {
        let a = SecureBytes(copying: [1, 2, 3] as [UInt8])
        #expect(a.constantTimeEquals(SecureBytes(copying: [1, 2, 3] as [UInt8])))
        #expect(a.constantTimeEquals(a))
        #expect(!a.constantTimeEquals(SecureBytes(copying: [1, 2, 4] as [UInt8])))
        #expect(!a.constantTimeEquals(SecureBytes(copying: [0, 2, 3] as [UInt8])))
        #expect(!a.constantTimeEquals(SecureBytes(copying: [1, 2] as [UInt8])))
        #expect(!a.constantTimeEquals(SecureBytes(copying: [1, 2, 3, 0] as [UInt8])))
        #expect(SecureBytes(count: 0).constantTimeEquals(SecureBytes(count: 0)))
    }

    @Test func sodiumConstantTimeEqualAgreesOnPlainArrays() {
        #expect(Sodium.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Sodium.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!Sodium.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(Sodium.constantTimeEqual([], []))
    }

    @Test func wipeZeroesAnArray() {
        var plain: [UInt8] = [9, 8, 7]
        Sodium.wipe(&plain)
        #expect(plain == [0, 0, 0])
    }
}
