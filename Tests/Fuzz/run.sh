#!/usr/bin/env bash
# Fuzzes the metadata stripper with libFuzzer for a bounded time (FUZZ_SECONDS, default 30):
# Sources/ScanScrubbing compiled with the entry in ScanScrubbingFuzz.swift under
# -sanitize=fuzzer,address. A crash, a memory error or a stripped file that does not strip to
# itself fails the run and leaves the input in .build/fuzz/ (crash-*), to become a unit test.
set -euo pipefail
cd "$(dirname "$0")/../.."
SWIFTC=${SWIFTC:-swiftc}
SECONDS_TO_RUN=${FUZZ_SECONDS:-30}
out=.build/fuzz
mkdir -p "$out/corpus"
"$SWIFTC" -sanitize=fuzzer,address -parse-as-library -O -g -module-name ScanScrubbing \
    Sources/ScanScrubbing/*.swift Tests/Fuzz/ScanScrubbingFuzz.swift -o "$out/scan-scrubbing"
# Seeds: the start of each format the stripper takes, so the fuzzer reaches all three parsers.
printf '\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\xff\xd9' > "$out/corpus/seed.jpg"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x00IEND\xaeB`\x82' > "$out/corpus/seed.png"
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Metadata 2 0 R >>\nendobj\n2 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Info << /Author (x) >> >>\n%%%%EOF\n' > "$out/corpus/seed.pdf"
cd "$out"
./scan-scrubbing -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus
