-- GET /actuator/health without authentication: the server's floor cost of a request.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
setup = c.setup
init = c.init
request = function() return wrk.format("GET", "/actuator/health") end
done = c.done("health")
