#!/usr/bin/env bash
# Verifies the audit trail's hash chain (docs/security.md, "Audit"): recomputes every sealed
# event's hash from its content and its predecessor, and reports the first broken one.
#
#   bash scripts/verify-audit.sh [--schema NAME] [--anchor SEQ:SHA256HEX] [--] [psql connection args]
#
# Examples:
#   bash scripts/verify-audit.sh -- -h db.internal -U glide_auditor -d glide
#   bash scripts/verify-audit.sh --schema glide --anchor 18233:9f86d0...  -- "postgresql://auditor@db/glide"
#
# --schema   schema of the audit_event table (default: the role's current schema)
# --anchor   a chain head recorded earlier outside the database (the sealer logs one,
#            "Audit chain sealed through #SEQ (head sha256 HASH)"); detects a rewrite of the
#            whole chain by someone with the owner's rights, and events removed from its end.
# Connect as any role with SELECT on audit_event, ideally one the schema owner does not control.
# Exit status: 0 OK, 1 broken, 2 usage or connection error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
schema=""
anchor_seq=0
anchor_hash=""
while [ $# -gt 0 ]; do
  case "$1" in
    --schema) schema="${2:?--schema needs a name}"; shift 2 ;;
    --anchor)
      if [[ ! "${2:-}" =~ ^([1-9][0-9]*):([0-9a-f]{64})$ ]]; then
        echo "--anchor must be SEQ:SHA256HEX (64 lowercase hex digits)" >&2
        exit 2
      fi
      anchor_seq="${BASH_REMATCH[1]}"; anchor_hash="${BASH_REMATCH[2]}"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) break ;;
  esac
done
if [[ -n "$schema" && ! "$schema" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "--schema must be a plain identifier" >&2
  exit 2
fi

sql="$(sed -e "s/__ANCHOR_SEQ__/${anchor_seq}/" -e "s/__ANCHOR_HASH__/${anchor_hash}/" "$here/verify-audit.sql")"
# pg_catalog first: no function or operator of the audited schema can stand in for the real ones.
path_sql="select set_config('search_path', 'pg_catalog, ' || quote_ident(coalesce(nullif('${schema}', ''), current_schema())), false)"

if ! verdict="$(psql -X -q -A -t -v ON_ERROR_STOP=1 "$@" -c "$path_sql" -c "$sql" 2>&1)"; then
  echo "verify-audit: could not run the verification: $verdict" >&2
  exit 2
fi
verdict="$(printf '%s\n' "$verdict" | tail -n 1)"
echo "$verdict"
case "$verdict" in
  OK:*) exit 0 ;;
  *) exit 1 ;;
esac
