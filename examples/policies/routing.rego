# The seed agent's routing table as Rego (the same decisions as routing.yaml).
package bactrian

# The parameters that decide where each tool acts. Every other parameter (content,
# title, description, message, body) may carry untrusted text.
sensitive := {
	"send_message": {"to"},
	"commit_files": {"project_id", "file_path"},
	"create_branch": {"branch_name", "project_id"},
	"create_mr": {"target_branch", "project_id"},
	"delegate_task": {"target_agent"},
}

# The parameters that name who receives the call's data.
recipient_params := {"send_message": {"to"}}

# --- deny: sensitive parameters ---------------------------------------------------

deny contains msg if {
	some name in sensitive[input.tool]
	node := input.args[name]
	not node.trusted == true
	not user_given(node.value)
	not items_pass(node)
	msg := sprintf("%s came from %s; %s.%s is sensitive and must be trusted or a value the user gave", [name, describe(node), input.tool, name])
}

# The cheap tests come first in the rule above: most arguments are trusted, and the
# functions below then never run.

# A value the user gave: strings as they are, numbers in decimal (149 and "149" are
# the same value).
user_given(v) if {
	type_name(v) in {"string", "number"}
	sprintf("%v", [v]) in user_texts
}

user_texts := {sprintf("%v", [v]) | some v in input.user.trusted_values}

# A non-empty list whose every item is trusted or user-given (two levels deep: Rego
# functions cannot recurse).
items_pass(node) if {
	count(node.items) > 0
	every item in node.items {
		item_passes(item)
	}
}

item_passes(item) if item.trusted == true

item_passes(item) if user_given(item.value)

item_passes(item) if {
	count(item.items) > 0
	every inner in item.items {
		inner.trusted == true
	}
}

# "web_search (call c1), fetch_page (call c2)"
describe(node) := concat(", ", [describe_source(s) | some s in node.sources; not source_trusted(s)])

source_trusted(s) if s.trusted == true

source_trusted(s) if {
	not "trusted" in object.keys(s)
	s.kind in {"user", "program", "system"}
}

describe_source(s) := sprintf("%s%s%s", [source_name(s), call_part(s), inner_part(s)])

source_name(s) := s.name

source_name(s) := "query_ai_assistant" if {
	not s.name
	s.kind == "quarantined_llm"
}

source_name(s) := s.kind if {
	not s.name
	s.kind != "quarantined_llm"
}

call_part(s) := sprintf(" (call %v)", [s.call])

call_part(s) := "" if not s.call

inner_part(s) := sprintf(" from %v", [s.inner])

inner_part(s) := "" if not s.inner

# --- deny: recipients must be readers of the content ------------------------------

deny contains msg if {
	some to in recipient_params[input.tool]
	some principal in recipients(input.args[to].value)
	some name, node in input.args
	not name in recipient_params[input.tool]
	is_array(node.readers)
	not principal in node.readers
	msg := sprintf("%s: %s may not read %s (readers: %s)", [to, principal, name, concat(", ", node.readers)])
}

recipients(v) := [v] if is_string(v)

recipients(v) := v if is_array(v)

# --- ask, log, allow --------------------------------------------------------------

ask contains msg if {
	input.tool == "create_mr"
	input.args.target_branch.value in {"main", "master"}
	msg := sprintf("a merge request into %s needs approval", [input.args.target_branch.value])
}

log contains "work delegated to another agent" if input.tool == "delegate_task"

# The routing table knows this tool and nothing above denied it.
allow if {
	sensitive[input.tool]
	count(deny) == 0
}
