#!/usr/bin/env bash
# Run one fuzz target on stable Rust: seed its corpus from ../corpus and fuzz for
# the given seconds (default 1800) on one core, at low priority.
#   fuzz/run.sh extract_bytes|explain|structured [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"
seconds="${2:-1800}"
mkdir -p "fuzz/corpus/$target" fuzz/artifacts fuzz/logs
# The hand-written pages are the seeds (copied, not committed: fuzz/corpus is ignored).
find corpus -name '*.html' -print0 | while IFS= read -r -d '' page; do
    cp "$page" "fuzz/corpus/$target/seed-$(echo "$page" | tr '/' '_')"
done
# cargo-fuzz passes -Zsanitizer=address and other nightly flags; RUSTC_BOOTSTRAP=1 lets
# the stable compiler accept them. With -jobs=1 libFuzzer logs to fuzz-0.log in the
# current directory; it is moved to fuzz/logs/ (ignored) afterwards.
status=0
RUSTC_BOOTSTRAP=1 nice -n 10 cargo fuzz run -O "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -jobs=1 -workers=1 \
    -print_final_stats=1 || status=$?
if [ -f fuzz-0.log ]; then
    mv fuzz-0.log "fuzz/logs/$target.log"
    tail -n 15 "fuzz/logs/$target.log"
fi
exit "$status"
