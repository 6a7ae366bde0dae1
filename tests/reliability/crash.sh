#!/usr/bin/env bash
# The full crash test: 20,000 signed webhooks, six SIGKILLs at random points (plus one while the
# scorer catches up), then the ledger must equal the expected totals exactly. CI runs the same
# test with 2,000 webhooks and two kills. Replay a failure with HELPDESKGAMIFY_CRASH_SEED=<seed>.
set -euo pipefail
cd "$(dirname "$0")/../.."
export HELPDESKGAMIFY_CRASH_EVENTS="${HELPDESKGAMIFY_CRASH_EVENTS:-20000}"
export HELPDESKGAMIFY_CRASH_KILLS="${HELPDESKGAMIFY_CRASH_KILLS:-6}"
dotnet test tests/AgentHub.Tests -p:SkipClientAssets=true \
  --filter "FullyQualifiedName~CrashRecoveryTests" --logger "console;verbosity=detailed"
