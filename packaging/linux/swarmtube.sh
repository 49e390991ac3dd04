#!/bin/sh
# The swarmtube command (/usr/bin/swarmtube links here): runs the app's launcher with the JDK's
# signal-chaining library preloaded. libtorrent's native code installs its own signal handlers;
# without libjsig they replace the JVM's and the JVM crashes. Arguments pass through untouched.
app="$(dirname "$(dirname "$(readlink -f "$0")")")"
LD_PRELOAD="$app/lib/runtime/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}" exec "$app/bin/swarmtube" "$@"
