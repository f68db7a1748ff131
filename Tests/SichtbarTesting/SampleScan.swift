/// A small JPEG whose EXIF segment carries a GPS position, and the same image without it.
public enum SampleScan {
    public static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    public static let gps = Array("GPS 50.9375N 6.9603E".utf8)
    public static let exif = segment(0xE1, Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8] + gps)
    public static let image =
        segment(0xDB, [0] + (1...64).map { UInt8($0) }) + segment(0xC0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
        + segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0]) + segment(0xDA, [1, 1, 0x00, 0, 63, 0])

    /// `scan` varies the entropy-coded data, so two scans differ; `length` pads it out.
    public static func jpeg(withEXIF: Bool = true, scan: UInt8 = 0x12, length: Int = 3) -> [UInt8] {
        [0xFF, 0xD8] + (withEXIF ? exif : []) + image + [scan] + [UInt8](repeating: 0x34, count: length - 1) + [0xFF, 0xD9]
    }
}
