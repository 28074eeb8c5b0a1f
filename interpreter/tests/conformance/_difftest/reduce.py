"""Shrinking a program while a difference persists.

``reduce_source(source, keeps)`` deletes statements (at any depth), replaces
compound statements by their bodies and drops arguments of ``print`` calls,
one at a time, keeping each change after which ``keeps(candidate_source)`` is
still true, until no single change is accepted any more.
"""

import ast
import copy


def _statement_lists(tree):
    """Every (node, field) whose value is a list of statements, outermost first."""
    found = []
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                found.append((node, field))
        if isinstance(node, ast.ExceptHandler):
            pass  # its body is found through the loop above
    return found


def _candidates(tree):
    """Yield smaller variants of ``tree`` (fresh copies), most aggressive first."""
    n_lists = len(_statement_lists(tree))
    for li in range(n_lists):
        size = len(getattr(*_statement_lists(tree)[li]))
        # delete halves, then single statements
        chunk = size // 2
        while chunk >= 1:
            for start in range(0, size, chunk):
                variant = copy.deepcopy(tree)
                node, field = _statement_lists(variant)[li]
                body = getattr(node, field)
                del body[start:start + chunk]
                if not body:
                    if field == "body" and not isinstance(node, ast.Module):
                        body.append(ast.Pass())
                    elif isinstance(node, ast.Module):
                        continue
                setattr(node, field, body)
                yield variant
            chunk //= 2
    for li in range(n_lists):
        size = len(getattr(*_statement_lists(tree)[li]))
        for i in range(size):
            variant = copy.deepcopy(tree)
            node, field = _statement_lists(variant)[li]
            body = getattr(node, field)
            stmt = body[i]
            inner = []
            if isinstance(stmt, (ast.If, ast.For, ast.While, ast.Try)):
                inner = stmt.body + getattr(stmt, "finalbody", [])
                if isinstance(stmt, ast.If):
                    # an if whose condition evaluation is the point: keep it as a print
                    yield_else = copy.deepcopy(variant)
                    n2, f2 = _statement_lists(yield_else)[li]
                    b2 = getattr(n2, f2)
                    b2[i:i + 1] = stmt.orelse or [ast.Pass()]
                    yield yield_else
            elif isinstance(stmt, ast.FunctionDef):
                continue
            if inner:
                body[i:i + 1] = inner
                yield variant
    for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
        if isinstance(call.func, ast.Name) and call.func.id == "print" and len(call.args) > 1:
            index = [n for n in ast.walk(tree) if isinstance(n, ast.Call)].index(call)
            for j in range(len(call.args)):
                variant = copy.deepcopy(tree)
                vcall = [n for n in ast.walk(variant) if isinstance(n, ast.Call)][index]
                del vcall.args[j]
                yield variant


def reduce_source(source, keeps, max_checks=600):
    """The smallest variant of ``source`` found for which ``keeps`` holds."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    best = source
    checks = 0
    progress = True
    while progress and checks < max_checks:
        progress = False
        for variant in _candidates(tree):
            ast.fix_missing_locations(variant)
            try:
                text = ast.unparse(variant) + "\n"
            except Exception:  # noqa: BLE001 - a variant that cannot be printed is skipped
                continue
            if text == best:
                continue
            checks += 1
            if keeps(text):
                tree, best, progress = variant, text, True
                break
            if checks >= max_checks:
                break
    return best
