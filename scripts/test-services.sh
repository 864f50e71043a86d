# Sourced by scripts/test.sh (npm test): finds, starts or installs what the tests need beyond npm, and exports
# where it is. On Debian/Ubuntu as root it installs missing packages with apt-get (chromium, nginx-light,
# redis-server, postgresql); elsewhere it stops at once with one line naming what is missing and how to get
# it. It changes no system service's configuration: a PostgreSQL it has to start is a private cluster of its
# own (trust authentication on 127.0.0.1, under /tmp), a Redis it has to start is a daemon without persistence;
# both are stopped when the run ends.

STELSELGRAPH_APT_UPDATED=${STELSELGRAPH_APT_UPDATED:-}
# What this run started, to be stopped when it ends (stop_started_services).
STARTED_SERVICES=()

# stop_started_services: stops the Redis and PostgreSQL this run started (installed packages stay).
stop_started_services() {
  local service
  for service in "${STARTED_SERVICES[@]}"; do
    case $service in
      redis) redis_stop ;;
      postgres:*) "${as_postgres[@]}" "$bin/pg_ctl" -D "${service#postgres:}" -m fast stop >/dev/null 2>&1 || true ;;
    esac
  done
}

# redis_stop: asks the Redis on 127.0.0.1:6379 to shut down.
redis_stop() {
  { exec 3<>/dev/tcp/127.0.0.1/6379; } 2>/dev/null || return 0
  printf 'SHUTDOWN NOSAVE\r\n' >&3
  exec 3<&- 3>&-
}

# provide WHAT PACKAGES: installs PACKAGES with apt-get when possible, else stops naming them.
provide() {
  local what=$1 packages=$2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "npm test: installing Debian's ${packages} for ${what}"
    if [ -z "$STELSELGRAPH_APT_UPDATED" ]; then
      apt-get update -qq
      STELSELGRAPH_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages} >/dev/null
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

# redis_answers HOST PORT: whether a Redis answers PING there.
redis_answers() {
  local reply=''
  { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == +PONG* ]]
}

# Redis for the replicas test: the one at TEST_REDIS_URL (default 127.0.0.1:6379), or one started here.
if [ -z "${TEST_REDIS_URL:-}" ] && ! redis_answers 127.0.0.1 6379; then
  command -v redis-server >/dev/null 2>&1 || provide 'Redis (the replicas test)' redis-server
  echo "npm test: starting Redis on 127.0.0.1:6379 (no persistence)"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 50); do redis_answers 127.0.0.1 6379 && break; sleep 0.1; done
  redis_answers 127.0.0.1 6379 || { echo "npm test: Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
  STARTED_SERVICES+=(redis)
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
    if ! postgres_answers "postgres://postgres@127.0.0.1:$port/postgres"; then
      echo "npm test: starting the private PostgreSQL cluster on 127.0.0.1:$port"
      "${as_postgres[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $data" start >/dev/null
      STARTED_SERVICES+=("postgres:$data")
    fi
    admin_url="postgres://postgres@127.0.0.1:$port/postgres"
    postgres_answers "$admin_url" || { echo "npm test: PostgreSQL did not start (see $data/server.log)" >&2; exit 1; }
  fi
  export TEST_POSTGRES_ADMIN_URL=$admin_url
fi
