-- wrk script: POST /api/v1/sessions with a demo member's credentials, given whole as the JSON body
-- in LOGIN_BODY; prints a machine-readable result line with the count of each answer.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("LOGIN_BODY")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created, busy, other = 0, 0, 0
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 503 then
    busy = busy + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local c, b, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    b = b + thread:get("busy")
    o = o + thread:get("other")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f errors=%d created=%d busy=%d other=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, c, b, o))
end
