#!/bin/sh
# Usage: quiet-step.sh "what this step does" command [args...]
# Prints one line for the step; the command's own output goes to .setup.log and
# is shown (its last lines) only when the command fails.
set -u
label=$1; shift
log=.setup.log
printf '%s ...\n' "$label"
if ! "$@" >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "Set-up step failed: $label (full log: $log)" >&2
  exit 1
fi
