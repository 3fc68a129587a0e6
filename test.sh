#!/usr/bin/env bash
# Installs and starts what the tests need, builds, checks a published copy of the app
# (.ci/published-smoke.sh), runs every test project on SQLite and on PostgreSQL, and ends with
# one line "N passed, N failed" (", N skipped" where any were).
set -euo pipefail
cd "$(dirname "$0")"

bash .ci/services.sh

export DATELINE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=dateline;Password=dateline;Database=dateline"
export DATELINE_CHROMIUM=/usr/bin/chromium
export DATELINE_TEST_SMTP=127.0.0.1:2525 DATELINE_TEST_SMTP_LOG=/tmp/dateline-smtp-sink.log
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Dateline.slnx -c Release -nologo -v quiet

# What only a published app does (immutable fingerprinted files); a failure fails the run.
smoke=0
bash .ci/published-smoke.sh || smoke=1

log=$(mktemp)
set +e
dotnet test Dateline.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [[ $smoke != 0 ]]; then status=1; fi

# The published smoke check counts as one more test.
awk -v smoke="$smoke" 'BEGIN { if (smoke) f = 1; else p = 1 }
     /^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
       runs++
     }
     END {
       if (s > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s; else printf "%d passed, %d failed\n", p, f
       if (runs == 0) exit 1
     }' "$log" || { echo "no test results were found" >&2; status=1; }
rm -f "$log"
exit "$status"
