# Sourced by scripts/test.sh (npm test): finds, starts or installs what the tests need beyond npm, and exports
# where it is. On Debian/Ubuntu as root it installs missing packages with apt-get (chromium, nginx-light, redis-server,
# postgresql, python3-pandas, python3-networkx); elsewhere it stops at once with one line naming what is
# missing and how to get it. It changes no system service's configuration: a PostgreSQL it has to start is a
# private cluster of its own (trust authentication on 127.0.0.1, under /tmp), stopped by the last run using it;
# a Redis it has to start is a daemon of this run's own (a free port, no persistence), stopped when the run
# ends. Two runs at once on one machine do not take each other's services away.

STELSELGRAPH_APT_UPDATED=${STELSELGRAPH_APT_UPDATED:-}
# What this run started, to be stopped when it ends (stop_started_services).
STARTED_SERVICES=()

# stop_started_services: stops the Redis and PostgreSQL this run started (installed packages stay).
stop_started_services() {
  local service
  for service in "${STARTED_SERVICES[@]}"; do
    case $service in
      redis:*) redis_stop "${service#redis:}" ;;
      postgres:*) postgres_stop_if_last "${service#postgres:}" ;;
    esac
  done
}

# redis_stop PORT: asks the Redis on 127.0.0.1:PORT to shut down.
redis_stop() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'SHUTDOWN NOSAVE\r\n' >&3
  exec 3<&- 3>&-
}

# postgres_stop_if_last DATA: stops the private cluster in DATA unless another run still holds its lock.
postgres_stop_if_last() {
  if flock -n -x "$postgres_lock"; then
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true
  fi
  exec {postgres_lock}>&-
}

# provide WHAT PACKAGES: installs PACKAGES with apt-get when possible, else stops naming them.
provide() {
  local what=$1 packages=$2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "npm test: installing Debian's ${packages} for ${what}"
    if [ -z "$STELSELGRAPH_APT_UPDATED" ]; then
      apt-get -o DPkg::Lock::Timeout=600 update -qq
      STELSELGRAPH_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq ${packages} >/dev/null
  else
    echo "npm test needs ${what}: install it with 'sudo apt-get install ${packages}' (or see the README's Testing section)" >&2
    exit 1
  fi
}

# Chromium for the browser tests (playground, pictures).
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  provide 'Chromium (browser tests)' chromium
fi

# nginx for the test of the sample deploy/nginx.conf (the test runs its own nginx under a scratch prefix).
if [ -z "${NGINX_PATH:-}" ] && [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null 2>&1; then
  provide 'nginx (the sample nginx.conf test)' nginx-light
fi

# Debian's Python with pandas and networkx for the test that runs the README's researcher snippets (Debian's
# /usr/bin/python3, not a pyenv or virtualenv python that may lack them; PYTHON3_PATH overrides).
if [ -z "${PYTHON3_PATH:-}" ] && ! /usr/bin/python3 -c 'import pandas, networkx' >/dev/null 2>&1; then
  provide "pandas and networkx for Debian's python3 (the README snippets test)" 'python3-pandas python3-networkx'
fi

# redis_answers HOST PORT: whether a Redis answers PING there.
redis_answers() {
  local reply=''
  { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == +PONG* ]]
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Redis for the replicas test: the one at TEST_REDIS_URL, or the machine's on 127.0.0.1:6379, or one this run
# starts on a free port of its own (so that it is this run's alone to stop).
if [ -z "${TEST_REDIS_URL:-}" ]; then
  if redis_answers 127.0.0.1 6379; then
    export TEST_REDIS_URL=redis://127.0.0.1:6379
  else
    command -v redis-server >/dev/null 2>&1 || provide 'Redis (the replicas test)' redis-server
    redis_port=$(free_port)
    echo "npm test: starting Redis on 127.0.0.1:$redis_port for this run (no persistence)"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no >/dev/null
    STARTED_SERVICES+=("redis:$redis_port")
    for _ in $(seq 1 50); do redis_answers 127.0.0.1 "$redis_port" && break; sleep 0.1; done
    redis_answers 127.0.0.1 "$redis_port" || { echo "npm test: Redis did not start on 127.0.0.1:$redis_port" >&2; exit 1; }
    export TEST_REDIS_URL=redis://127.0.0.1:$redis_port
  fi
fi

# postgres_answers URL: whether PostgreSQL accepts a connection and a statement at URL.
postgres_answers() {
  node -e '
    const { Client } = require("pg");
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query("select 1")).then(
      () => client.end().then(() => process.exit(0)),
      () => process.exit(1),
    );' "$1" 2>/dev/null
}

# PostgreSQL for the postgres jest project: the one at TEST_POSTGRES_ADMIN_URL (default: this machine's, as
# postgres on 127.0.0.1:5432), or a private cluster made here (kept in /tmp for the next run, stopped when
# this run ends).
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  admin_url=${TEST_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
  if ! postgres_answers "$admin_url"; then
    if [ -n "${TEST_POSTGRES_ADMIN_URL:-}" ]; then
      echo "npm test: no PostgreSQL answers at TEST_POSTGRES_ADMIN_URL=${TEST_POSTGRES_ADMIN_URL}" >&2
      exit 1
    fi
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || provide 'PostgreSQL (the postgres tests)' postgresql
    bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
    port=${TEST_POSTGRES_PORT:-54329}
    data=/tmp/stelselgraph-test-postgres-$(id -u)
    as_postgres=()
    if [ "$(id -u)" = 0 ]; then as_postgres=(runuser -u postgres --); fi
    if [ ! -f "$data/PG_VERSION" ]; then
      echo "npm test: making a private PostgreSQL cluster in $data (port $port, trust on 127.0.0.1)"
      mkdir -p "$data"
      [ "$(id -u)" = 0 ] && chown postgres: "$data"
      "${as_postgres[@]}" "$bin/initdb" -D "$data" -U postgres -A trust >/dev/null
    fi
    # Every run using the cluster holds a shared lock on it until it ends; the last to leave stops it.
    exec {postgres_lock}>"$data.lock"
    flock -s "$postgres_lock"
    STARTED_SERVICES+=("postgres:$data")
    if ! postgres_answers "postgres://postgres@127.0.0.1:$port/postgres"; then
      echo "npm test: starting the private PostgreSQL cluster on 127.0.0.1:$port"
      "${as_postgres[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $data" start >/dev/null
    fi
    admin_url="postgres://postgres@127.0.0.1:$port/postgres"
    postgres_answers "$admin_url" || { echo "npm test: PostgreSQL did not start (see $data/server.log)" >&2; exit 1; }
  fi
  export TEST_POSTGRES_ADMIN_URL=$admin_url
fi
