-- wrk script: POST /api/v1/sessions with every demo member's credentials in turn (LOGIN_BODIES, one
-- JSON body a line). One username is checked at a time (the login throttle), so cycling through
-- all members is what keeps several Argon2id hashes in flight. Prints a machine-readable result
-- line with the count of each answer.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local bodies = {}
for line in string.gmatch(os.getenv("LOGIN_BODIES") or os.getenv("LOGIN_BODY") or "", "[^\n]+") do
  table.insert(bodies, line)
end
local counter = 0

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created, busy, throttled, other = 0, 0, 0, 0
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 503 then
    busy = busy + 1
  elseif status == 429 then
    throttled = throttled + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local c, b, t, o = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    b = b + thread:get("busy")
    t = t + thread:get("throttled")
    o = o + thread:get("other")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f errors=%d created=%d busy=%d throttled=%d other=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, c, b, t, o))
end
