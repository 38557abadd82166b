-- wrk script for single-site screening over HTTP (README, Benchmarks): random sites in the benchmark box
-- (lon 116.5-123, lat 38.5-44), a coal boiler of a key gas industry, so that every rule runs.
-- wrk -t2 -c8 -d10s -s scripts/bench/screen-random.lua --latency http://localhost:7070
math.randomseed(13)
request = function()
  local lon = 116.5 + math.random() * 6.5
  local lat = 38.5 + math.random() * 5.5
  return wrk.format("GET", string.format(
    "/api/screen?lon=%.5f&lat=%.5f&fuel=coal&boiler_tph=20&industry=steel&key_gas_industry=true", lon, lat))
end
