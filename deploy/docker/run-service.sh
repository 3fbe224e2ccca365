#!/bin/sh
# Starts the service named by $SERVICE (router, or any subgraph under subgraphs/, as
# packages/contracts/src/topology.ts lists them), replacing this shell so signals reach node directly.
set -eu
service="${SERVICE:-}"
case "$service" in
  router) entry=router/src/main.ts ;;
  "" | */* | .*) entry="" ;;
  *) entry="subgraphs/$service/src/main.ts" ;;
esac
if [ -z "$entry" ] || [ ! -f "$entry" ]; then
  echo "SERVICE must be router or one of: $(ls subgraphs | tr '\n' ' ')" >&2
  exit 64
fi
exec node --import tsx "$entry"
