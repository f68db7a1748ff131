-- wrk script: POST one sealed report per request; prints a machine-readable result line.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"language":"de","narrative":"Bei der Wohnungsbesichtigung sagte der Vermieter, an solche Leute vermiete er nicht. Benchmark-Meldung.","contactWish":"mailbox","consent":true,"grounds":["rassistische_zuschreibung"],"area":"wohnen","region":"05913","incidentDate":"2026-10-02"}'

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
