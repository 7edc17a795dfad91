#!/usr/bin/env bash
# Kills test hosts that Stryker left behind: a timed-out mutant (an endless loop, or a wait that never ends in
# ParallelKernel) is recorded as Timeout, but its host can keep running, and on two cores a few dozen of them starve
# the run. A host older than 300 s that has used under 30 s of CPU is one of those (a live mutant run takes seconds).
# Run it next to `dotnet stryker`:  mutation/reap-testhosts.sh &   (stop it with kill %1)
set -u
while true; do
    ps -eo pid=,etimes=,times=,args= |
        awk '/dotnet exec --runtimeconfig .*DenseLinear\.(Properties|Interop\.Tests)\.runtimeconfig/ && $2 > 300 && $3 < 30 { print $1 }' |
        while read -r pid; do
            kill -9 "$pid" 2>/dev/null && echo "$(date +%T) reaped test host $pid"
        done
    sleep 30
done
