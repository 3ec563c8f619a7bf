-- GET /api/v1/customers/{code} with its live status, a random customer per request.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
setup = c.setup
init = c.init
request = function() return wrk.format("GET", "/api/v1/customers/" .. c.code()) end
done = c.done("customer-read")
