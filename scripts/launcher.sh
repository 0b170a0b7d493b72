#!/bin/sh
# The `postedit` command of an install whose build made a startup snapshot,
# on a POSIX system (scripts/build-snapshot.mjs writes it to dist/bin/postedit
# from this template; elsewhere dist/bin/postedit is a Node script).
#
# It starts Node from the snapshot itself. Through dist/cli.js a run starts
# one Node only for that Node to start another from the snapshot: about
# 0.1 s of the 0.5 s a one-article check takes. Every run it does not serve
# goes to dist/cli.js, which decides as it always has; the run from the
# snapshot checks that the snapshot still matches the install and data
# (POSTEDIT_SNAPSHOT_CHECK names dist/cli.js), and runs that instead when it
# does not.

# The Node that built the snapshot (Node refuses a snapshot another one built),
# by path and size: a Node upgraded in place keeps its path.
node=@NODE@
node_size=@NODE_SIZE@

# This file's folder, through the links npm makes (node_modules/.bin/postedit).
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) self=${self%/*}/$link ;; esac
done
dist=${self%/*}/..

plain() {
  exec node "$dist/cli.js" "$@"
}

# As in src/cli/startup-snapshot.ts: runs that write files (they clean up on
# Ctrl-C, which a Node started from a snapshot cannot), the language server,
# Node options, and POSTEDIT_SNAPSHOT=0 or require go the usual way.
case ${POSTEDIT_SNAPSHOT-} in 0 | require) plain "$@" ;; esac
[ -z "${NODE_OPTIONS-}" ] || plain "$@"
[ "${1-}" != serve ] || plain "$@"
fix=
stdout=
for arg do
  case $arg in
    --lsp | --cache) plain "$@" ;;
    --fix) fix=1 ;;
    --stdout) stdout=1 ;;
  esac
done
[ -z "$fix" ] || [ -n "$stdout" ] || plain "$@"

blob=$dist/snapshot/postedit.blob
[ -f "$blob" ] && [ -x "$node" ] || plain "$@"
size() {
  set -- $(ls -lnL "$1" 2>/dev/null)
  echo "${5-}"
}
[ "$(size "$node")" = "$node_size" ] || plain "$@"

POSTEDIT_SNAPSHOT=0 POSTEDIT_SNAPSHOT_CHECK=$dist/cli.js exec "$node" @OPTIONS@ --snapshot-blob "$blob" -- "$@"
