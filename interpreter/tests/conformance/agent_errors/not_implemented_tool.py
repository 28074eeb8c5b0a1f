def call_tool(name, **kwargs):
    if name == "search":
        return ["r1", "r2"]
    raise NotImplementedError(f"tool {name!r} not available")
print(call_tool("search", q="x"))
print(call_tool("translate", text="hola"))
