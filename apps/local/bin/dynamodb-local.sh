#!/bin/sh
# Runs DynamoDB Local (`$@` is the java command line) so that java can never outlive the
# Node process that started it, however that process ends — SIGKILL and crashes included,
# when Node gets no chance to clean up.
#
# The contract with Node: our stdin is a pipe that Node holds open for as long as it wants
# java to live. The kernel closes that pipe when Node dies, for any reason; a watchdog
# reading it sees end-of-file and kills java. TERM/INT/HUP to this wrapper also stop java.
#
# The first line on stderr is `sisi-dynamodb-local java-pid=<pid>`, so Node knows which
# process actually serves.

set -u

# A background job's stdin is /dev/null in a non-interactive shell, so the pipe from Node
# is kept on fd 3 for the watchdog.
exec 3<&0 </dev/null

"$@" 3<&- &
java_pid=$!
echo "sisi-dynamodb-local java-pid=$java_pid" >&2

stop_java() {
  kill -TERM "$java_pid" 2>/dev/null || return 0
  # DynamoDB Local normally exits within a second of TERM; never leave it hanging.
  i=0
  while [ "$i" -lt 50 ] && kill -0 "$java_pid" 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
  done
  kill -KILL "$java_pid" 2>/dev/null || true
}

(
  # Killed by the wrapper on a normal exit: take the reader along rather than orphan it.
  trap 'kill "$cat_pid" 2>/dev/null; exit 0' TERM
  cat <&3 >/dev/null 3<&- &
  cat_pid=$!
  wait "$cat_pid"
  stop_java
) &
watchdog_pid=$!
exec 3<&-

trap 'kill -TERM "$java_pid" 2>/dev/null' TERM INT HUP

status=0
wait "$java_pid" || status=$?
# `wait` returns early when a trapped signal arrives; keep waiting until java is gone.
while kill -0 "$java_pid" 2>/dev/null; do
  wait "$java_pid" || status=$?
done

kill -TERM "$watchdog_pid" 2>/dev/null
exit "$status"
