-- wrk script of the end-to-end benchmark (run.sh). Arguments after "--":
--   none                                 no credential
--   same     <token file> <line>         every request carries the token on that line (1-based)
--   distinct <token file> <first line> <thread count>
--                                        every request carries the next token of the file from <first line> on; thread
--                                        k of T takes lines first+k, first+k+T, ... so no two requests share a token
-- Requests are formatted once in init(), so request() is a table look-up and costs the client the same per token.
-- done() prints one line "E2E_RESULT key=value ..." that run.sh parses: tokens_used is the most tokens one thread
-- consumed (the next run starts at first + T * tokens_used), tokens_reused counts requests that had to start the
-- loaded tokens over because the file ran out.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("thread_index", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local function auth(token)
   return { Authorization = "Bearer " .. token }
end

function init(args)
   local mode = args[1] or "none"
   used, reused = 0, 0
   if mode == "none" then
      return
   end
   local file = args[2]
   if mode == "same" then
      local line = tonumber(args[3])
      local n = 0
      for token in io.lines(file) do
         n = n + 1
         if n == line then
            wrk.headers["Authorization"] = "Bearer " .. token
            return
         end
      end
      error("token file " .. file .. " has no line " .. line)
   elseif mode == "distinct" then
      local first, stride = tonumber(args[3]), tonumber(args[4])
      local requests, n, count = {}, 0, 0
      for token in io.lines(file) do
         n = n + 1
         if n >= first and (n - first) % stride == thread_index then
            count = count + 1
            requests[count] = wrk.format(nil, nil, auth(token))
         end
      end
      if count == 0 then
         error("no token left in " .. file .. " from line " .. first .. ": raise the token count")
      end
      local i = 0
      request = function()
         i = i + 1
         if i > count then
            i = 1
         end
         used = used + 1
         if used > count then
            reused = reused + 1
         end
         return requests[i]
      end
   else
      error("unknown mode " .. mode)
   end
end

function done(summary, latency, requests)
   local used_max, reused_total = 0, 0
   for _, thread in ipairs(threads) do
      local u, r = thread:get("used") or 0, thread:get("reused") or 0
      if u > used_max then
         used_max = u
      end
      reused_total = reused_total + r
   end
   local e = summary.errors
   io.write(string.format(
      "E2E_RESULT requests=%d duration_us=%d status=%d connect=%d read=%d write=%d timeout=%d tokens_used=%d tokens_reused=%d p50_us=%d p99_us=%d\n",
      summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout, used_max, reused_total,
      latency:percentile(50), latency:percentile(99)))
end
