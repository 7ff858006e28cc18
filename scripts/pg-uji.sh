#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `pg-uji.sh start DIR [PORT]` initialises DIR/data as the
# unprivileged user "postgres" (PostgreSQL refuses root), starts it on 127.0.0.1:PORT and a socket in DIR,
# and prints the URL to connect with; `pg-uji.sh stop DIR` stops it. Debian's postgresql package.
# The tests' server skips fsync (thrown away afterwards); `pg-uji.sh start DIR PORT bench` keeps PostgreSQL's default
# durability, as the province's server runs, for the benchmarks (npm run bench -- sinkron --pg URL).
set -euo pipefail
aksi=${1:?start|stop}; dir=${2:?folder}; port=${3:-55432}; jenis=${4:-uji}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL tidak terpasang (apt-get install postgresql)" >&2; exit 1; }
jalankan() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$aksi" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      jalankan "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    cepat="-c fsync=off -c full_page_writes=off"; [ "$jenis" = bench ] && cepat=""
    jalankan "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $cepat" -l "$dir/log" -w start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    jalankan "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
esac
