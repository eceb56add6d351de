#!/bin/sh
# Builds an exported bundle's Dockerfile and runs it as the container it describes, then checks the service
# from outside: GET /health, GET /metadata, POST /predict (answers equal to model.js run by this machine's
# node, when it has one), a bad body answered 400, the service running as a non-root user, and /app not
# writable by it. Needs podman or docker; not part of `npm test` (CI has no container engine).
#
#   scripts/check-bundle-container.sh <bundle-dir> [--rows <rows.json>] [--port N] [--stand-in-base]
#
#   --rows           a JSON array of rows to predict (default: one row made from metadata's input types)
#   --port           the host port on 127.0.0.1 mapped to the container's 8080 (default 18080)
#   --stand-in-base  where the registry cannot be reached: tags a minimal image holding this machine's
#                    node binary and its libraries (and a `node` user, uid 1000, as the official image has)
#                    with the exact name the Dockerfile's FROM line gives. Say so when you report results:
#                    it checks the Dockerfile and the service, not the official image's Node version.
#
# Environment: ENGINE (default: podman if installed, else docker; e.g. ENGINE="podman --runtime runc"),
# RUN_FLAGS (extra flags for build and run, e.g. "--ulimit nofile=1024:1024 --ulimit nproc=1024:1024"
# where the sandbox may not raise limits).
set -eu

usage() {
	echo "usage: scripts/check-bundle-container.sh <bundle-dir> [--rows <rows.json>] [--port N] [--stand-in-base]" >&2
	exit 2
}
[ $# -ge 1 ] || usage
bundle=$1
shift
rows=''
port=18080
stand_in=0
while [ $# -gt 0 ]; do
	case $1 in
	--rows) [ $# -ge 2 ] || usage; rows=$2; shift 2 ;;
	--port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
	--stand-in-base) stand_in=1; shift ;;
	*) usage ;;
	esac
done
[ -f "$bundle/Dockerfile" ] && [ -f "$bundle/model.js" ] || {
	echo "check-bundle-container: $bundle has no Dockerfile and model.js (write one with npx benchtop export <model> --bundle <dir>)" >&2
	exit 1
}
if [ -z "${ENGINE:-}" ]; then
	if command -v podman >/dev/null 2>&1; then ENGINE=podman
	elif command -v docker >/dev/null 2>&1; then ENGINE=docker
	else echo "check-bundle-container: needs podman or docker" >&2; exit 1; fi
fi
command -v curl >/dev/null 2>&1 || { echo "check-bundle-container: needs curl" >&2; exit 1; }
flags=${RUN_FLAGS:-}
tag="benchtop-bundle-check-$$"
name="benchtop-bundle-check-$$"
work=$(mktemp -d)
cleanup() {
	$ENGINE rm -f "$name" >/dev/null 2>&1 || true
	$ENGINE rmi -f "$tag" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "FAIL: $*" >&2
	$ENGINE logs "$name" 2>&1 | tail -n 20 >&2 || true
	exit 1
}

base=$(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$bundle/Dockerfile" | head -n 1)
[ -n "$base" ] || fail "the Dockerfile has no FROM line"
if [ "$stand_in" = 1 ]; then
	node_bin=$(command -v node) || fail "--stand-in-base needs node on this machine"
	root="$work/rootfs"
	mkdir -p "$root/usr/bin" "$root/etc" "$root/tmp" "$root/home/node"
	cp "$node_bin" "$root/usr/bin/node"
	for lib in $(ldd "$node_bin" | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
	printf 'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000::/home/node:/sbin/nologin\n' >"$root/etc/passwd"
	printf 'root:x:0:\nnode:x:1000:\n' >"$root/etc/group"
	chmod 1777 "$root/tmp"
	tar -C "$root" -c . | $ENGINE import --change 'CMD ["node"]' - "$base" >"$work/import.log" 2>&1 ||
		{ tail -n 5 "$work/import.log" >&2; fail "could not make the stand-in base image"; }
	echo "stand-in base: $base = this machine's node $($node_bin --version) (not the official image)"
fi

# Docker format keeps the HEALTHCHECK (podman's default OCI format drops it).
format=''
case $ENGINE in podman*) format='--format docker' ;; esac
# shellcheck disable=SC2086 # ENGINE, flags and format are lists of words
$ENGINE build $format $flags -t "$tag" "$bundle" >"$work/build.log" 2>&1 || {
	tail -n 20 "$work/build.log" >&2
	fail "the image did not build"
}
# shellcheck disable=SC2086
$ENGINE run -d --name "$name" $flags -p "127.0.0.1:$port:8080" "$tag" >/dev/null || fail "the container did not start"
url="http://127.0.0.1:$port"
tries=0
until curl -sf -m 2 "$url/health" >"$work/health.json" 2>/dev/null; do
	tries=$((tries + 1))
	[ $tries -lt 60 ] || fail "GET /health did not answer within 30 s"
	sleep 0.5
done
grep -q '"ok":true' "$work/health.json" || fail "GET /health answered $(cat "$work/health.json")"
echo "ok   GET /health: $(cat "$work/health.json")"

curl -sf -m 10 "$url/metadata" >"$work/metadata.json" || fail "GET /metadata failed"
grep -q '"format":"benchtop-bundle"' "$work/metadata.json" || fail "GET /metadata is not a bundle's metadata"
echo "ok   GET /metadata: $(head -c 120 "$work/metadata.json")…"

if [ -z "$rows" ]; then
	# One row from the input types: enough to see the service answer as model.js does.
	rows="$work/rows.json"
	sed 's/.*"inputs":\[\([^]]*\)\].*/\1/' "$work/metadata.json" | tr '}' '\n' |
		sed -n 's/.*"name":\("[^"]*"\),"type":"\([a-z]*\)".*/\1 \2/p' | {
		first=1
		printf '[{'
		while read -r column type; do
			case $type in integer | number) value=1 ;; boolean) value=true ;; date) value='"2024-01-01"' ;; *) value='"a"' ;; esac
			[ $first = 1 ] || printf ','
			first=0
			printf '%s:%s' "$column" "$value"
		done
		printf '}]\n'
	} >"$rows"
fi
curl -sf -m 10 -X POST -H 'content-type: application/json' --data-binary "@$rows" "$url/predict" >"$work/answer.json" ||
	fail "POST /predict failed"
grep -q '"predictions":\[' "$work/answer.json" || fail "POST /predict answered $(cat "$work/answer.json")"
echo "ok   POST /predict: $(head -c 160 "$work/answer.json")…"
if command -v node >/dev/null 2>&1; then
	abs_bundle=$(cd "$bundle" && pwd)
	abs_rows=$(cd "$(dirname "$rows")" && pwd)/$(basename "$rows")
	(cd "$work" && node --input-type=module -e "
		import { readFileSync } from 'node:fs';
		const { predict } = await import('file://$abs_bundle/model.js');
		const local = await predict(JSON.parse(readFileSync('$abs_rows', 'utf8')));
		const served = JSON.parse(readFileSync('answer.json', 'utf8')).predictions;
		if (JSON.stringify(local) !== JSON.stringify(served)) {
			console.error('the container answered', JSON.stringify(served), 'but model.js here gives', JSON.stringify(local));
			process.exit(1);
		}") || fail "the container's answers differ from model.js run here"
	echo "ok   the answers equal model.js run by this machine's node"
fi

status=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -X POST --data-binary '{not json' "$url/predict")
[ "$status" = 400 ] || fail "a bad body got HTTP $status, not 400"
echo "ok   a bad body: HTTP 400"

uid=$($ENGINE exec "$name" node -e 'process.stdout.write(String(process.getuid()))') || fail "cannot exec in the container"
[ "$uid" != 0 ] || fail "the service runs as root"
user=$($ENGINE exec "$name" node -e 'process.stdout.write(require("node:os").userInfo().username)')
echo "ok   the service runs as uid $uid ($user), not root"
probe=$($ENGINE exec "$name" node -e 'try { require("node:fs").writeFileSync("/app/probe", "x"); process.stdout.write("written") } catch (e) { process.stdout.write(e.code) }')
[ "$probe" != written ] || fail "the service can write into /app"
echo "ok   /app is not writable by the service ($probe)"
echo "the container built from $bundle/Dockerfile (FROM $base) passed"
