#!/bin/sh
# Starts the service named by $SERVICE, replacing this shell so signals reach node directly.
set -eu
case "${SERVICE:-}" in
  router) entry=router/src/main.ts ;;
  users | catalogue | cart | orders | payments | shipping) entry="subgraphs/$SERVICE/src/main.ts" ;;
  *) echo "SERVICE must be one of: router users catalogue cart orders payments shipping" >&2; exit 64 ;;
esac
exec node --import tsx "$entry"
