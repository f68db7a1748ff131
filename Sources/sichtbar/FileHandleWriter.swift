#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum FileHandleWriter {
    static func write(_ string: String, to descriptor: Int32) {
        var bytes = Array(string.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(descriptor, pointer, remaining)
                if written <= 0 { return }
                remaining -= written
                pointer += written
            }
        }
    }
}
