#!/usr/bin/env bash
# Start time (issue 18, item 7; docs/benchmarks.md "Start time"): process start to the first
# 200 of /q/health/ready, for
#   bare   a bare Quarkus REST app on the same platform (bench/startup-bare: one @GET,
#          smallrye-health, and bench/run.sh's fixed-body resource, idle), on port 8191, and
#   glide  Glide's packaged jar as a replica runs it (migration off, the application role for
#          both logins, the manifests' settings) against an already-migrated database, on 8192,
# alternating bare, glide, bare, glide, ... RUNS times each, both with -Xmx128m (as the k8s
# ConfigMap). Prints every run, the medians, the spread (min-max) and the ratios glide/bare (of
# the medians, and run by run: each Glide start against the bare start just before it), for the
# wall-clock time and for the CPU time the JVM used until ready; target <= 1.5.
#
#   bench/startup.sh                 builds both jars first (./mvnw package -DskipTests, Glide with
#                                    -Dquarkus.package.jar.appcds.enabled=true)
#   SKIP_BUILD=1 bench/startup.sh    uses target/quarkus-app and bench/startup-bare/target as they are
#   RUNS=9 POLL_MS=20 bench/startup.sh
#   GLIDE_JAVA_OPTS='...' / BARE_JAVA_OPTS='...'   extra JVM flags for one side (e.g. an experiment)
#   KEEP_LOGS=DIR THREADS=1   keeps each start's log in DIR, with the CPU by thread when ready (*.threads)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh   both apps (and the training) on another JVM
#   JAVA=.../java LEYDEN=full bench/startup.sh   Glide with a JDK 24+ AOT cache (Project Leyden, JEP 483/515)
#                                    instead of the AppCDS archive: built as Quarkus' aot-jar, then one
#                                    training start, to ready against the migrated database, writes
#                                    app.aot at exit; LEYDEN=static trains only to the end of static init
#                                    (no database, as an image build can: the Dockerfile's way)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java LEYDEN=static AOT=off bench/startup.sh
#                                    what the image runs (docker/Dockerfile: JDK 25, static cache)
#
# If target/quarkus-app has an AppCDS archive (app-cds.jsa, docs/benchmarks.md "Start time"),
# Glide runs with -XX:SharedArchiveFile as the image did until it moved to JDK 25's AOT cache
# (2026-11-29; the default run, on JDK 17, is kept for comparison); AOT=off runs it without, for a
# comparison in the same run (then three kinds alternate: bare, glide-nocds, glide).
# BASELINE=DIR adds another build's quarkus-app (e.g. of an earlier commit) as glide-base, run
# without an archive: before and after in the same run.
#
# Uses PostgreSQL on 127.0.0.1:5432 as postgres: a database and two roles of its own
# (glide_startup_bench*), created and migrated once at the start (the jar with migration on and
# init-and-exit, as the migration Job runs), dropped at the end. About 2 minutes.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${RUNS:-7}
POLL_MS=${POLL_MS:-25}
BARE_PORT=8191
GLIDE_PORT=8192
MGMT_PORT=${MGMT_PORT:-9192}
[ "$RUNS" -ge 5 ] || echo "RUNS=$RUNS: fewer than 5 runs are for profiling (GLIDE_JAVA_OPTS), not a result" >&2

export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGOPTIONS="-c client_min_messages=warning"
db="glide_startup_bench_$$"
owner=glide_startup_bench_owner
app=glide_startup_bench_app
owner_pw="owner-$(openssl rand -hex 12)"
app_pw="app-$(openssl rand -hex 12)"
work="$(mktemp -d)"

say() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  psql -q -d postgres -c "drop database if exists $db" >/dev/null 2>&1 || true
  psql -q -d postgres -c "drop role if exists $app" -c "drop role if exists $owner" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for p in $BARE_PORT $GLIDE_PORT $MGMT_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use" >&2; exit 1; fi
done

JAVA=${JAVA:-java}
LEYDEN=${LEYDEN:-}
case $LEYDEN in ''|static|full) ;; *) echo "LEYDEN=$LEYDEN: static or full" >&2; exit 2 ;; esac
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building Glide and the bare app"
  if [ -n "$LEYDEN" ]; then
    # Quarkus' aot-jar layout: every class from the class path, where the JVM's AOT cache can hold it.
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar)
  else
    # With the AppCDS archive, as the image has one (docker/Dockerfile makes its own).
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)
  fi
  (cd "$ROOT" && ./mvnw -B -q -f bench/startup-bare/pom.xml package -DskipTests)
fi
# Both run from copies, so that a build running meanwhile cannot swap jars under them.
cp -a "$ROOT/target/quarkus-app" "$work/glide"
cp -a "$ROOT/bench/startup-bare/target/quarkus-app" "$work/bare"
[ -z "${BASELINE:-}" ] || cp -a "$BASELINE" "$work/glide-base"

psql -q -d postgres -c "create database $db" >/dev/null
psql -q -d "$db" -v ON_ERROR_STOP=1 -v owner_role="$owner" -v app_role="$app" -v schema=glide \
  -v owner_password="$owner_pw" -v app_password="$app_pw" -f "$ROOT/scripts/create-roles.sql" >/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

COMMON=(
  "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=glide"
  "GLIDE_JWT_PRIVATE_KEY_LOCATION=$work/private.pem"
  "GLIDE_JWT_PUBLIC_KEY_LOCATION=$work/public.pem"
  "QUARKUS_HTTP_PORT=$GLIDE_PORT"
  "QUARKUS_MANAGEMENT_PORT=$MGMT_PORT"
  "GLIDE_SHUTDOWN_PRE_STOP_DELAY=0s"
  "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true"
  "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true"
  "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=10.0.0.0/8"
  # Media configured as in production (nothing reaches the store at start).
  "GLIDE_MEDIA_ENDPOINT=http://127.0.0.1:9"
  "GLIDE_MEDIA_BUCKET=glide-media"
  "GLIDE_MEDIA_REGION=eu-central-1"
  "GLIDE_MEDIA_ACCESS_KEY=startup-bench"
  "GLIDE_MEDIA_SECRET_KEY=startup-bench-secret"
)

say "migrating $db (the jar with migration on and init-and-exit, as the migration Job)"
(cd "$work" && env -i PATH="$PATH" HOME="$HOME" "${COMMON[@]}" \
  QUARKUS_INIT_AND_EXIT=true QUARKUS_FLYWAY_MIGRATE_AT_START=true \
  QUARKUS_DATASOURCE_USERNAME="$app" QUARKUS_DATASOURCE_PASSWORD="$app_pw" \
  QUARKUS_FLYWAY_USERNAME="$owner" QUARKUS_FLYWAY_PASSWORD="$owner_pw" \
  timeout 300 "$JAVA" -Xmx128m -jar glide/quarkus-run.jar) >"$work/migrate.log" 2>&1 \
  || { tail -n 30 "$work/migrate.log" >&2; exit 1; }
say "migrated: $(psql -At -d "$db" -c 'select count(*) from glide.flyway_schema_history where success') migrations"

# The replica's env (deploy/k8s/base/deployment.yaml): migration off, Flyway as the app role.
REPLICA=("${COMMON[@]}" QUARKUS_FLYWAY_MIGRATE_AT_START=false
  "QUARKUS_DATASOURCE_USERNAME=$app" "QUARKUS_DATASOURCE_PASSWORD=$app_pw"
  "QUARKUS_FLYWAY_USERNAME=$app" "QUARKUS_FLYWAY_PASSWORD=$app_pw")

cds=()
if [ -z "$LEYDEN" ]; then
  [ -f "$work/glide/app-cds.jsa" ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
else
  rm -f "$work/glide/app-cds.jsa" "$work/glide/app.aot"
fi
kinds=(bare glide)
if [ "${AOT:-on}" = off ] && [ ${#cds[@]} -gt 0 ]; then kinds=(bare glide-nocds glide); fi
[ -z "${BASELINE:-}" ] || kinds=(bare glide-base "${kinds[@]:1}")
[ -n "$LEYDEN" ] || { [ ${#cds[@]} -gt 0 ] && say "Glide has an AppCDS archive: runs with ${cds[*]}" || say "Glide has no AppCDS archive"; }

# One start: prints "<ms to the first 200 of ready> <CPU ms the JVM had used by then>".
# The timer and poller is Python (one process, no fork per poll).
measure() { # KIND LOG -- command...
  local kind=$1 log=$2 port
  shift 3
  [ "$kind" = bare ] && port=$BARE_PORT || port=$GLIDE_PORT
  python3 - "$port" "$POLL_MS" "$log" "$@" <<'PY'
import os, re, signal, subprocess, sys, time, urllib.request, urllib.error
port, poll, log, cmd = int(sys.argv[1]), int(sys.argv[2]) / 1000, sys.argv[3], sys.argv[4:]
url = f"http://127.0.0.1:{port}/q/health/ready"
with open(log, "w") as out:
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    ready = None
    while time.monotonic() - t0 < 120:
        if p.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    ready = (time.monotonic() - t0) * 1000
                    # CPU the JVM used until then (env exec()s java: same pid), less noisy than
                    # wall-clock time on a loaded machine.
                    f = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
                    cpu = (int(f[11]) + int(f[12])) * 1000 / os.sysconf("SC_CLK_TCK")
                    if os.environ.get("THREADS"):  # CPU by thread at that moment, into LOG.threads
                        by = {}
                        for t in os.listdir(f"/proc/{p.pid}/task"):
                            name = open(f"/proc/{p.pid}/task/{t}/comm").read().strip().rstrip("0123456789")
                            tf = open(f"/proc/{p.pid}/task/{t}/stat").read().rsplit(")", 1)[1].split()
                            by[name] = by.get(name, 0) + (int(tf[11]) + int(tf[12])) * 1000 / os.sysconf("SC_CLK_TCK")
                        with open(log + ".threads", "w") as th:
                            th.writelines(f"{v:7.0f} {k}\n" for k, v in sorted(by.items(), key=lambda kv: -kv[1]))
                    break
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(poll)
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(120)  # a training start writes its AOT cache at exit (~25 s here)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
if ready is None:
    sys.exit("no 200 from " + url + " (see " + log + ")")
print(f"{ready:.0f} {cpu:.0f}")
PY
}

if [ -n "$LEYDEN" ]; then
  unzip -p "$work/glide/quarkus-run.jar" META-INF/MANIFEST.MF | grep -q AotQuarkusEntryPoint \
    || { echo "LEYDEN=$LEYDEN needs the aot-jar build (./mvnw package -Dquarkus.package.jar.type=aot-jar; drop SKIP_BUILD)" >&2; exit 1; }
  say "training Glide's AOT cache ($LEYDEN) on $("$JAVA" -version 2>&1 | head -n 1)"
  if [ "$LEYDEN" = static ]; then
    # Quarkus stops after static init with quarkus.appcds.generate (exit status 1, as for AppCDS).
    (cd "$work/glide" && env -i PATH="$PATH" HOME="$HOME" timeout 300 "$JAVA" -Xmx128m -XX:AOTCacheOutput=app.aot \
      -Dquarkus.appcds.generate=true -jar quarkus-run.jar) >"$work/train.log" 2>&1 || true
  else
    (cd "$work/glide" && measure glide "$work/train.log" -- env -i PATH="$PATH" HOME="$HOME" "${REPLICA[@]}" \
      "$JAVA" -Xmx128m -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar) >/dev/null || { tail -n 30 "$work/train.log" >&2; exit 1; }
  fi
  [ -s "$work/glide/app.aot" ] || { tail -n 30 "$work/train.log" >&2; echo "no AOT cache written (JDK 24+ and LEYDEN's aot-jar build needed)" >&2; exit 1; }
  say "AOT cache: $(du -m "$work/glide/app.aot" | cut -f1) MB"
  cds=(-XX:AOTCache=app.aot)
  [ "${AOT:-on}" = off ] && kinds=(bare glide-nocds glide)
fi

declare -A results cpu
for i in $(seq 1 "$RUNS"); do
  for kind in "${kinds[@]}"; do
    log="$work/$kind-$i.log"
    case $kind in
      bare) r=$(cd "$work/bare" && measure bare "$log" -- env -i PATH="$PATH" HOME="$HOME" \
              "$JAVA" -Xmx128m ${BARE_JAVA_OPTS:-} -jar quarkus-run.jar) ;;
      glide-base) r=$(cd "$work/glide-base" && measure glide "$log" -- env -i PATH="$PATH" HOME="$HOME" "${REPLICA[@]}" \
              "$JAVA" -Xmx128m ${GLIDE_JAVA_OPTS:-} -jar quarkus-run.jar) ;;
      glide-nocds) r=$(cd "$work/glide" && measure glide "$log" -- env -i PATH="$PATH" HOME="$HOME" "${REPLICA[@]}" \
              "$JAVA" -Xmx128m ${GLIDE_JAVA_OPTS:-} -jar quarkus-run.jar) ;;
      glide) r=$(cd "$work/glide" && measure glide "$log" -- env -i PATH="$PATH" HOME="$HOME" "${REPLICA[@]}" \
              "$JAVA" -Xmx128m "${cds[@]}" ${GLIDE_JAVA_OPTS:-} -jar quarkus-run.jar) ;;
    esac || { tail -n 30 "$log" >&2; exit 1; }
    results[$kind]+="${r%% *} "
    cpu[$kind]+="${r##* } "
    printf '  run %d %-12s ready after %5s ms, %5s ms of CPU\n' "$i" "$kind" "${r%% *}" "${r##* }"
  done
done
if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$work"/*.log* "$KEEP_LOGS"/; fi

args=()
for kind in "${kinds[@]}"; do args+=("$kind=${results[$kind]}" "$kind=${cpu[$kind]}"); done
python3 - "${args[@]}" <<'PY'
import statistics, sys
wall, cpu = {}, {}
for a in sys.argv[1:]:
    k, v = a.split("=", 1)
    (cpu if k in wall else wall)[k] = [float(x) for x in v.split()]
for title, series in (("wall-clock ms, process start to first 200 of /q/health/ready", wall),
                      ("CPU ms (user+sys) the JVM used until then", cpu)):
    print()
    print(f"{'':14}{'median':>8}{'min':>8}{'max':>8}   {title}")
    for k, v in series.items():
        print(f"{k:14}{statistics.median(v):8.0f}{min(v):8.0f}{max(v):8.0f}")
    bare = series["bare"]
    for k, v in series.items():
        if k != "bare":
            pair = sorted(g / b for g, b in zip(v, bare))
            print(f"ratio {k}/bare: {statistics.median(v) / statistics.median(bare):.2f} (medians);"
                  f" run by run {pair[0]:.2f}-{pair[-1]:.2f}, median {statistics.median(pair):.2f}; target <= 1.5")
PY
