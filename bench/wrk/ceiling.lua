-- The authenticated ceiling: one small read behind HTTP Basic (GET /api/v1/settings/credit-policy).
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
setup = c.setup
init = c.init
request = function() return wrk.format("GET", "/api/v1/settings/credit-policy") end
done = c.done("ceiling")
