# Sourced by bin/jstrace, bin/test and bin/install: finds a JDK >= 25 (pom.xml compiles for release
# 25) and builds the jar.
# Order: JAVA_HOME, the java on PATH, then /usr/lib/jvm/*.

jdk_version() { # major version from a JDK's release file, 0 if none
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "${v:-0}"
}

find_jdk() {
  local c j
  for c in "${JAVA_HOME:-}" "$(j=$(command -v java) && readlink -f "$j" | sed 's,/bin/java$,,')" /usr/lib/jvm/*; do
    [[ -n $c && -x $c/bin/java ]] || continue
    if (( $(jdk_version "$c") >= 25 )); then
      echo "$c"
      return 0
    fi
  done
  return 1
}

# jstrace_build ROOT JDK: (re)builds ROOT/target/jstrace.jar with JDK when a source is newer than
# it, saying so on stderr; prints Maven's output and fails if the build fails. A glob, not find:
# a process more costs milliseconds of bin/jstrace's start-up on every run.
jstrace_build() {
  local root=$1 jdk=$2 jar=$1/target/jstrace.jar stale= f log
  if [[ -f $jar ]]; then
    shopt -s globstar nullglob
    for f in "$root"/src/main/** "$root/pom.xml"; do
      [[ $f -nt $jar ]] && { stale=1; break; }
    done
    shopt -u globstar nullglob
  else
    stale=1
  fi
  [[ -n $stale ]] || return 0
  echo "jstrace: building $jar (first use)..." >&2
  log=$(mktemp)
  if ! (cd "$root" && JAVA_HOME=$jdk mvn -q -B -DskipTests package) > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "jstrace: build failed" >&2
    return 1
  fi
  rm -f "$log"
  echo "$jdk" > "$root/target/.jdk"
}
