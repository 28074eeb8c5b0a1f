# Runtime rules: judged on every event the eBPF sensor reports of a tool (docs/policy.md,
# "Runtime events").
package bactrian

# Only the fetcher may reach the network, and only on 443.
runtime_deny contains msg if {
    input.event.kind == "connect"
    some why in {input.tool != "fetch_page", input.event.port != 443}
    why
    msg := sprintf("%s (call %s) connected to %s:%d", [input.tool, input.call, input.event.addr, input.event.port])
}

# No tool starts a shell.
runtime_deny contains msg if {
    input.event.kind == "exec"
    regex.match(`/(ba|da)?sh$`, input.event.filename)
    msg := sprintf("%s started %s", [input.tool, input.event.filename])
}
