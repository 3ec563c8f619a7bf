-- Shared by the CreditDesk wrk scripts (bench/run quick): Basic auth from the environment, customer codes
-- from a file, a seeded generator per thread, and one parseable RESULT line at the end.
-- wrk -s bench/wrk/NAME.lua URL -- CODES_FILE SEED   (WRK_AUTH = base64 of user:password)
local M = {}
local threads = {}
local counter = 0

function M.setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

function M.init(args)
  M.codes = {}
  if args[1] and args[1] ~= "" then
    for line in io.lines(args[1]) do
      if line ~= "" then M.codes[#M.codes + 1] = line end
    end
  end
  math.randomseed((tonumber(args[2]) or 42) * 1000 + (thread_no or 0))
  local auth = os.getenv("WRK_AUTH")
  if auth and auth ~= "" then wrk.headers["Authorization"] = "Basic " .. auth end
  wrk.headers["Content-Type"] = "application/json"
end

function M.code()
  return M.codes[math.random(#M.codes)]
end

function M.amount()
  return string.format("%d.%02d", math.random(1000, 200000), math.random(0, 99))
end

function M.done(name)
  return function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local failed = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT %s %.1f %.2f %.2f %.2f %d %d\n", name, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.requests, failed))
  end
end

return M
