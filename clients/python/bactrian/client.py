"""The HTTP client, host tools, and the loop that answers a run's host calls."""

import http.client
import inspect
import json
import socket
import typing
import urllib.parse

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean",
               list: "array", dict: "object"}


def _with_given(body, **optional):
    """`body` with each of `optional` that is not None."""
    body.update({k: v for k, v in optional.items() if v is not None})
    return body


class BactrianError(Exception):
    """An error answer from the daemon: `status` (HTTP), `code` and `message`."""

    def __init__(self, status, code, message):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


def tool(fn=None, *, description=None, side_effects=False, sensitive=(), recipients=(),
         redact=(), trusted_output=False, output_readers=None, audience=None,
         policy_default=None):
    """Declares a function as a host tool. Its parameters (with their type hints and
    defaults) become the tool's JSON Schema; the labels are agent.yaml's: `sensitive` and
    `recipients` name parameters, `trusted_output` and `output_readers` label its result."""

    def wrap(f):
        properties, required = {}, []
        hints = typing.get_type_hints(f)
        for name, p in inspect.signature(f).parameters.items():
            prop = {}
            ty = hints.get(name)
            if ty in _JSON_TYPES:
                prop["type"] = _JSON_TYPES[ty]
            if name in sensitive:
                prop["sensitive"] = True
            if name in recipients:
                prop["recipient"] = True
            if name in redact:
                prop["redact"] = True
            if p.default is inspect.Parameter.empty:
                required.append(name)
            else:
                prop["default"] = p.default
            properties[name] = prop
        decl = {"name": f.__name__,
                "parameters": {"type": "object", "properties": properties,
                               "required": required},
                "side_effects": side_effects, "trusted_output": trusted_output}
        doc = description or inspect.getdoc(f)
        if doc:
            decl["description"] = doc
        f.__bactrian_tool__ = _with_given(decl, output_readers=output_readers,
                                          audience=audience, policy_default=policy_default)
        return f

    return wrap(fn) if fn is not None else wrap


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


class Client:
    """One connection to the daemon: `socket=PATH` (the default transport) or
    `url="http://127.0.0.1:8700"` with `token=`."""

    def __init__(self, socket=None, url=None, token=None, timeout=120.0):
        if (socket is None) == (url is None):
            raise ValueError("give either socket or url")
        self._socket, self._url, self.token, self._timeout = socket, url, token, timeout
        self._conn = None

    def _connection(self):
        if self._conn is None:
            if self._socket is not None:
                self._conn = _UnixConnection(self._socket, self._timeout)
            else:
                u = urllib.parse.urlsplit(self._url)
                self._conn = http.client.HTTPConnection(u.hostname, u.port or 80,
                                                        timeout=self._timeout)
        return self._conn

    def request(self, method, path, body=None):
        """Sends one request; the parsed JSON answer (text for the prompt), or
        BactrianError."""
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=data, headers=headers)
                resp = conn.getresponse()
                raw = resp.read()
                break
            except (ConnectionError, http.client.HTTPException):
                # A keep-alive connection the daemon closed: once more on a fresh one.
                conn.close()
                self._conn = None
                if attempt == 2:
                    raise
        text = raw.decode("utf-8", "replace")
        if "json" not in (resp.getheader("Content-Type") or ""):
            if resp.status >= 400:
                raise BactrianError(resp.status, "error", text)
            return text
        value = json.loads(text) if text else None
        if resp.status >= 400:
            err = (value or {}).get("error", {})
            raise BactrianError(resp.status, err.get("code", "error"), err.get("message", text))
        return value

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def health(self):
        return self.request("GET", "/v1/health")

    def register_agent(self, agent_yaml=None, path=None, base_dir=None, tools=()):
        """Registers an agent (agent.yaml text or path) with host tools (functions decorated
        with @tool); returns an Agent that runs plans and calls those functions."""
        body = {"host_tools": [f.__bactrian_tool__ for f in tools]}
        if agent_yaml is not None:
            body["agent_yaml"] = agent_yaml
            if base_dir is not None:
                body["base_dir"] = str(base_dir)
        if path is not None:
            body["path"] = str(path)
        view = self.request("POST", "/v1/agents", body)
        return Agent(self, view, {f.__name__: f for f in tools})

    def runs(self, status=None):
        query = f"?status={urllib.parse.quote(status)}" if status else ""
        return [Run(r) for r in self.request("GET", f"/v1/runs{query}")["runs"]]

    def approve(self, run, answer="once"):
        """Answers a run's pending approval (needs the approver scope): once, always, deny."""
        view = self.request("POST", f"/v1/runs/{run.id}/approve?wait=60",
                            {"suspension": run.pending["suspension"], "answer": answer})
        return Run(view)


class Run:
    """A run as the daemon last described it."""

    def __init__(self, view):
        self.view = view

    def __getattr__(self, name):
        try:
            return self.view[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        return f"Run({self.view.get('id')!r}, {self.view.get('status')!r})"


class Agent:
    """A registered agent and the functions behind its host tools."""

    def __init__(self, client, view, functions):
        self.client, self.view, self.functions = client, view, functions
        self.id = view["id"]

    def prompt(self):
        """The planner's system prompt for this agent."""
        return self.client.request("GET", f"/v1/agents/{self.id}/prompt")

    def start(self, code, query="", session=None, limits=None, idempotency_key=None):
        body = _with_given({"agent": self.id, "code": code, "query": query},
                           session=session, limits=limits, idempotency_key=idempotency_key)
        return Run(self.client.request("POST", "/v1/runs?wait=60", body))

    def run(self, code, query="", session=None, limits=None, on_approval=None):
        """Runs a plan to its end, calling this agent's host tools as the plan asks (an
        exception in one reaches the plan as a ToolError). A pending approval goes to
        `on_approval(run)` (which answers it, with an approver's client) or ends the wait."""
        run = self.start(code, query, session, limits)
        while True:
            while run.status == "running":
                run = Run(self.client.request("GET", f"/v1/runs/{run.id}?wait=60"))
            if run.status != "suspended":
                return run
            pending = run.pending
            if pending["kind"] == "approval":
                if on_approval is None:
                    return run
                on_approval(run)
                run = Run(self.client.request("GET", f"/v1/runs/{run.id}?wait=60"))
                if (run.pending or {}).get("suspension") == pending["suspension"]:
                    return run  # not answered: the caller decides what next
                continue
            answer = {"suspension": pending["suspension"]}
            try:
                answer["result"] = self.functions[pending["tool"]](**pending["args"])
            except Exception as e:  # the tool failed: the plan sees a ToolError
                answer = {"suspension": pending["suspension"],
                          "error": f"{type(e).__name__}: {e}"}
            run = Run(self.client.request("POST", f"/v1/runs/{run.id}/resume?wait=60", answer))
