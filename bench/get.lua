-- wrk script: GET one path as a logged-in member. BENCH_HEADER_NAME and BENCH_HEADER_VALUE carry
-- the credential (Authorization: Bearer … for the API; a Cookie for the member pages). Prints a
-- machine-readable result line with p50, p95 and p99; a status other than 2xx counts as an error.
wrk.method = "GET"
wrk.headers[os.getenv("BENCH_HEADER_NAME") or "Authorization"] = os.getenv("BENCH_HEADER_VALUE") or ""

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors))
end
