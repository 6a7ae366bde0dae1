#!/usr/bin/env bash
# The full soak: ten minutes at half of the measured capacity with hub clients connecting and
# leaving; RSS of the AgentHub process may not grow more than 10% after warm-up, and no request
# may fail. CI runs the same test for 30 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
export HELPDESKGAMIFY_SOAK_SECONDS="${HELPDESKGAMIFY_SOAK_SECONDS:-600}"
dotnet test tests/AgentHub.Tests -p:SkipClientAssets=true \
  --filter "FullyQualifiedName~SoakTests" --logger "console;verbosity=detailed"
