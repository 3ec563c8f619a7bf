-- POST /api/v1/credit-checks: a random customer and amount per request (no side effects).
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
setup = c.setup
init = c.init
request = function()
  local body = '{"customerCode":"' .. c.code() .. '","amount":' .. c.amount() .. ',"currency":"CNY"}'
  return wrk.format("POST", "/api/v1/credit-checks", nil, body)
end
done = c.done("credit-check")
