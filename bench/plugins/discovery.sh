#!/usr/bin/env bash
# Cost of plugin discovery: wall time of `pipewright check small.pipeline` with 0, 10 and 50
# third-party plugin jars installed (each jar: one plugin, one namespace, three stage types),
# compared with 0 plugins in the same run. Median of RUNS runs each, interleaved so that load on
# the machine hits every size alike.
#
#   bench/plugins/discovery.sh [RUNS]        (default 15)
#
# Uses cli/target/pipewright.jar (built if missing) and the spi jar; needs a JDK (javac, jar).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-15}"
sizes=(0 10 50)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
if [ ! -f cli/target/pipewright.jar ] || [ ! -f spi/target/pipewright-spi-0.1.0-SNAPSHOT.jar ]; then
  ./mvnw -B -ntp -q -DskipTests -pl cli,spi -am package >&2
fi
jar="$root/cli/target/pipewright.jar"
spi="$root/spi/target/pipewright-spi-0.1.0-SNAPSHOT.jar"

# The command measured: `check` of a one-stage file; `stages` until `check` exists.
cat > "$work/small.pipeline" <<'PIPELINE'
pipeline small {
  stage hello { uses = core.log  with { message = "hello" } }
}
PIPELINE
if java -jar "$jar" --help | grep -q '^ *check '; then
  command=(check "$work/small.pipeline")
else
  command=(stages)
fi

# 50 plugins: bench0..bench49, each a jar of its own.
mkdir -p "$work/src" "$work/jars"
for i in $(seq 0 49); do
  mkdir -p "$work/src/bench$i/bench$i"
  cat > "$work/src/bench$i/bench$i/Plugin.java" <<JAVA
package bench$i;
import dev.pipewright.spi.*;
import java.util.*;
public final class Plugin implements StagePlugin {
    public String namespace() { return "bench$i"; }
    public List<StageType> stageTypes() { return List.of(new T("one"), new T("two"), new T("three")); }
    static final class T implements StageType {
        private final String name;
        T(String name) { this.name = name; }
        public String name() { return name; }
        public StageSchema schema() {
            return StageSchema.builder("benchmark stage " + name).required("input", ValueType.STRING, "anything")
                .optional("count", ValueType.INT, 1L, "how many").output("result", ValueType.STRING, "the result").build();
        }
        public Map<String, Object> run(StageContext context) { return Map.of("result", "ok"); }
    }
}
JAVA
done
javac --release 17 -cp "$spi" -d "$work/classes" $(find "$work/src" -name '*.java')
for i in $(seq 0 49); do
  mkdir -p "$work/jar$i/META-INF/services"
  cp -r "$work/classes/bench$i" "$work/jar$i/"
  echo "bench$i.Plugin" > "$work/jar$i/META-INF/services/dev.pipewright.spi.StagePlugin"
  jar --create --file "$work/jars/bench$i.jar" -C "$work/jar$i" .
done
for n in "${sizes[@]}"; do
  mkdir -p "$work/plugins$n"
  for i in $(seq 0 $((n - 1))); do
    [ "$n" -gt 0 ] && cp "$work/jars/bench$i.jar" "$work/plugins$n/"
  done
done

# Discovery alone, in a fresh JVM each time (what a command pays): PluginRegistry.load, timed
# inside the process, so JVM start-up and the check itself do not blur it.
mkdir -p "$work/timing"
cat > "$work/timing/DiscoveryTiming.java" <<'JAVA'
import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
public final class DiscoveryTiming {
    public static void main(String[] args) {
        long start = System.nanoTime();
        try (PluginRegistry registry = PluginRegistry.load(PluginDirectories.of(List.of(Path.of(args[0])), java.util.Map.of(), null))) {
            long micros = (System.nanoTime() - start) / 1000;
            if (registry.hasErrors() || registry.qualifiedNames().size() < 3 * Integer.parseInt(args[1])) {
                throw new IllegalStateException("plugins did not load: " + registry.problems());
            }
            System.out.println(micros);
        }
    }
}
JAVA
javac -cp "$jar" -d "$work/timing" "$work/timing/DiscoveryTiming.java"

millis() { date +%s%N | cut -c1-13; }
declare -A samples
declare -A inprocess
for run in $(seq 1 "$runs"); do
  for n in "${sizes[@]}"; do
    inprocess[$n]="${inprocess[$n]:-} $(java -cp "$jar:$work/timing" DiscoveryTiming "$work/plugins$n" "$n")"
    start=$(millis)
    status=0
    HOME="$work" java -jar "$jar" "${command[@]}" --plugins "$work/plugins$n" >/dev/null 2>"$work/err" || status=$?
    end=$(millis)
    if [ "$status" -ne 0 ] || [ -s "$work/err" ]; then
      echo "pipewright ${command[*]} with $n plugins reported:" >&2; cat "$work/err" >&2; exit 1
    fi
    samples[$n]="${samples[$n]:-} $((end - start))"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
base=$(echo "${samples[0]}" | median)
echo "wall time of: pipewright ${command[*]} --plugins DIR   (median of $runs runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-8s %10s %12s %8s\n' plugins "median ms" "added ms" ratio
for n in "${sizes[@]}"; do
  m=$(echo "${samples[$n]}" | median)
  printf '%-8s %10d %12d %8.2f\n' "$n" "$m" $((m - base)) "$(echo "$m / $base" | bc -l)"
done
echo
echo "discovery alone: PluginRegistry.load (built-ins + N jars), first call in a fresh JVM (median of $runs)"
printf '%-8s %10s %12s %10s\n' plugins "median ms" "added ms" "ms/plugin"
ibase=$(echo "${inprocess[0]}" | median)
for n in "${sizes[@]}"; do
  m=$(echo "${inprocess[$n]}" | median)
  per=$([ "$n" -gt 0 ] && echo "scale=2; ($m - $ibase) / 1000 / $n" | bc -l || echo "-")
  printf '%-8s %10.1f %12.1f %10s\n' "$n" "$(echo "$m / 1000" | bc -l)" "$(echo "($m - $ibase) / 1000" | bc -l)" "$per"
done
