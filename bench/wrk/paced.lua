-- Any of the request scripts at a fixed arrival rate instead of back to back: the latency an ERP sees when the server
-- is not saturated (session 12). Run with one connection per thread (wrk -tN -cN):
--   WRK_PACED=credit-check WRK_RATE=600 wrk -t8 -c8 -d15s -s bench/wrk/paced.lua URL -- CODES_FILE SEED ...
-- Each connection sends its share of WRK_RATE with exponential gaps (Poisson arrivals, seeded). A request's latency
-- is counted from when it was due, not from when it was sent: a request held back behind a slow answer on its
-- connection counts its wait, which wrk's own latency (from the send) leaves out. Prints one line:
--   PACED NAME RATE_ASKED RATE_DONE P50 P90 P99 P99.9 MAX REQUESTS FAILED (milliseconds)
-- With WRK_SLOW_FILE, every request slower than WRK_SLOW_MS (default 20) is written there as "START_EPOCH_MS
-- LATENCY_MS", to be set beside the server's GC pauses.
package.path = "bench/wrk/?.lua;" .. package.path
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } pace_timespec;
  int clock_gettime(int clock, pace_timespec *now);
]]
local clock = ffi.new("pace_timespec")
local function now_us(kind)
  ffi.C.clock_gettime(kind or 1, clock) -- CLOCK_MONOTONIC unless 0 (CLOCK_REALTIME)
  return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3
end

local name = os.getenv("WRK_PACED") or error("WRK_PACED names the request script (e.g. credit-check)")
dofile("bench/wrk/" .. name .. ".lua")
local inner_setup, inner_init, inner_request = setup, init, request
local rate = tonumber(os.getenv("WRK_RATE") or "") or error("WRK_RATE: requests per second in all")
local threads = {}

setup = function(thread)
  inner_setup(thread)
  table.insert(threads, thread)
end

-- Globals, so that done() can read every thread's with thread:get.
paced_latencies, paced_failed, paced_slow = {}, 0, {}
local gap_us, due, sent, epoch_offset_us = 0, 0, 0, 0
local slow_us = 1000 * (tonumber(os.getenv("WRK_SLOW_MS") or "") or 20)
init = function(args)
  inner_init(args)
  epoch_offset_us = now_us(0) - now_us()
  gap_us = 1e6 * tonumber(os.getenv("WRK_CONNECTIONS") or error("WRK_CONNECTIONS: wrk's -c (= -t)")) / rate
  due = now_us() + math.random() * gap_us
end

delay = function()
  return math.max(0, math.floor((due - now_us()) / 1000))
end

request = function()
  sent = now_us()
  return inner_request()
end

response = function(status)
  local t, start = now_us(), math.min(due, sent)
  paced_latencies[#paced_latencies + 1] = t - start
  if t - start > slow_us then
    paced_slow[#paced_slow + 1] = string.format("%.1f %.1f", (start + epoch_offset_us) / 1000, (t - start) / 1000)
  end
  if status < 200 or status > 299 then paced_failed = paced_failed + 1 end
  due = due - gap_us * math.log(1 - math.random())
end

done = function(summary)
  local all, failures = {}, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local slow = os.getenv("WRK_SLOW_FILE") and io.open(os.getenv("WRK_SLOW_FILE"), "w")
  for _, thread in ipairs(threads) do
    for _, latency in ipairs(thread:get("paced_latencies")) do all[#all + 1] = latency end
    failures = failures + thread:get("paced_failed")
    if slow then for _, line in ipairs(thread:get("paced_slow")) do slow:write(line, "\n") end end
  end
  if slow then slow:close() end
  table.sort(all)
  local function at(p) return #all > 0 and all[math.max(1, math.ceil(p * #all))] / 1000 or 0 end
  io.write(string.format("PACED %s %.0f %.1f %.2f %.2f %.2f %.2f %.2f %d %d\n", name, rate,
    #all / (summary.duration / 1e6), at(0.5), at(0.9), at(0.99), at(0.999), at(1), #all, failures))
end
