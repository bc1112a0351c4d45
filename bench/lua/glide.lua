-- wrk script for the Glide benchmark. Configured by environment variables:
--   BENCH_MODE     plain | patient_get | patient_etag | put_session | therapist_get
--   BENCH_PATH     request path (put_session: the prefix of /<new session id>, e.g. /v1/me/sessions)
--   BENCH_CLIENTS  Lua file returning the enrolled patients (tokens, plan ids, ETags, items)
--   BENCH_TOKEN    therapist access token (therapist_get)
--   BENCH_NOW      epoch seconds "now" (put_session: sessions start 1..20 hours before it)
--   BENCH_OFFSET   patients' UTC offset in seconds (put_session), e.g. 3600
--   BENCH_DELAY_MS per-connection pause before each request (fixed-rate runs); 0 = none
--   BENCH_NONCE    number that makes this run's session ids differ from other runs'
--   BENCH_HEADER   one more request header, "Name: value" (e.g. "Accept-Encoding: gzip")
-- Requests cycle round-robin over the enrolled patients. Every response's status is
-- counted, and so is each response's Content-Encoding; done() prints one JSON line starting with "RESULT " for run.sh to read.

local mode = os.getenv("BENCH_MODE") or "plain"
local path = os.getenv("BENCH_PATH") or "/"
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local extra_name, extra_value = string.match(os.getenv("BENCH_HEADER") or "", "^([^:]+):%s*(.*)$")

local function with_extra(h)
   if extra_name then
      h[extra_name] = extra_value
   end
   return h
end

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("tid", next_id)
   table.insert(threads, thread)
end

local requests = {}
local clients = {}
local n = 0
local counter = 0
statuses = {}
encodings = {}

local function iso(epoch, offset)
   local sign = offset < 0 and "-" or "+"
   local a = math.abs(offset)
   return os.date("!%Y-%m-%dT%H:%M:%S", epoch + offset)
      .. string.format("%s%02d:%02d", sign, math.floor(a / 3600), math.floor((a % 3600) / 60))
end

function init(args)
   if mode == "plain" then
      requests[1] = wrk.format("GET", path, with_extra({}))
   elseif mode == "therapist_get" then
      requests[1] = wrk.format("GET", path, with_extra({ ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }))
   else
      clients = dofile(os.getenv("BENCH_CLIENTS"))
      for i, c in ipairs(clients) do
         local h = with_extra({ ["Authorization"] = "Bearer " .. c.token })
         if mode == "patient_etag" then
            h["If-None-Match"] = c.etag
         end
         if mode == "put_session" then
            local items = {}
            for _, it in ipairs(c.items) do
               table.insert(items, string.format('{"itemId":"%s","status":"DONE"}', it))
            end
            c.items_json = "[" .. table.concat(items, ",") .. "]"
            c.headers = { ["Authorization"] = "Bearer " .. c.token, ["Content-Type"] = "application/json" }
         else
            requests[i] = wrk.format("GET", path, h)
         end
      end
   end
   n = math.max(#requests, #clients)
   tid = tid or 1
   math.randomseed(os.time() + tid * 7919)
   nonce = tonumber(os.getenv("BENCH_NONCE") or "0") % 2147483648
   now = tonumber(os.getenv("BENCH_NOW") or tostring(os.time()))
   offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
end

function request()
   counter = counter + 1
   if mode == "put_session" then
      local c = clients[(counter % n) + 1]
      -- unique per run: nonce, thread, counter (+ random bits), UUIDv4 layout
      local id = string.format("%08x-%04x-4%03x-%04x-%012x", nonce, tid % 65536, math.random(0, 4095),
         32768 + math.random(0, 16383), counter)
      local start = now - 3600 * (1 + counter % 20) - math.random(0, 3000)
      local body = string.format(
         '{"planId":"%s","planRevision":%d,"startedAt":"%s","endedAt":"%s","painBefore":%d,"painPeak":%d,'
         .. '"painAfter":%d,"difficulty":%d,"symptomExtent":"THIGH","items":%s,"note":"ok"}',
         c.plan, c.rev, iso(start, offset), iso(start + 1200, offset), 3, 4, 2, 5, c.items_json)
      return wrk.format("PUT", path .. "/" .. id, c.headers, body)
   end
   return requests[(counter % n) + 1]
end

if delay_ms > 0 then
   function delay()
      return delay_ms
   end
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   local enc = headers["Content-Encoding"] or headers["content-encoding"] or "none"
   encodings[enc] = (encodings[enc] or 0) + 1
end

function done(summary, latency, requests_)
   local all, encs = {}, {}
   for _, t in ipairs(threads) do
      for k, v in pairs(t:get("statuses")) do
         all[k] = (all[k] or 0) + v
      end
      for k, v in pairs(t:get("encodings")) do
         encs[k] = (encs[k] or 0) + v
      end
   end
   local parts, enc_parts = {}, {}
   for k, v in pairs(all) do
      table.insert(parts, string.format('"%d":%d', k, v))
   end
   for k, v in pairs(encs) do
      table.insert(enc_parts, string.format('"%s":%d', k, v))
   end
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format(
      'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,'
      .. '"max_ms":%.3f,"mean_ms":%.3f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"statuses":{%s},"encodings":{%s},"bytes":%d}\n',
      summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
      e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ","),
      table.concat(enc_parts, ","), summary.bytes))
end
