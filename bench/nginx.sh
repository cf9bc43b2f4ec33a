# Sourced by the bench scripts: a private nginx on loopback serving one folder.

# A free loopback port, or BENCH_PORT when set (a machine shared by several runs, each given
# ports of its own).
free_port() {
  if [ -n "${BENCH_PORT:-}" ]; then echo "$BENCH_PORT"; return 0; fi
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_nginx WORK PORT ROOT WORKERS HTTP_LINES
# Writes WORK/nginx.conf (HTTP_LINES go into its http block: access_log, headers...), starts
# nginx in the background with its pid in NGINX, and returns once it answers on PORT.
start_nginx() {
  local work=$1 port=$2 root=$3 workers=$4 http_lines=$5
  mkdir -p "$work/nginx"
  cat > "$work/nginx.conf" <<CONF
worker_processes $workers;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  $http_lines
  server { listen 127.0.0.1:$port backlog=4096; root $root; disable_symlinks off; }
}
CONF
  nginx -c "$work/nginx.conf" -g 'daemon off;' &
  NGINX=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && return 0
    python3 -c 'import time; time.sleep(0.1)'
  done
  echo "nginx did not start; see $work/nginx/error.log" >&2
  return 1
}
