#!/bin/sh
# The quickstart: run a plan, then show what Bactrian refuses before running anything.
BACTRIAN=${1:-target/release/bactrian}
DIR=$(dirname "$0")
echo "== bactrian run $DIR/plan.py"
"$BACTRIAN" run "$DIR/plan.py" || exit 1
echo
echo "== bactrian check $DIR/refused.py   (refused before anything runs; exit code 2)"
"$BACTRIAN" check "$DIR/refused.py"
code=$?
[ "$code" -eq 2 ] || { echo "expected exit code 2, got $code"; exit 1; }
echo
echo "== bactrian run --json $DIR/plan.py | result"
"$BACTRIAN" run --json "$DIR/plan.py" | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["status"], o["result"]["repr"], "trusted" if o["result"]["trusted"] else "untrusted")' 2>/dev/null || "$BACTRIAN" run --json "$DIR/plan.py"
