-- wrk script of tests/guard/soak: every request gets its own id,
--   GET /mail.php?n=<prefix><thread>-<seq>
-- (prefix: the first argument after "--", default "r"), and at the end one
-- machine-readable line:
--   wrk-summary requests=… duration_us=… errors_connect=… … lat_p50_us=…
local nthreads = 0

function setup(thread)
    thread:set("tid", nthreads)
    nthreads = nthreads + 1
end

function init(args)
    prefix = args[1] or "r"
    seq = 0
end

function request()
    seq = seq + 1
    return wrk.format("GET", "/mail.php?n=" .. prefix .. tid .. "-" .. seq)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "wrk-summary requests=%d duration_us=%d bytes=%d errors_connect=%d errors_read=%d " ..
        "errors_write=%d errors_status=%d errors_timeout=%d lat_p50_us=%d lat_p90_us=%d " ..
        "lat_p99_us=%d lat_max_us=%d\n",
        summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
        e.status, e.timeout, latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency.max))
end
