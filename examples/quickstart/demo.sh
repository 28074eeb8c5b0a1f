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
