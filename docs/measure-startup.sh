#!/usr/bin/env bash
# Seconds from `java -jar` to the first HTTP 200 on /, five times, then the median.
jar=${1:-frontend/target/layman-labs.jar}
data=$(mktemp -d)
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s.%N)
  LAYMAN_DATA_DIR=$data java -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/)" = 200 ]; do sleep 0.05; done
  t=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$t"); echo "run $i: $t s"
  kill "$pid"; wait "$pid" 2>/dev/null
done
printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | xargs printf 'median: %.1f s\n'
rm -rf "$data"
