-- POST /api/v1/orders: a random customer and amount, a unique order number per request (row lock + write).
-- Extra arguments after the seed: RUN_ID TODAY PRODUCT_LINES (comma-separated).
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local sequence = 0
local run_id, today, lines = "run", "2026-01-01", {}
setup = c.setup
init = function(args)
  c.init(args)
  run_id, today = args[3] or run_id, args[4] or today
  for line in string.gmatch(args[5] or "", "[^,]+") do lines[#lines + 1] = line end
end
request = function()
  sequence = sequence + 1
  local order_no = string.format("WRK-%s-%d-%d", run_id, thread_no or 0, sequence)
  local body = '{"orderNo":"' .. order_no .. '","customerCode":"' .. c.code() .. '","orderDate":"' .. today
    .. '","amount":' .. c.amount() .. ',"currency":"CNY"'
    .. (#lines > 0 and (',"productLine":"' .. lines[math.random(#lines)] .. '"') or "") .. '}'
  return wrk.format("POST", "/api/v1/orders", nil, body)
end
done = c.done("order")
