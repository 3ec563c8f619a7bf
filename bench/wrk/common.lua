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

-- Up to this size the codes are read into a table. wrk runs every thread's init one after the other while the threads
-- created before already send, so reading 1,000,000 codes in each of 16 threads (two wrk processes of a pair, 8
-- threads each when paced) took the machine's CPU for seconds inside the measured window and the early threads sent
-- longer than the run's clock counted (session 16: paced 1 M runs did 1.3-1.8 times the asked rate, with p99s of
-- seconds for the ceiling too). Larger files are sampled by seeking instead: a random byte, the line after it.
local TABLE_BYTES = 1000000

function M.init(args)
  M.codes, M.file, M.bytes = {}, nil, 0
  if args[1] and args[1] ~= "" then
    local file = assert(io.open(args[1], "r"))
    local bytes = file:seek("end")
    if bytes > TABLE_BYTES then
      M.file, M.bytes = file, bytes
    else
      file:close()
      for line in io.lines(args[1]) do
        if line ~= "" then M.codes[#M.codes + 1] = line end
      end
    end
  end
  math.randomseed((tonumber(args[2]) or 42) * 1000 + (thread_no or 0))
  local auth = os.getenv("WRK_AUTH")
  if auth and auth ~= "" then wrk.headers["Authorization"] = "Basic " .. auth end
  wrk.headers["Content-Type"] = "application/json"
end

-- A random customer: from the table, or the line after a random byte of a large file (uniform when the codes have
-- one length, as the portfolio's have; past the last line, the first).
function M.code()
  if not M.file then return M.codes[math.random(#M.codes)] end
  M.file:seek("set", math.random(0, M.bytes - 1))
  M.file:read("*l")
  local code = M.file:read("*l")
  if not code or code == "" then
    M.file:seek("set", 0)
    code = M.file:read("*l")
  end
  return code
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
