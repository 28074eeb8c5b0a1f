"""A client for `bactrian serve`: register an agent with host tools (your own Python
functions), run planner-written plans, and answer their host calls as they come.

    from bactrian import Client, tool

    @tool(description="The user's inbox.")
    def read_inbox() -> dict:
        return {"reply_to": "bob@example.com", "body": "lunch?"}

    @tool(side_effects=True, policy_default="allow", sensitive=["to"], recipients=["to"])
    def send_email(to: str, body: str) -> str:
        ...
        return "sent"

    client = Client(socket="bactrian-state/bactrian.sock")
    agent = client.register_agent(agent_yaml=YAML, tools=[read_inbox, send_email])
    run = agent.run("m = read_inbox()\\nsend_email(m['reply_to'], 'yes')\\n",
                    query="answer my last email")
    print(run.status, run.stdout)

Only the standard library is used. See docs/serve.md for the API.
"""

from .client import Agent, BactrianError, Client, Run, tool

__all__ = ["Agent", "BactrianError", "Client", "Run", "tool"]
