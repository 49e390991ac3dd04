# Shared by ./swarmtube, scripts/test and scripts/bench. Sourced, not run.

here="${here:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

say() { printf 'swarmtube: %s\n' "$*" >&2; }

# Installs the Debian packages that are missing, saying which; needs root (or sudo).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "missing system packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})"
      exit 1
    fi
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# Builds the app when its jar is missing or older than any source or POM.
ensure_built() {
  local jar="$here/app/target/swarmtube-app.jar"
  if [ -f "$jar" ] && [ -z "$(find "$here" -path "$here/.git" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  say "building (Maven)…"
  (cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package -pl app -am >&2) || { say "the build failed"; exit 1; }
  touch "$jar"
}

# Runs the app's main class with the JDK's signal-chaining library preloaded: libtorrent's
# native code installs signal handlers that otherwise crash the JVM (dependency-facts.md).
exec_swarmtube() {
  local jh; jh="$(java_home)"
  LD_PRELOAD="$jh/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}" exec "$jh/bin/java" ${SWARMTUBE_JAVA_OPTS:-} \
    -cp "$here/app/target/swarmtube-app.jar:$here/app/target/lib/*" org.swarmtube.app.Swarmtube "$@"
}
