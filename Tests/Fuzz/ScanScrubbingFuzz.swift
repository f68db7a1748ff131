// libFuzzer entry for the metadata stripper: compiled together with Sources/ScanScrubbing by
// Tests/Fuzz/run.sh (`swiftc -sanitize=fuzzer,address`), not a SwiftPM target. Every input must
// either be refused with a reason or come back as a file that strips to itself: no crash, no
// hang, no memory error, and no second pass that still finds something to remove.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMetadataStripper(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let scanned = try? MetadataStripper.strip(bytes) else { return 0 }
    // What the stripper gives back is clean: stripping it again changes nothing.
    guard let again = try? MetadataStripper.strip(scanned.bytes), again.bytes == scanned.bytes else {
        fatalError("a stripped file does not strip to itself")
    }
    return 0
}
