package bactrian_test

import data.bactrian

event(tool, e) := {"tool": tool, "call": "c1", "agent": "news-reporter", "event": e}

test_fetcher_may_use_https if {
    count(bactrian.runtime_deny) == 0 with input as event("fetch_page", {"kind": "connect", "addr": "93.184.216.34", "port": 443})
}

test_fetcher_may_not_reach_a_database if {
    bactrian.runtime_deny["fetch_page (call c1) connected to 10.0.0.7:5432"] with input as event("fetch_page", {"kind": "connect", "addr": "10.0.0.7", "port": 5432})
}

test_other_tools_may_not_connect_at_all if {
    count(bactrian.runtime_deny) == 1 with input as event("send_message", {"kind": "connect", "addr": "127.0.0.1", "port": 443})
}

test_no_tool_starts_a_shell if {
    bactrian.runtime_deny["web_search started /bin/bash"] with input as event("web_search", {"kind": "exec", "filename": "/bin/bash", "argv": ["bash"]})
}

test_other_programs_and_opens_pass if {
    count(bactrian.runtime_deny) == 0 with input as event("web_search", {"kind": "exec", "filename": "/usr/bin/python3", "argv": ["python3"]})
    count(bactrian.runtime_deny) == 0 with input as event("web_search", {"kind": "open", "path": "/etc/hosts", "flags": 0})
}
