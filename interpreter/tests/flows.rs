//! Strict mode's control-flow rules (docs/labels.md), one construct per test: the branch not
//! taken reaches aliases, closures and callees; exceptions carry their operands and context;
//! a `try` body's later code runs under what it computed; and the precision rules (presence
//! of dict entries, model fields, a list's fixed prefix) keep what the plan wrote trusted.
//!
//! `web_search` returns `{"title": ..., "email": "attacker@evil.com", "items": ["a", "b"],
//! "n": 3, "num": "42", "key": "title", "flag": true}` (see `common`).

mod common;

use common::*;

// ---------------------------------------------------------------------------------------------
// The branch not taken

#[test]
fn a_write_through_an_alias_in_a_branch_not_taken_is_relabeled() {
    // `inner` aliases `box["to"]`; the branch writes through the alias, the plan reads the box.
    let src = r#"
        r = web_search('q')
        box = {"to": ["bob@x.com"]}
        inner = box["to"]
        if r["flag"] == "never":
            inner[0] = "carol@x.com"
        to = box["to"][0]
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_closure_that_mutates_a_captured_list_in_a_branch_not_taken_is_relabeled() {
    let src = r#"
        r = web_search('q')
        def make():
            targets = ["bob@x.com"]
            def pick():
                targets[0] = "carol@x.com"
            return targets, pick
        targets, pick = make()
        if r["flag"] == "never":
            pick()
        to = targets[0]
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_function_that_returns_early_relabels_what_the_rest_of_it_writes() {
    let src = r#"
        r = web_search('q')
        flag = ["yes"]
        def f():
            if r["flag"]:
                return
            flag[0] = "no"
        f()
        to = "bob@x.com" if flag[0] == "yes" else "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_nested_model_field_written_in_a_branch_not_taken_is_relabeled() {
    let src = r#"
        r = web_search('q')
        class Inner(BaseModel):
            to: str
        class Outer(BaseModel):
            inner: Inner
        o = Outer(inner=Inner(to="bob@x.com"))
        alias = o.inner
        if r["flag"] == "never":
            alias.to = "carol@x.com"
        to = o.inner.to
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_read_only_function_under_an_untrusted_condition_leaves_its_argument_trusted() {
    let src = r#"
        r = web_search('q')
        team = {"lead": "bob@x.com", "ops": "carol@x.com"}
        def describe(t):
            return ", ".join(sorted(t.values()))
        if r["flag"]:
            print(describe(team))
            x = team.get("ops")
        to = team["lead"]
    "#;
    assert_trusted(src, "to");
}

// ---------------------------------------------------------------------------------------------
// Exceptions

#[test]
fn an_exception_quoting_an_untrusted_key_is_untrusted() {
    let src = r#"
        r = web_search('q')
        extra = {r["email"]: 1}
        def noop():
            pass
        to = "bob@x.com"
        try:
            noop(**extra)
        except TypeError as e:
            to = str(e).split("'")[1]
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn whether_an_exception_happens_decides_the_rest_of_the_try_body() {
    let src = r#"
        r = web_search('q')
        to = "bob@x.com"
        try:
            x = 1 // (len(r["title"]) - 13)
            to = "carol@x.com"
        except ZeroDivisionError:
            pass
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_finally_that_breaks_swallows_an_exception_with_its_label() {
    let src = r#"
        r = web_search('q')
        to = "bob@x.com"
        for _ in range(1):
            try:
                int(r["title"])
                to = "carol@x.com"
            finally:
                break
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn finally_runs_under_the_context_of_the_try_statement() {
    let src = r#"
        r = web_search('q')
        try:
            n = int(r["num"])
        except ValueError:
            n = 0
        finally:
            to = "bob@x.com"
    "#;
    assert_trusted(src, "to");
}

#[test]
fn an_emptied_list_decides_whether_max_raises() {
    let src = r#"
        r = web_search('q')
        picked = [x for x in r["items"] if x == "z"]
        to = "bob@x.com"
        try:
            max(picked)
        except ValueError:
            to = "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

// ---------------------------------------------------------------------------------------------
// Calls outside the context that decided them

#[test]
fn a_tool_call_in_a_comprehension_with_an_untrusted_filter_carries_the_filter() {
    let src = r#"
        r = web_search('q')
        sent = [send_message("bob@x.com", "hi") for x in ["a"] if r["flag"]]
    "#;
    assert!(!arg_trusted(&the_send(src), 0, "to"));
}

#[test]
fn a_key_function_chosen_by_an_untrusted_condition_runs_under_it() {
    let src = r#"
        r = web_search('q')
        def loud(x):
            send_message("bob@x.com", x)
            return x
        def quiet(x):
            return x
        ordered = sorted(["a", "b"], key=loud if r["flag"] else quiet)
    "#;
    let sent = sent_args(src);
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|c| !arg_trusted(c, 0, "to")));
}

#[test]
fn map_over_an_untrusted_list_calls_under_its_shape() {
    let src = r#"
        r = web_search('q')
        def notify(x):
            return send_message("bob@x.com", x)
        done = list(map(notify, r["items"]))
    "#;
    let sent = sent_args(src);
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|c| !arg_trusted(c, 0, "to")));
}

// ---------------------------------------------------------------------------------------------
// Index writes

#[test]
fn an_untrusted_index_decides_which_slot_holds_a_trusted_value() {
    let src = r#"
        r = web_search('q')
        slots = ["bob@x.com", "carol@x.com"]
        slots[r["n"] % 2] = "dave@x.com"
        to = slots[0]
    "#;
    assert_untrusted(src, "to");
    let src = r#"
        r = web_search('q')
        slots = ["bob@x.com", "carol@x.com"]
        slots.pop(r["n"] % 2)
        to = slots[0]
    "#;
    assert_untrusted(src, "to");
}

// ---------------------------------------------------------------------------------------------
// Precision: what the plan wrote stays trusted

#[test]
fn a_key_the_plan_stored_reads_as_trusted_in_an_untrusted_dict() {
    let src = r#"
        page = dict(web_search('q'))
        page["file_path"] = "reports/x.md"
        path = page["file_path"]
    "#;
    assert_trusted(src, "path");
}

#[test]
fn an_untrusted_key_may_replace_any_entry() {
    let src = r#"
        r = web_search('q')
        d = {"to": "bob@x.com"}
        d[r["key"]] = "x"
        to = d["to"]
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn updating_one_model_field_leaves_the_others_trusted() {
    let src = r#"
        r = web_search('q')
        class Report(BaseModel):
            path: str
            body: str
        rep = Report(path="reports/x.md", body="")
        for item in r["items"]:
            rep.body += item
        path = rep.path
    "#;
    assert_trusted(src, "path");
}

#[test]
fn appending_untrusted_items_leaves_the_first_item_trusted() {
    let src = r#"
        r = web_search('q')
        recipients = ["bob@x.com"]
        for item in r["items"]:
            recipients.append(item)
        to = recipients[0]
        last = recipients[-1]
        n = len(recipients)
    "#;
    assert_trusted(src, "to");
    assert_untrusted(src, "last");
    assert_untrusted(src, "n");
}

#[test]
fn inserting_at_the_front_moves_the_fixed_prefix() {
    let src = r#"
        r = web_search('q')
        recipients = ["bob@x.com"]
        if r["flag"]:
            recipients.insert(0, "carol@x.com")
        to = recipients[0]
    "#;
    assert_untrusted(src, "to");
}

// ---------------------------------------------------------------------------------------------
// Choices that leave something untouched

#[test]
fn the_list_a_write_did_not_choose_is_relabeled_too() {
    let src = r#"
        r = web_search('q')
        a = []
        b = []
        [a, b][r["n"] % 2].append(1)
        empty = len(a) == 0
    "#;
    assert_untrusted(src, "empty");
}

#[test]
fn a_comprehension_filter_that_skips_an_element_relabels_its_effects() {
    let src = r#"
        r = web_search('q')
        hits = []
        done = [hits.append(w) for w in ["a", "b"] if w == r["title"]]
        empty = len(hits) == 0
    "#;
    assert_untrusted(src, "empty");
}

#[test]
fn an_and_decided_by_its_first_operand_relabels_the_rest() {
    let src = r#"
        r = web_search('q')
        hits = []
        done = (r["title"] == "no") and hits.append(1)
        empty = len(hits) == 0
    "#;
    assert_untrusted(src, "empty");
}

#[test]
fn any_that_stops_early_relabels_what_the_rest_would_change() {
    let src = r#"
        r = web_search('q')
        seen = []
        def check(w):
            seen.append(w)
            return w == r["title"]
        found = any(check(w) for w in ["Breaking news", "b"])
        n = len(seen)
    "#;
    assert_untrusted(src, "n");
}

#[test]
fn a_counter_in_an_untrusted_loop_leaves_the_other_variables_trusted() {
    let src = r#"
        r = web_search('q')
        recipients = ["bob@x.com"]
        n = 0
        for item in r["items"]:
            n += 1
        to = recipients[0]
    "#;
    assert_trusted(src, "to");
    assert_untrusted(src, "n");
}

#[test]
fn a_name_left_unbound_by_a_branch_not_taken_is_untrusted_when_read() {
    let src = r#"
        r = web_search('q')
        if r["flag"] == "never":
            x = 1
        try:
            x
            to = "bob@x.com"
        except NameError:
            to = "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_builtin_name_a_branch_not_taken_could_have_rebound_is_untrusted_when_read() {
    let src = r#"
        r = web_search('q')
        def one(xs):
            return 2
        if r["flag"] == "never":
            sum = one
        to = "bob@x.com" if sum([1]) == 1 else "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_local_that_shadows_a_builtin_keeps_its_effects() {
    let src = r#"
        r = web_search('q')
        def pick():
            targets = ["bob@x.com"]
            sum = lambda v: targets.append(v)
            if r["flag"] == "never":
                sum("carol@x.com")
            return targets[-1]
        to = pick()
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_walrus_in_an_operand_not_evaluated_is_relabeled() {
    let src = r#"
        r = web_search('q')
        to = "bob@x.com"
        r["flag"] == "never" and (to := "carol@x.com")
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_nonlocal_write_in_a_call_not_made_is_relabeled() {
    let src = r#"
        r = web_search('q')
        def choose():
            to = "bob@x.com"
            def switch():
                nonlocal to
                to = "carol@x.com"
            if r["flag"] == "never":
                switch()
            return to
        to = choose()
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_nonlocal_write_under_an_untrusted_condition_is_relabeled() {
    let src = r#"
        r = web_search('q')
        def choose():
            to = "bob@x.com"
            def maybe():
                nonlocal to
                if r["flag"] == "never":
                    to = "carol@x.com"
            maybe()
            return to
        to = choose()
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_custom_exception_raised_under_an_untrusted_condition_carries_it() {
    let src = r#"
        r = web_search('q')
        class Stop(Exception):
            pass
        try:
            if r["flag"] == "never":
                raise Stop("x")
            to = "bob@x.com"
        except Stop:
            to = "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn plan_written_names_that_shadow_builtins_stay_trusted() {
    let src = r#"
        r = web_search('q')
        id = "bob@x.com"
        def pick(type="x"):
            filter = [id]
            return filter[0]
        to = pick()
    "#;
    assert_trusted(src, "to");
}

#[test]
fn a_slice_assignment_of_an_untrusted_number_of_items_moves_what_follows() {
    let src = r#"
        r = web_search('q')
        recipients = ["bob@x.com", "carol@x.com"]
        recipients[0:0] = r["items"]
        to = recipients[-1]
        first = recipients[0]
    "#;
    assert_untrusted(src, "to");
    assert_untrusted(src, "first");
}

#[test]
fn dict_fromkeys_of_untrusted_keys_has_an_untrusted_length() {
    let src = r#"
        r = web_search('q')
        seen = dict.fromkeys(r["items"])
        to = "bob@x.com" if len(seen) == 2 else "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_handler_that_unbinds_its_name_in_one_run_and_not_another_is_relabeled() {
    let src = r#"
        r = web_search('q')
        err = "kept"
        try:
            if r["flag"] == "never":
                raise ValueError("x")
        except ValueError as err:
            pass
        try:
            err
            to = "bob@x.com"
        except NameError:
            to = "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_name_bound_only_in_this_run_is_read_under_its_binding_label() {
    let src = r#"
        r = web_search('q')
        if r["flag"] == "never":
            pass
        else:
            x = 1
        try:
            x
            to = "bob@x.com"
        except NameError:
            to = "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_handler_name_rebound_only_when_the_handler_runs_is_relabeled() {
    let src = r#"
        r = web_search('q')
        err = "kept"
        try:
            if r["flag"] == "never":
                raise ValueError("x")
        except ValueError as err:
            pass
        e2 = err
    "#;
    assert_untrusted(src, "e2");
}

#[test]
fn a_dict_merged_in_place_in_a_branch_not_taken_is_relabeled() {
    let src = r#"
        r = web_search('q')
        d = {"to": "bob@x.com"}
        if r["flag"] == "never":
            d |= {"to": "carol@x.com"}
        to = d["to"]
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn a_set_changed_in_place_in_a_branch_not_taken_is_relabeled() {
    let src = r#"
        r = web_search('q')
        s = {"bob@x.com"}
        if r["flag"] == "never":
            s -= {"bob@x.com"}
        to = "bob@x.com" if "bob@x.com" in s else "carol@x.com"
    "#;
    assert_untrusted(src, "to");
}

// ---------------------------------------------------------------------------------------------
// Dict views are live

#[test]
fn a_view_taken_before_an_untrusted_insert_shows_its_label() {
    // The view was made while the dict held only the plan's key; an untrusted key added
    // afterwards decides its length and its items.
    let src = r#"
        r = web_search('q')
        d = {"to": "bob@x.com"}
        keys = d.keys()
        d[r["key"]] = 1
        n = len(keys)
        last = list(keys)[-1]
        to = "bob@x.com" if n == 1 else "carol@x.com"
    "#;
    assert_untrusted(src, "n");
    assert_untrusted(src, "last");
    assert_untrusted(src, "to");
}

#[test]
fn a_view_of_a_dict_only_the_plan_wrote_stays_trusted() {
    let src = r#"
        r = web_search('q')
        d = {"to": "bob@x.com"}
        values = d.values()
        d["cc"] = "carol@x.com"
        to = list(values)[0]
    "#;
    assert_trusted(src, "to");
}
