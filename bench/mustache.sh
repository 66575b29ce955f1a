#!/usr/bin/env bash
# What one `{{name}}` costs in swift-mustache (release build, escaping off): the floor under
# strata's render stage. Prints nanoseconds per variable for a few kinds of context.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$SWIFT" build -c release --package-path bench/mustache >/dev/null
"$(cd bench/mustache && "$SWIFT" build -c release --show-bin-path)/mustache-cost"
