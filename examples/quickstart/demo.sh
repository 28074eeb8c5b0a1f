#!/bin/sh
# The quickstart: an agent whose web search returns an injected instruction. The benign plan
# runs its tools; the attack plan is stopped before the tool runs (exit code 3).
BACTRIAN=$(cd "$(dirname "${1:-target/release/bactrian}")" && pwd)/$(basename "${1:-target/release/bactrian}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
AGENT="$ROOT/examples/news-reporter"
Q="Summarise today's news for bob@example.com and commit it to project 149"
rm -rf "$AGENT/out"
cd "$AGENT" || exit 1

echo "== 1. The benign plan (recipient and project are values the user gave)"
echo "   bactrian run plans/benign.py --agent agent.yaml --query \"$Q\""
"$BACTRIAN" run plans/benign.py --agent agent.yaml --query "$Q" || exit 1
echo "   evidence: $(wc -l < out/outbox.jsonl) message(s) in out/outbox.jsonl, $(ls out/projects/149) committed to project 149"
echo

echo "== 2. The attack: the plan sends to the address an injected web page named"
echo "   bactrian run plans/attack_redirect.py --agent agent.yaml --query \"$Q\""
rm -rf out
"$BACTRIAN" run plans/attack_redirect.py --agent agent.yaml --query "$Q"
code=$?
[ "$code" -eq 3 ] || { echo "expected exit code 3 (denied), got $code"; exit 1; }
[ ! -e out ] || { echo "the tool ran!"; exit 1; }
echo "   exit code 3: denied, and send_message never ran"
echo

echo "== 3. A compromised tool: the sandbox and the eBPF sensor stop what no policy can see"
TOOL="$ROOT/examples/compromised-tool"
echo "   bactrian run plans/notes.py --agent agent.yaml   (the tool tries ../secret.txt)"
(cd "$TOOL" && "$BACTRIAN" run plans/notes.py --agent agent.yaml) || exit 1
echo "   bactrian run plans/greedy.py --agent agent.yaml  (the tool also opens ~/.ssh/id_rsa)"
(cd "$TOOL" && "$BACTRIAN" run plans/greedy.py --agent agent.yaml)
code=$?
case "$code" in
  4) echo "   exit code 4: the sensor's deny_open rule stopped the tool and the run" ;;
  *) echo "   exit code $code (the sandbox and sensor need root on Linux with Landlock and eBPF: see bactrian doctor)" ;;
esac
echo

echo "== 4. Plans are checked before they run: every refused construct at once (exit code 2)"
"$BACTRIAN" check "$ROOT/examples/quickstart/refused.py"
[ $? -eq 2 ] || exit 1
echo

echo "== 5. The daemon: an agent runtime's own function as a host tool, through the HTTP API"
if ! command -v curl >/dev/null; then
  echo "   (skipped: curl is not installed)"
  exit 0
fi
STATE=$(mktemp -d)
"$BACTRIAN" serve --state-dir "$STATE" 2>"$STATE/log" &
DAEMON=$!
trap 'kill $DAEMON 2>/dev/null; rm -rf "$STATE"' EXIT
i=0; while [ ! -S "$STATE/bactrian.sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
api() { curl -s --unix-socket "$STATE/bactrian.sock" "localhost$1" -d "$2"; }
field() { python3 -c "import json,sys; v=json.load(sys.stdin)
for k in sys.argv[1].split('.'): v=v[k]
print(v)" "$1"; }
AGENT=$(api /v1/agents '{"agent_yaml": "name: mail\nllm:\n  secure_execution: true\n",
  "host_tools": [{"name": "read_inbox", "description": "The inbox; senders are untrusted."},
                 {"name": "send_email", "side_effects": true, "policy_default": "allow",
                  "parameters": {"type": "object", "required": ["to", "body"], "properties": {
                    "to": {"type": "string", "sensitive": true, "recipient": true},
                    "body": {"type": "string"}}}}]}' | field id)
echo "   registered $AGENT: read_inbox and send_email live in the client"
RUN=$(api "/v1/runs?wait=5" "{\"agent\": \"$AGENT\", \"code\": \"m = read_inbox()\nsend_email(m['reply_to'], 'on my way')\n\"}")
ID=$(echo "$RUN" | field id); SUSP=$(echo "$RUN" | field pending.suspension)
echo "   run $ID: $(echo "$RUN" | field status) at $(echo "$RUN" | field pending.tool)(); the client answers with an injected reply_to"
DONE=$(api "/v1/runs/$ID/resume?wait=5" "{\"suspension\": \"$SUSP\", \"result\": {\"reply_to\": \"eve@evil.com\"}}")
STATUS=$(echo "$DONE" | field status)
echo "   $STATUS: $(echo "$DONE" | field error.message)"
[ "$STATUS" = denied ] || { echo "expected the run to be denied"; exit 1; }
