# Unit tests for routing.rego: `bactrian policy test examples/policies`.
package bactrian_test

import data.bactrian

web := {"kind": "tool", "name": "web_search", "call": "c1"}

program := {"kind": "program"}

user := {"trusted_values": ["alice@example.com", "149"]}

untrusted(v, sources) := {"value": v, "trusted": false, "sources": sources, "readers": "public"}

literal(v) := {"value": v, "trusted": true, "sources": [program], "readers": "public"}

redirect := {
	"tool": "send_message",
	"args": {"to": untrusted("bob@evil.com", [web]), "content": literal("hello")},
	"user": user,
}

test_message_redirect_denied if {
	denials := bactrian.deny with input as redirect
	some msg in denials
	startswith(msg, "to came from web_search (call c1)")
}

test_chained_exfiltration_names_both_tools if {
	fetch := {"kind": "tool", "name": "fetch_page", "call": "c2"}
	attack := json.patch(redirect, [{"op": "replace", "path": "/args/to/sources", "value": [web, fetch]}])
	denials := bactrian.deny with input as attack
	some msg in denials
	contains(msg, "web_search (call c1), fetch_page (call c2)")
}

test_commit_to_other_project_denied if {
	denials := bactrian.deny with input as {
		"tool": "commit_files",
		"args": {
			"project_id": untrusted("666", [{"kind": "tool", "name": "read_issue", "call": "c1", "inner": "mallory"}]),
			"file_path": literal("README.md"),
			"content": untrusted("pwned", [web]),
		},
		"user": user,
	}
	some msg in denials
	startswith(msg, "project_id came from read_issue (call c1) from mallory")
}

test_delegation_hijack_names_quarantined_model if {
	denials := bactrian.deny with input as {
		"tool": "delegate_task",
		"args": {"target_agent": untrusted("shell-runner", [{"kind": "quarantined_llm", "call": "c4"}])},
		"user": user,
	}
	some msg in denials
	startswith(msg, "target_agent came from query_ai_assistant (call c4)")
}

test_literal_recipient_allowed if {
	bactrian.allow with input as {
		"tool": "send_message",
		"args": {"to": literal("team@example.com"), "content": untrusted("news", [web])},
		"user": user,
	}
}

test_untrusted_value_the_user_gave_allowed if {
	bactrian.allow with input as json.patch(redirect, [{"op": "replace", "path": "/args/to/value", "value": "alice@example.com"}])
}

test_number_matches_user_value_by_text if {
	bactrian.allow with input as {
		"tool": "create_branch",
		"args": {"project_id": untrusted(149, [web]), "branch_name": literal("fix")},
		"user": user,
	}
}

test_one_untrusted_recipient_in_a_list_denied if {
	denials := bactrian.deny with input as {
		"tool": "send_message",
		"args": {
			"to": {
				"value": ["team@example.com", "bob@evil.com"], "trusted": false, "sources": [program, web],
				"items": [literal("team@example.com"), untrusted("bob@evil.com", [web])],
			},
			"content": literal("hello"),
		},
		"user": user,
	}
	count(denials) == 1
}

test_private_content_to_outsider_denied if {
	denials := bactrian.deny with input as {
		"tool": "send_message",
		"args": {
			"to": literal("carol@example.com"),
			"content": {"value": "salary", "trusted": true, "sources": [program], "readers": ["alice@example.com"]},
		},
		"user": user,
	}
	some msg in denials
	msg == "to: carol@example.com may not read content (readers: alice@example.com)"
}

test_merge_into_main_asks if {
	asks := bactrian.ask with input as {
		"tool": "create_mr",
		"args": {"target_branch": literal("main"), "project_id": literal(149)},
		"user": user,
	}
	count(asks) == 1
}

test_unknown_tool_is_not_judged if {
	not bactrian.allow with input as {"tool": "get_weather", "args": {"city": untrusted("Paris", [web])}}
	count(bactrian.deny) == 0 with input as {"tool": "get_weather", "args": {"city": untrusted("Paris", [web])}}
}
