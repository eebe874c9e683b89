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
# the stable compiler accept them. One in-process fuzzer uses one core (as -jobs=1 does,
# without its fuzz-0.log in the repository root); the log goes to fuzz/logs/ (ignored).
status=0
RUSTC_BOOTSTRAP=1 nice -n 10 cargo fuzz run -O "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"fuzz/logs/$target.log" 2>&1 || status=$?
tail -n 15 "fuzz/logs/$target.log"
exit "$status"
