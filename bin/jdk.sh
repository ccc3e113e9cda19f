# Sourced by bin/jstrace and bin/test: finds a JDK >= 25 (pom.xml compiles for release 25).
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
