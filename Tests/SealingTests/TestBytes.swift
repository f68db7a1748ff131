@testable import Sealing

/// The UTF-8 bytes of a text, for readable test messages.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A copy of `data` with the byte at `index` changed in every bit.
func flipped(_ data: [UInt8], at index: Int) -> [UInt8] {
    var copy = data
    copy[index] ^= 0xFF
    return copy
}

/// Secret memory holding the UTF-8 of `text`.
func secret(_ text: String) -> SecureBytes { SecureBytes(utf8: text) }

extension Array where Element == UInt8 {
    /// Whether `needle` occurs contiguously in these bytes.
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
