//! Labels follow the propagation table of DESIGN.md, row by row: what is computed from a tool's
//! output stays untrusted however it is reshaped, what the plan wrote stays trusted, and in
//! strict mode a branch on untrusted data taints what it assigns and the calls it makes.
//!
//! Every plan runs against the host of `common`: `web_search` returns
//! `{"title": "Breaking news", "email": "attacker@evil.com", "items": ["a", "b"], "n": 3,
//! "num": "42", "key": "title", "flag": true}`.

mod common;

use bactrian_interpreter::Mode;
use bactrian_provenance::Source;
use common::*;

// ---------------------------------------------------------------------------------------------
// Where data comes from

#[test]
fn literals_are_trusted_and_come_from_the_program() {
    assert_trusted("to = 'boss@x.com'", "to");
    assert_trusted("n = 3", "n");
    assert_trusted("xs = [1, 'a', None]", "xs");
    assert_sources("to = 'boss@x.com'", "to", &["program"]);
}

#[test]
fn tool_results_are_untrusted_and_name_the_tool() {
    let src = "r = web_search('news')";
    assert_untrusted(src, "r");
    assert_sources(src, "r", &["tool:web_search"]);
    assert_sources("e = read_email(1)['body']", "e", &["tool:read_email"]);
}

#[test]
fn a_field_of_a_tool_result_is_untrusted() {
    let src = "to = web_search('news')['email']";
    assert_untrusted(src, "to");
    assert_sources(src, "to", &["tool:web_search"]);
}

#[test]
fn trusted_tool_output_is_trusted() {
    assert_trusted("t = get_time()", "t");
    assert_sources("t = get_time()", "t", &["tool:get_time"]);
    assert_trusted("s = 'at ' + get_time()", "s");
}

#[test]
fn mixing_trusted_and_untrusted_sources_keeps_both() {
    let src = "s = get_time() + web_search('q')['title']";
    assert_untrusted(src, "s");
    assert_sources(src, "s", &["tool:get_time", "tool:web_search"]);
}

// ---------------------------------------------------------------------------------------------
// Operators, builtins and methods: the join of the operands

#[test]
fn binary_operators_join_their_operands() {
    assert_untrusted("r = web_search('q')\ns = 'to: ' + r['email']", "s");
    assert_untrusted("r = web_search('q')\nn = r['n'] * 2", "n");
    assert_untrusted("r = web_search('q')\nn = 10 - r['n']", "n");
    assert_trusted("s = 'a' + 'b'\nn = 2 ** 8", "s");
    assert_trusted("s = 'a' + 'b'\nn = 2 ** 8", "n");
}

#[test]
fn augmented_assignment_joins() {
    assert_untrusted("r = web_search('q')\ns = 'x'\ns += r['title']", "s");
    assert_untrusted("r = web_search('q')\nxs = ['a']\nxs += r['items']", "xs");
}

#[test]
fn numbers_with_one_untrusted_operand_are_untrusted() {
    // The evaluator computes plain ints and floats inline: an untrusted one on either side
    // must still go through the labeled path.
    assert_untrusted("r = web_search('q')\nt = 0\nt += r['n']", "t");
    assert_untrusted("r = web_search('q')\nt = r['n']\nt -= 1", "t");
    assert_untrusted("r = web_search('q')\nf = r['n'] / 2\ng = f * 1.5", "g");
    assert_untrusted("r = web_search('q')\nc = r['n'] / 2 < 2.5", "c");
    assert_untrusted("r = web_search('q')\nc = 3 == r['n']", "c");
    assert_trusted("t = 1\nt += 2\nf = 1.5 * 2.0\nc = f < 4.0 and t == 3", "c");
    // A plain condition inside a branch on untrusted data keeps that branch's context.
    let nested = "r = web_search('q')\nx = 0\nif r['n'] > 2:\n    if 1 < 2:\n        x = 1";
    assert_untrusted(nested, "x");
}

#[test]
fn fstrings_join_their_parts() {
    assert_untrusted("r = web_search('q')\ns = f\"hi {r['title']}!\"", "s");
    assert_untrusted("r = web_search('q')\ns = f\"{r['n']:>5}\"", "s");
    assert_trusted("name = 'Bob'\ns = f'hi {name:>5}'", "s");
}

#[test]
fn percent_formatting_joins_the_template_and_every_argument() {
    assert_untrusted("r = web_search('q')\ns = 'hi %s!' % r['title']", "s");
    assert_untrusted("r = web_search('q')\ns = '%s %d' % ('a', r['n'])", "s");
    // An untrusted item deep inside an argument, a `*` width, a mapping's value.
    assert_untrusted("r = web_search('q')\ns = '%s' % ([[r['n']]],)", "s");
    assert_untrusted("r = web_search('q')\ns = '%*d' % (r['n'], 1)", "s");
    assert_untrusted("r = web_search('q')\ns = '%(t)s' % {'t': r['title']}", "s");
    assert_untrusted("r = web_search('q')\ns = r['title'] % ()", "s");
    assert_trusted("name = 'Bob'\ns = '%-5s|%d' % (name, 3)", "s");
}

#[test]
fn translation_tables_carry_their_arguments_labels() {
    assert_untrusted(
        "r = web_search('q')\nt = str.maketrans(r['title'][:1], 'x')",
        "t",
    );
    assert_untrusted(
        "r = web_search('q')\ns = 'abc'.translate({97: r['title']})",
        "s",
    );
    assert_untrusted(
        "r = web_search('q')\ns = r['title'].translate({97: 'x'})",
        "s",
    );
    assert_untrusted(
        "r = web_search('q')\ns = 'B: {b}'.format_map({'b': r['n']})",
        "s",
    );
    assert_trusted("s = 'abc'.translate(str.maketrans('a', 'b'))", "s");
}

#[test]
fn a_format_spec_from_untrusted_data_taints_the_result() {
    assert_untrusted("r = web_search('q')\nw = r['n']\ns = f'{\"x\":>{w}}'", "s");
}

#[test]
fn conversions_keep_the_label() {
    assert_untrusted("r = web_search('q')\ns = str(r['n'])", "s");
    assert_untrusted("r = web_search('q')\ns = repr(r['title'])", "s");
    assert_untrusted("r = web_search('q')\nn = int(r['num'])", "n");
    assert_untrusted("r = web_search('q')\nf = float(r['num'])", "f");
    assert_untrusted("r = web_search('q')\nb = bool(r['title'])", "b");
    assert_untrusted("r = web_search('q')\nxs = list(r['items'])", "xs");
}

#[test]
fn methods_join_the_receiver_and_arguments() {
    assert_untrusted("r = web_search('q')\ns = r['email'].lower()", "s");
    assert_untrusted("r = web_search('q')\ns = r['email'].split('@')[1]", "s");
    assert_untrusted("r = web_search('q')\ns = ', '.join(r['items'])", "s");
    assert_untrusted(
        "r = web_search('q')\ns = 'a-b'.replace('-', r['title'])",
        "s",
    );
    assert_untrusted(
        "r = web_search('q')\nb = r['email'].endswith('@corp.com')",
        "b",
    );
}

#[test]
fn methods_on_trusted_literals_stay_trusted() {
    assert_trusted("s = 'A@B.COM'.lower()", "s");
    assert_trusted("s = '  boss@x.com '.strip().split('@')[0]", "s");
    assert_trusted("s = ', '.join(['a', 'b'])", "s");
}

#[test]
fn more_methods_and_builtins_keep_the_label() {
    assert_untrusted("r = web_search('q')\ns = '{}!'.format(r['email'])", "s");
    assert_untrusted(
        "r = web_search('q')\ni = ['a', 'b'].index(r['items'][0])",
        "i",
    );
    assert_untrusted(
        "r = web_search('q')\nc = ['a', 'b'].count(r['items'][0])",
        "c",
    );
    assert_untrusted("r = web_search('q')\nb = isinstance(r['n'], int)", "b");
    assert_untrusted("r = web_search('q')\no = ord(r['title'][0])", "o");
    assert_untrusted("r = web_search('q')\nx = next(iter(r['items']))", "x");
    assert_untrusted("r = web_search('q')\ns = {'a'} | {r['title']}", "s");
    assert_untrusted(
        "r = web_search('q')\nd = dict(zip(['to'], [r['email']]))\nto = d['to']",
        "to",
    );
    assert_untrusted(
        "r = web_search('q')\nto = ['boss@x.com', 'other@x.com'][r['flag']]",
        "to",
    );
}

#[test]
fn plan_functions_keep_the_labels_of_globals_and_defaults() {
    let src = "r = web_search('q')\ndef f(to=r['email']):\n    return to\nto = f()";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\ndef g():\n    return r['email']\nto = g()";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\npick = lambda d: d['email']\nto = pick(r)";
    assert_untrusted(src, "to");
}

#[test]
fn comparisons_join_both_sides() {
    assert_untrusted("r = web_search('q')\nc = r['n'] > 2", "c");
    assert_untrusted("r = web_search('q')\nc = r['email'] == 'boss@x.com'", "c");
    assert_untrusted("r = web_search('q')\nc = 'a' in r['items']", "c");
    assert_untrusted("r = web_search('q')\nc = 1 < r['n'] < 5", "c");
    assert_untrusted("r = web_search('q')\nc = not r['flag']", "c");
    assert_trusted("c = 3 > 2 and 'a' in ['a']", "c");
}

#[test]
fn builtins_join_their_arguments() {
    assert_untrusted("r = web_search('q')\nn = abs(r['n'])", "n");
    assert_untrusted("r = web_search('q')\nn = sum([1, r['n']])", "n");
    assert_untrusted("r = web_search('q')\nn = round(r['n'] / 7, 2)", "n");
    assert_untrusted("r = web_search('q')\nb = any([False, r['flag']])", "b");
    assert_trusted("n = sum([1, 2]) + abs(-3) + max(4, 5)", "n");
}

// ---------------------------------------------------------------------------------------------
// Containers: the full label covers every element (CaMeL's laundering hole)

#[test]
fn a_list_of_untrusted_data_is_untrusted_as_a_whole() {
    assert_untrusted("r = web_search('q')\nxs = [r['email']]", "xs");
    assert_untrusted(
        "r = web_search('q')\nxs = ['boss@x.com', [r['email']]]",
        "xs",
    );
}

#[test]
fn a_tuple_of_untrusted_data_is_untrusted_as_a_whole() {
    assert_untrusted("r = web_search('q')\nt = (r['email'],)", "t");
}

#[test]
fn a_dict_of_untrusted_data_is_untrusted_as_a_whole() {
    assert_untrusted("r = web_search('q')\nd = {'to': r['email']}", "d");
    assert_untrusted("r = web_search('q')\nd = {r['title']: 'boss@x.com'}", "d");
    assert_untrusted("r = web_search('q')\nd = dict(to=r['email'])", "d");
}

#[test]
fn a_set_of_untrusted_data_is_untrusted_as_a_whole() {
    assert_untrusted("r = web_search('q')\ns = {r['email']}", "s");
}

#[test]
fn wrapping_untrusted_data_in_a_container_does_not_launder_it_for_a_tool() {
    for wrapped in [
        "[r['email']]",
        "(r['email'],)",
        "{'to': r['email']}",
        "{r['email']}",
        "[[r['email']]]",
        "{'x': [r['email']]}",
    ] {
        let src = format!("r = web_search('q')\nsend_message({wrapped}, 'hi')");
        let send = the_send(&src);
        assert!(
            !send.args[0].is_trusted(),
            "{wrapped} reached the tool trusted"
        );
        assert!(
            send.args[1].is_trusted(),
            "the literal body of {wrapped} lost its trust"
        );
    }
}

#[test]
fn a_tool_sees_the_label_of_each_item_of_a_list() {
    let send = the_send("r = web_search('q')\nsend_message(['boss@x.com', r['email']], 'hi')");
    let items = &send.args[0].items;
    assert_eq!(items.len(), 2);
    assert!(
        items[0].is_trusted(),
        "the literal recipient should stay trusted"
    );
    assert!(
        !items[1].is_trusted(),
        "the searched recipient should be untrusted"
    );
}

#[test]
fn a_trusted_literal_taken_back_out_of_a_mixed_list_stays_trusted() {
    let src = "r = web_search('q')\nxs = ['boss@x.com', r['email']]\na = xs[0]\nb = xs[1]";
    assert_untrusted(src, "xs");
    assert_trusted(src, "a");
    assert_untrusted(src, "b");
    assert_trusted(
        "r = web_search('q')\na = ['boss@x.com', r['email']][0]",
        "a",
    );
    assert_trusted(
        "r = web_search('q')\na = ('boss@x.com', r['email'])[-2]",
        "a",
    );
}

#[test]
fn a_trusted_value_taken_out_of_a_mixed_dict_stays_trusted() {
    let src = "r = web_search('q')\nd = {'to': 'boss@x.com', 'body': r['title']}\nto = d['to']\nbody = d['body']";
    assert_trusted(src, "to");
    assert_untrusted(src, "body");
}

#[test]
fn unpacking_keeps_each_elements_own_label() {
    let src = "r = web_search('q')\nto, body = ('boss@x.com', r['title'])";
    assert_trusted(src, "to");
    assert_untrusted(src, "body");
    let src = "r = web_search('q')\nfirst, *rest = ['boss@x.com', r['title'], 'x']";
    assert_trusted(src, "first");
    assert_untrusted(src, "rest");
}

#[test]
fn unpacking_an_untrusted_sequence_taints_every_target() {
    let src = "r = web_search('q')\na, b = r['items']";
    assert_untrusted(src, "a");
    assert_untrusted(src, "b");
}

#[test]
fn an_element_of_an_untrusted_list_is_untrusted() {
    assert_untrusted("r = web_search('q')\nx = r['items'][0]", "x");
    assert_untrusted("r = web_search('q')\nx = r['items'][-1:]", "x");
}

#[test]
fn an_untrusted_index_taints_the_element() {
    // n is 3, so the index is 0, which picks a literal.
    let src = "r = web_search('q')\ni = r['n'] - 3\nto = ['boss@x.com', 'carol@x.com'][i]";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\nto = {'title': 'boss@x.com'}[r['key']]";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\ns = 'boss@x.com'[:r['n']]";
    assert_untrusted(src, "s");
}

#[test]
fn a_field_of_a_model_keeps_its_own_label() {
    let src = r#"
        r = web_search('q')
        class Message(BaseModel):
            to: str
            body: str
        m = Message(to='boss@x.com', body=r['title'])
        to = m.to
        body = m.body
    "#;
    assert_untrusted(src, "m");
    assert_trusted(src, "to");
    assert_untrusted(src, "body");
}

#[test]
fn len_of_an_untrusted_list_is_untrusted() {
    assert_untrusted("r = web_search('q')\nn = len(r['items'])", "n");
    assert_untrusted("r = web_search('q')\nn = len(r['title'])", "n");
    assert_untrusted("r = web_search('q')\nn = len(r)", "n");
}

#[test]
fn len_of_a_plan_built_list_of_untrusted_items_is_trusted() {
    let src = "r = web_search('q')\nxs = [r['email'], r['title']]\nn = len(xs)";
    assert_untrusted(src, "xs");
    assert_trusted(src, "n");
    assert_trusted("r = web_search('q')\nn = len({'a': r['email']})", "n");
}

// ---------------------------------------------------------------------------------------------
// Mutation: the new element keeps its label; keys and context join the shape

#[test]
fn append_then_read_back_does_not_launder() {
    let src = "r = web_search('q')\nxs = []\nxs.append(r['email'])\nto = xs[0]\nlast = xs[-1]\npopped = xs.pop()";
    assert_untrusted(src, "to");
    assert_untrusted(src, "last");
    assert_untrusted(src, "popped");
    let src = "r = web_search('q')\nxs = []\nxs.append(r['email'])\nfor x in xs:\n    to = x";
    assert_untrusted_in(Mode::Normal, src, "to");
    let src = "r = web_search('q')\nxs = []\nxs.append(r['email'])\ns = ','.join(xs)";
    assert_untrusted(src, "s");
}

#[test]
fn append_then_send_the_whole_list_is_untrusted() {
    let src =
        "r = web_search('q')\nxs = ['boss@x.com']\nxs.append(r['email'])\nsend_message(xs, 'hi')";
    let send = the_send(src);
    assert!(!send.args[0].is_trusted());
}

#[test]
fn appending_untrusted_data_leaves_the_other_elements_and_the_length_trusted() {
    let src = "r = web_search('q')\nxs = ['boss@x.com']\nxs.append(r['email'])\nfirst = xs[0]\nn = len(xs)";
    assert_trusted(src, "first");
    assert_trusted(src, "n");
}

#[test]
fn extend_with_an_untrusted_list_taints_the_length_and_the_new_elements() {
    // The web decided how many items were added, so the shape (and with it every lookup by
    // position, even of the old elements) is untrusted.
    let src = "r = web_search('q')\nxs = ['boss@x.com']\nxs.extend(r['items'])\nsecond = xs[1]\nn = len(xs)";
    assert_untrusted(src, "second");
    assert_untrusted(src, "n");
    assert_untrusted(src, "xs");
}

#[test]
fn insert_and_item_assignment_keep_labels_on_elements() {
    let src = "r = web_search('q')\nxs = ['a', 'b']\nxs[1] = r['email']\nxs.insert(0, 'boss@x.com')\nfirst = xs[0]\nlast = xs[2]";
    assert_trusted(src, "first");
    assert_untrusted(src, "last");
}

#[test]
fn storing_untrusted_data_under_a_trusted_key() {
    let src = "r = web_search('q')\nd = {'cc': 'boss@x.com'}\nd['to'] = r['email']\nto = d['to']\ncc = d['cc']\nn = len(d)";
    assert_untrusted(src, "to");
    assert_trusted(src, "cc");
    assert_trusted(src, "n");
    assert_untrusted(src, "d");
}

#[test]
fn storing_under_an_untrusted_key_taints_the_shape() {
    let src = "r = web_search('q')\nd = {'cc': 'boss@x.com'}\nd[r['key']] = 'lit'\nn = len(d)\nkeys = list(d)\ncc = d['cc']";
    assert_untrusted(src, "d");
    assert_untrusted(src, "n");
    assert_untrusted(src, "keys");
    // Whether 'cc' is still there, or was overwritten, depends on the untrusted key.
    assert_untrusted(src, "cc");
}

#[test]
fn update_keeps_labels_on_the_new_values() {
    let src =
        "r = web_search('q')\nd = {'cc': 'boss@x.com'}\nd.update({'to': r['email']})\nto = d['to']";
    assert_untrusted(src, "to");
    assert_untrusted(src, "d");
    let src =
        "r = web_search('q')\nd = {'cc': 'boss@x.com'}\nd.update(r)\ncc = d['cc']\nn = len(d)";
    // The keys came from the web: they may have replaced 'cc', and they decide the length.
    assert_untrusted(src, "n");
    assert_untrusted(src, "cc");
}

#[test]
fn setting_a_model_attribute_keeps_the_label_on_the_field() {
    let src = r#"
        r = web_search('q')
        class Message(BaseModel):
            to: str
            body: str
        m = Message(to='boss@x.com', body='hello')
        before = m.body
        m.body = r['title']
        body = m.body
        to = m.to
    "#;
    assert_trusted(src, "before");
    assert_untrusted(src, "body");
    assert_trusted(src, "to");
    assert_untrusted(src, "m");
}

#[test]
fn setting_a_model_attribute_then_sending_the_model_is_untrusted() {
    let src = r#"
        r = web_search('q')
        class Message(BaseModel):
            to: str
        m = Message(to='boss@x.com')
        m.to = r['email']
        send_message(m.to, 'hi')
        send_message(m, 'hi')
    "#;
    let sends = sent_args(src);
    assert_eq!(sends.len(), 2);
    assert!(!sends[0].args[0].is_trusted());
    assert!(!sends[1].args[0].is_trusted());
}

#[test]
fn mutation_through_an_alias_or_a_nested_list_does_not_launder() {
    let src = "r = web_search('q')\na = []\nb = a\nb.append(r['email'])\nto = a[0]";
    assert_untrusted(src, "to");
    assert_untrusted(src, "a");
    let src =
        "r = web_search('q')\nouter = [[]]\nouter[0].append(r['email'])\nsend_message(outer, 'hi')";
    assert!(!the_send(src).args[0].is_trusted());
    let src = "r = web_search('q')\ndef add(xs, x):\n    xs.append(x)\nlst = []\nadd(lst, r['email'])\nto = lst[0]";
    assert_untrusted(src, "to");
}

#[test]
fn other_mutating_methods_keep_labels() {
    assert_untrusted(
        "r = web_search('q')\nd = {}\nd.setdefault('to', r['email'])\nto = d['to']",
        "to",
    );
    assert_untrusted(
        "r = web_search('q')\nd = {'to': r['email']}\nto = d.pop('to')",
        "to",
    );
    let src =
        "r = web_search('q')\nxs = ['b', 'a']\nxs.append(r['title'])\nxs.sort()\nlast = xs[-1]";
    assert_untrusted(src, "last");
    let src = "r = web_search('q')\nxs = ['a', 'b', 'c']\nxs.remove(r['items'][1])\nn = len(xs)\nfirst = xs[0]";
    assert_untrusted(src, "n");
    assert_untrusted(src, "first");
}

#[test]
fn strict_mutation_under_an_untrusted_condition_taints_the_container() {
    let src = r#"
        r = web_search('q')
        lst = []
        if r['flag']:
            lst.append('boss@x.com')
        n = len(lst)
        to = lst[0]
    "#;
    assert_untrusted(src, "n");
    assert_untrusted(src, "to");
    let src = r#"
        r = web_search('q')
        d = {'to': 'boss@x.com'}
        if r['n'] > 100:
            d['to'] = 'other@x.com'
        to = d['to']
    "#;
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
    let src = r#"
        r = web_search('q')
        def add(xs):
            xs.append('boss@x.com')
        lst = []
        if r['flag']:
            add(lst)
        n = len(lst)
    "#;
    assert_untrusted(src, "n");
    let src = r#"
        r = web_search('q')
        class Message(BaseModel):
            to: str
        m = Message(to='boss@x.com')
        if r['n'] > 100:
            m.to = 'other@x.com'
        to = m.to
    "#;
    assert_untrusted(src, "to");
}

// ---------------------------------------------------------------------------------------------
// Choices: the result's shape joins what the choice depended on

#[test]
fn sorted_result_depends_on_the_compared_keys() {
    // 'b' is a literal, but that it ends up last was decided by comparing with the web's title.
    let src = "r = web_search('q')\nxs = sorted(['b', r['title'], 'a'])\nlast = xs[-1]";
    assert_untrusted(src, "last");
    let src = "xs = sorted(['b', 'c', 'a'])\nlast = xs[-1]";
    assert_trusted(src, "last");
}

#[test]
fn sorted_by_an_untrusted_key_taints_the_order() {
    let src = r#"
        r = web_search('q')
        people = ['boss@x.com', 'carol@x.com']
        xs = sorted(people, key=lambda p: p == r['email'])
        first = xs[0]
    "#;
    assert_untrusted(src, "first");
}

#[test]
fn min_and_max_depend_on_every_compared_value() {
    // The literal wins, but only because it was compared with the attacker's address.
    let src = "r = web_search('q')\nto = max('boss@x.com', r['email'])";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\nto = max(['boss@x.com', r['email']])";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\nto = min(['boss@x.com', 'carol@x.com'], key=lambda p: p == r['email'])";
    assert_untrusted(src, "to");
    assert_trusted("to = max(['boss@x.com', 'carol@x.com'])", "to");
}

#[test]
fn filter_result_depends_on_the_condition() {
    let src = r#"
        r = web_search('q')
        people = ['boss@x.com', 'carol@x.com']
        kept = list(filter(lambda p: p != r['email'], people))
        n = len(kept)
        first = kept[0]
    "#;
    assert_untrusted(src, "n");
    assert_untrusted(src, "first");
}

#[test]
fn a_comprehension_if_taints_the_result_shape() {
    let src = r#"
        r = web_search('q')
        people = ['boss@x.com', 'carol@x.com']
        kept = [p for p in people if p != r['email']]
        n = len(kept)
        first = kept[0]
    "#;
    assert_untrusted(src, "n");
    assert_untrusted(src, "first");
    let src = "people = ['boss@x.com', 'carol@x.com']\nkept = [p for p in people if p != 'x']\nfirst = kept[0]";
    assert_trusted(src, "first");
}

#[test]
fn a_comprehension_if_taints_the_result_shape_in_normal_mode_too() {
    let src = r#"
        r = web_search('q')
        people = ['boss@x.com', 'carol@x.com']
        kept = [p for p in people if p != r['email']]
        first = kept[0]
    "#;
    assert_untrusted_in(Mode::Normal, src, "first");
    let src = r#"
        r = web_search('q')
        people = ['boss@x.com', 'carol@x.com']
        kept = list(filter(lambda p: p != r['email'], people))
        first = kept[0]
    "#;
    assert_untrusted_in(Mode::Normal, src, "first");
}

#[test]
fn dict_get_with_an_untrusted_key_is_untrusted() {
    let src = "r = web_search('q')\nd = {'title': 'boss@x.com'}\nto = d.get(r['key'])";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\nd = {'x': 'boss@x.com'}\nto = d.get(r['key'], 'carol@x.com')";
    assert_untrusted(src, "to");
    let src = "r = web_search('q')\nd = {'x': 'boss@x.com', 'y': r['title']}\nto = d.get('x')";
    assert_trusted(src, "to");
}

#[test]
fn membership_of_an_untrusted_key_is_untrusted() {
    let src = "r = web_search('q')\nd = {'title': 1}\nc = r['key'] in d";
    assert_untrusted(src, "c");
}

// ---------------------------------------------------------------------------------------------
// Tool arguments: positional and keyword alike

#[test]
fn positional_arguments_carry_their_labels() {
    let send = the_send("r = web_search('q')\nsend_message(r['email'], 'hi')");
    assert!(
        !send.args[0].is_trusted(),
        "a positional recipient slipped by"
    );
    assert!(send.args[1].is_trusted());
    let send = the_send("r = web_search('q')\nsend_message('boss@x.com', r['title'])");
    assert!(send.args[0].is_trusted());
    assert!(!send.args[1].is_trusted());
}

#[test]
fn keyword_arguments_carry_their_labels() {
    let send = the_send("r = web_search('q')\nsend_message(to=r['email'], content='hi')");
    assert!(!arg_trusted(&send, 99, "to"));
    assert!(arg_trusted(&send, 99, "content"));
    let send = the_send("r = web_search('q')\nsend_message('boss@x.com', content=r['title'])");
    assert!(send.args[0].is_trusted());
    assert!(!arg_trusted(&send, 99, "content"));
}

#[test]
fn star_arguments_carry_the_labels_of_their_elements() {
    let send = the_send("r = web_search('q')\nargs = [r['email'], 'hi']\nsend_message(*args)");
    assert!(
        !send.args[0].is_trusted(),
        "a recipient passed through *args slipped by"
    );
    let send = the_send(
        "r = web_search('q')\nkw = {'to': r['email'], 'content': 'hi'}\nsend_message(**kw)",
    );
    assert!(
        !arg_trusted(&send, 99, "to"),
        "a recipient passed through **kwargs slipped by"
    );
}

#[test]
fn an_argument_names_the_tool_in_its_lineage() {
    let send = the_send("r = web_search('q')\nto = r['email'].lower()\nsend_message(to, 'hi')");
    assert!(
        send.args[0].lineage.contains("web_search"),
        "lineage: {}",
        send.args[0].lineage
    );
}

#[test]
fn passing_through_a_plan_function_keeps_the_label() {
    let src = r#"
        r = web_search('q')
        def recipient(d):
            return d['email'].strip()
        send_message(recipient(r), 'hi')
    "#;
    assert!(!the_send(src).args[0].is_trusted());
}

#[test]
fn a_function_chosen_by_untrusted_data_returns_an_untrusted_result() {
    // The web picks which function runs, and so which recipient comes back.
    for mode in [Mode::Strict, Mode::Normal] {
        let src = "r = web_search('q')\nfs = {'a': lambda: 'a@x.com', 'b': lambda: 'b@x.com'}\nto = fs[r['items'][0]]()";
        assert_untrusted_in(mode, src, "to");
        let src =
            "r = web_search('q')\nfns = [min, max]\nto = fns[r['flag']](['a@x.com', 'b@x.com'])";
        assert_untrusted_in(mode, src, "to");
        let src =
            "r = web_search('q')\nms = ['a@x.com'.upper, 'b@x.com'.lower]\nto = ms[r['flag']]()";
        assert_untrusted_in(mode, src, "to");
        let src = r#"
            r = web_search('q')
            class A(BaseModel):
                to: str = 'a@x.com'
            class B(BaseModel):
                to: str = 'b@x.com'
            m = [A, B][r['flag']]()
            to = m.to
        "#;
        assert_untrusted_in(mode, src, "to");
        assert_untrusted_in(mode, "r = web_search('q')\nn = type(r['n'])('7')", "n");
        let src = r#"
            r = web_search('q')
            if r['flag']:
                def pick():
                    return 'a@x.com'
            else:
                def pick():
                    return 'b@x.com'
            to = pick()
        "#;
        if mode == Mode::Strict {
            assert_untrusted_in(mode, src, "to");
        }
    }
}

#[test]
fn strict_a_tool_chosen_by_untrusted_data_gets_untrusted_arguments() {
    let src = r#"
        r = web_search('q')
        tools = {'a': send_message, 'b': commit_files}
        tools[r['items'][0]]('boss@x.com', 'hi')
    "#;
    assert!(
        !the_send(src).args[0].is_trusted(),
        "the web chose the tool"
    );
    let src = r#"
        r = web_search('q')
        actions = {'a': lambda: send_message('boss@x.com', 'hi'), 'b': lambda: None}
        actions[r['items'][0]]()
    "#;
    assert!(
        !the_send(src).args[0].is_trusted(),
        "the web chose whether to send"
    );
}

// ---------------------------------------------------------------------------------------------
// Control flow: strict mode taints what a branch on untrusted data assigns and calls

const IF_ELSE: &str = r#"
    r = web_search('q')
    if r['n'] > 2:
        to = 'a@x.com'
    else:
        to = 'b@x.com'
"#;

#[test]
fn strict_an_untrusted_if_taints_what_it_assigns() {
    assert_untrusted(IF_ELSE, "to");
    assert_untrusted_in(Mode::Normal, "r = web_search('q')\nc = r['n'] > 2", "c");
}

#[test]
fn normal_an_untrusted_if_leaves_assigned_literals_trusted() {
    assert_trusted_in(Mode::Normal, IF_ELSE, "to");
}

#[test]
fn strict_a_branch_not_taken_still_taints_the_variable() {
    // n is 3: the branch is not taken, yet `to` still tells whether n > 100.
    let src = r#"
        r = web_search('q')
        to = 'boss@x.com'
        if r['n'] > 100:
            to = 'other@x.com'
    "#;
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
}

#[test]
fn strict_elif_chains_taint() {
    let src = r#"
        r = web_search('q')
        if r['n'] == 1:
            to = 'a@x.com'
        elif r['n'] == 3:
            to = 'b@x.com'
        else:
            to = 'c@x.com'
    "#;
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
}

#[test]
fn a_trusted_if_does_not_taint() {
    let src = r#"
        r = web_search('q')
        if get_time() > '2000':
            to = 'a@x.com'
        else:
            to = 'b@x.com'
    "#;
    assert_trusted(src, "to");
}

#[test]
fn strict_a_call_inside_an_untrusted_branch_has_untrusted_arguments() {
    let src = r#"
        r = web_search('q')
        if r['n'] > 2:
            send_message('boss@x.com', 'hi')
    "#;
    let send = the_send(src);
    assert!(!send.args[0].is_trusted());
    assert!(!send.args[1].is_trusted());
    let send = the_send_in(Mode::Normal, src);
    assert!(send.args[0].is_trusted());
    assert!(send.args[1].is_trusted());
}

#[test]
fn strict_a_call_in_the_else_branch_has_untrusted_arguments() {
    let src = r#"
        r = web_search('q')
        if r['n'] > 100:
            pass
        else:
            send_message(to='boss@x.com', content='hi')
    "#;
    assert!(!arg_trusted(&the_send(src), 99, "to"));
    assert!(arg_trusted(&the_send_in(Mode::Normal, src), 99, "to"));
}

#[test]
fn strict_a_call_after_a_branch_is_trusted_again() {
    let src = r#"
        r = web_search('q')
        if r['n'] > 2:
            x = 1
        send_message('boss@x.com', 'hi')
    "#;
    let send = the_send(src);
    assert!(send.args[0].is_trusted());
}

#[test]
fn strict_code_after_a_loop_or_a_call_is_trusted_again() {
    // The loop over untrusted items and the function with an untrusted early return both end
    // the same way whatever the web said: what follows them runs regardless.
    let src = r#"
        r = web_search('q')
        for v in r['items']:
            pass
        def f():
            if r['flag']:
                return 1
            return 2
        y = f()
        after = 'boss@x.com'
        send_message('boss@x.com', 'hi')
    "#;
    assert_untrusted(src, "y");
    assert_trusted(src, "after");
    assert!(the_send(src).args[0].is_trusted());
}

#[test]
fn strict_code_after_a_caught_builtin_error_is_trusted_again() {
    let src = r#"
        r = web_search('q')
        try:
            n = int(r['title'])
        except ValueError:
            n = 0
        after = 'boss@x.com'
    "#;
    assert_untrusted(src, "n");
    assert_trusted(src, "after");
}

#[test]

fn strict_code_after_a_caught_raise_is_trusted_again() {
    // Whether or not the exception was raised, it was caught: the code after the try runs
    // either way, so it must not carry the exception's (or the condition's) label.
    let src = r#"
        r = web_search('q')
        try:
            raise ValueError(r['email'])
        except ValueError:
            pass
        after = 'boss@x.com'
    "#;
    assert_trusted(src, "after");
    let src = r#"
        r = web_search('q')
        try:
            if r['flag']:
                raise ValueError('plain')
        except ValueError:
            pass
        after = 'boss@x.com'
        send_message('boss@x.com', 'hi')
    "#;
    assert_trusted(src, "after");
    assert!(the_send(src).args[0].is_trusted());
}

#[test]
fn strict_a_call_in_a_function_called_from_an_untrusted_branch_is_untrusted() {
    let src = r#"
        r = web_search('q')
        def notify():
            send_message('boss@x.com', 'hi')
        if r['n'] > 2:
            notify()
    "#;
    assert!(!the_send(src).args[0].is_trusted());
    assert!(the_send_in(Mode::Normal, src).args[0].is_trusted());
}

#[test]
fn strict_a_return_under_an_untrusted_condition_taints_the_result() {
    let src = r#"
        r = web_search('q')
        def pick(c):
            if c:
                return 'a@x.com'
            return 'b@x.com'
        to = pick(r['n'] > 2)
    "#;
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
}

#[test]
fn strict_an_untrusted_while_taints_what_it_assigns() {
    let src = r#"
        r = web_search('q')
        k = 0
        done = 'no'
        while k < r['n']:
            done = 'yes'
            k += 1
    "#;
    assert_untrusted(src, "done");
    assert_trusted_in(Mode::Normal, src, "done");
}

#[test]
fn strict_a_call_inside_an_untrusted_while_is_untrusted() {
    let src = r#"
        r = web_search('q')
        k = 0
        while k < r['n'] - 2:
            send_message('boss@x.com', 'hi')
            k += 1
    "#;
    assert!(!the_send(src).args[0].is_trusted());
    assert!(the_send_in(Mode::Normal, src).args[0].is_trusted());
}

#[test]
fn strict_a_for_over_an_untrusted_list_taints_what_it_assigns() {
    let src = r#"
        r = web_search('q')
        to = 'none'
        count = 0
        for item in r['items']:
            to = 'boss@x.com'
            count += 1
    "#;
    assert_untrusted(src, "to");
    assert_untrusted(src, "count");
    assert_trusted_in(Mode::Normal, src, "to");
    assert_trusted_in(Mode::Normal, src, "count");
}

#[test]
fn strict_a_call_inside_a_for_over_an_untrusted_list_is_untrusted() {
    let src = r#"
        r = web_search('q')
        for item in r['items']:
            send_message('boss@x.com', 'hi')
    "#;
    let sends = sent_args(src);
    assert_eq!(sends.len(), 2);
    assert!(sends.iter().all(|s| !s.args[0].is_trusted()));
    let sends = sent_args_in(Mode::Normal, src);
    assert!(sends.iter().all(|s| s.args[0].is_trusted()));
}

#[test]
fn a_for_over_a_plan_list_of_untrusted_items_runs_a_trusted_number_of_times() {
    let src = r#"
        r = web_search('q')
        count = 0
        for item in [r['email'], r['title']]:
            count += 1
    "#;
    assert_trusted(src, "count");
}

#[test]
fn strict_break_under_an_untrusted_condition_taints_the_rest_of_the_loop() {
    // items[1] is 'b': the first turn assigns 'a', the second breaks. That the assignment ran
    // at all depended on the untrusted comparison.
    let src = r#"
        r = web_search('q')
        status = 'none'
        for v in ['a', 'b', 'c']:
            if v == r['items'][1]:
                break
            status = v
    "#;
    assert_untrusted(src, "status");
    assert_trusted_in(Mode::Normal, src, "status");
}

#[test]
fn strict_a_call_after_an_untrusted_break_is_untrusted() {
    let src = r#"
        r = web_search('q')
        for v in ['a', 'b', 'c']:
            if v == r['items'][1]:
                break
            send_message('boss@x.com', v)
    "#;
    let send = the_send(src);
    assert!(!send.args[0].is_trusted());
    assert!(the_send_in(Mode::Normal, src).args[0].is_trusted());
}

#[test]
fn strict_continue_under_an_untrusted_condition_taints_the_rest_of_the_body() {
    let src = r#"
        r = web_search('q')
        kept = []
        seen = 0
        for v in ['a', 'b']:
            if v == r['items'][0]:
                continue
            kept.append(v)
            seen += 1
        n = len(kept)
    "#;
    assert_untrusted(src, "seen");
    assert_untrusted(src, "n");
    assert_trusted_in(Mode::Normal, src, "seen");
}

#[test]
fn strict_a_loop_after_an_untrusted_break_stays_tainted_after_the_loop() {
    // The loop stopped early or not depending on the web: what it left in `last` says so.
    let src = r#"
        r = web_search('q')
        last = 'start'
        for v in ['x', 'a', 'y']:
            last = v
            if v == r['items'][0]:
                break
    "#;
    assert_untrusted(src, "last");
}

#[test]
fn strict_for_else_under_an_untrusted_break_taints_the_else() {
    let src = r#"
        r = web_search('q')
        result = 'found'
        for v in ['x', 'y']:
            if v == r['items'][0]:
                break
        else:
            result = 'not found'
    "#;
    assert_untrusted(src, "result");
    assert_trusted_in(Mode::Normal, src, "result");
}

#[test]
fn strict_for_else_over_an_untrusted_list_taints_the_else() {
    let src = r#"
        r = web_search('q')
        for v in r['items']:
            pass
        else:
            result = 'done'
    "#;
    assert_untrusted(src, "result");
    assert_trusted_in(Mode::Normal, src, "result");
}

#[test]
fn strict_a_conditional_expression_on_untrusted_data_is_untrusted() {
    let src = "r = web_search('q')\nto = 'a@x.com' if r['n'] > 2 else 'b@x.com'";
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
    assert_trusted("to = 'a@x.com' if 3 > 2 else 'b@x.com'", "to");
}

#[test]
fn strict_short_circuit_on_untrusted_data_is_untrusted() {
    let src = "r = web_search('q')\nto = r['flag'] and 'boss@x.com'";
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
    let src = "r = web_search('q')\nto = (r['n'] > 100) or 'boss@x.com'";
    assert_untrusted(src, "to");
    assert_trusted_in(Mode::Normal, src, "to");
}

#[test]
fn short_circuit_returning_the_untrusted_operand_is_untrusted_in_both_modes() {
    let src = "r = web_search('q')\nto = r['email'] or 'boss@x.com'";
    assert_untrusted(src, "to");
    assert_untrusted_in(Mode::Normal, src, "to");
}

#[test]

fn strict_a_call_in_a_conditional_expression_is_untrusted() {
    let src = "r = web_search('q')\nx = send_message('boss@x.com', 'hi') if r['flag'] else None";
    assert!(!the_send(src).args[0].is_trusted());
    assert!(the_send_in(Mode::Normal, src).args[0].is_trusted());
}

#[test]

fn strict_a_call_on_the_right_of_and_or_is_untrusted() {
    let src = "r = web_search('q')\nx = r['flag'] and send_message('boss@x.com', 'hi')";
    assert!(!the_send(src).args[0].is_trusted());
    let src = "r = web_search('q')\nx = (r['n'] > 100) or send_message('boss@x.com', 'hi')";
    assert!(!the_send(src).args[0].is_trusted());
    assert!(the_send_in(Mode::Normal, src).args[0].is_trusted());
}

#[test]
fn strict_an_exception_raised_on_untrusted_data_taints_the_handler() {
    let src = r#"
        r = web_search('q')
        d = {'x': 1}
        to = 'boss@x.com'
        try:
            d[r['key']]
        except KeyError:
            to = 'other@x.com'
    "#;
    assert_untrusted(src, "to");
}

#[test]
fn strict_a_call_after_an_untrusted_failure_point_in_a_try_body_is_untrusted() {
    // Whether the message goes out depends on whether the web's text parses as a number.
    let src = r#"
        r = web_search('q')
        try:
            n = int(r['num'])
            send_message('boss@x.com', 'parsed')
        except ValueError:
            pass
    "#;
    assert!(!the_send(src).args[0].is_trusted());
    assert!(the_send_in(Mode::Normal, src).args[0].is_trusted());
}

#[test]
fn strict_a_call_in_a_handler_of_an_untrusted_failure_is_untrusted() {
    let src = r#"
        r = web_search('q')
        try:
            n = int(r['title'])
        except ValueError:
            send_message('boss@x.com', 'not a number')
    "#;
    assert!(!the_send(src).args[0].is_trusted());
}

// ---------------------------------------------------------------------------------------------
// Strings, keys and numbers from untrusted data

#[test]
fn iterating_an_untrusted_string_is_untrusted() {
    let src = "r = web_search('q')\nout = ''\nfor ch in r['title']:\n    out += ch";
    assert_untrusted(src, "out");
    assert_untrusted_in(Mode::Normal, src, "out");
    assert_untrusted("r = web_search('q')\nchars = list(r['title'])", "chars");
    assert_untrusted("r = web_search('q')\nch = r['title'][0]", "ch");
    assert_untrusted(
        "r = web_search('q')\nup = [c.upper() for c in r['title']]",
        "up",
    );
}

#[test]
fn keys_of_untrusted_data_are_untrusted() {
    assert_untrusted("r = web_search('q')\nk = list(r.keys())[0]", "k");
    assert_untrusted("r = web_search('q')\nk = list(r)[0]", "k");
    assert_untrusted("r = web_search('q')\nk = sorted(r)[0]", "k");
    let src = "r = web_search('q')\nfor k, v in r.items():\n    last = k";
    assert_untrusted_in(Mode::Normal, src, "last");
    let src = "r = web_search('q')\nd = {r['title']: 'boss@x.com'}\nk = list(d)[0]";
    assert_untrusted(src, "k");
    let src = "r = web_search('q')\nd = {k: 1 for k in r}\nk = list(d)[0]";
    assert_untrusted(src, "k");
}

#[test]
fn numbers_parsed_from_untrusted_text_are_untrusted() {
    let src = "r = web_search('q')\nn = int(r['num'])\nm = n + 1\nrng = list(range(n))";
    assert_untrusted(src, "n");
    assert_untrusted(src, "m");
    assert_untrusted(src, "rng");
}

// ---------------------------------------------------------------------------------------------
// Exceptions: messages that depend on untrusted data are redacted

#[test]
fn an_uncaught_exception_with_an_untrusted_message_is_redacted() {
    let e = assert_error(
        "r = web_search('q')\nraise ValueError(r['email'])",
        "ValueError",
    );
    assert!(e.redacted);
    assert!(!e.message.contains(ATTACKER), "leaked: {}", e.message);
    assert!(!e.traceback_text("plan.py").contains(ATTACKER));
    let e = assert_error(
        "r = web_search('q')\nraise ValueError(f\"bad: {r['email']}\")",
        "ValueError",
    );
    assert!(e.redacted);
    assert!(!e.message.contains(ATTACKER), "leaked: {}", e.message);
}

#[test]
fn an_uncaught_exception_with_a_plan_message_is_not_redacted() {
    let e = assert_error(
        "r = web_search('q')\nraise ValueError('bad input')",
        "ValueError",
    );
    assert!(!e.redacted);
    assert_eq!(e.message, "bad input");
    assert_eq!(e.line, 2);
}

#[test]
fn a_builtin_error_about_untrusted_data_is_redacted() {
    let e = assert_error("r = web_search('q')\nn = int(r['email'])", "ValueError");
    assert!(e.redacted);
    assert!(!e.message.contains(ATTACKER), "leaked: {}", e.message);
    let e = assert_error("r = web_search('q')\nd = {}\nd[r['email']]", "KeyError");
    assert!(e.redacted);
    assert!(!e.message.contains(ATTACKER), "leaked: {}", e.message);
    // A TypeError names only the types, so it may be shown, but never the content.
    let e = assert_error("r = web_search('q')\nx = r['email'] + 1", "TypeError");
    assert!(!e.message.contains(ATTACKER), "leaked: {}", e.message);
}

#[test]
fn a_caught_exception_message_about_untrusted_data_is_untrusted() {
    let src = r#"
        r = web_search('q')
        d = {'x': 1}
        try:
            d[r['key']]
        except KeyError as e:
            msg = str(e)
    "#;
    assert_untrusted(src, "msg");
    assert_untrusted_in(Mode::Normal, src, "msg");
    let src = r#"
        r = web_search('q')
        try:
            int(r['email'])
        except Exception as e:
            msg = str(e)
    "#;
    assert_untrusted(src, "msg");
    assert_untrusted_in(Mode::Normal, src, "msg");
}

#[test]
fn the_arguments_of_a_caught_exception_keep_their_labels() {
    let src = r#"
        r = web_search('q')
        try:
            raise ValueError(r['email'])
        except ValueError as e:
            arg = e.args[0]
            text = repr(e)
    "#;
    assert_untrusted_in(Mode::Normal, src, "arg");
    assert_untrusted_in(Mode::Normal, src, "text");
}

#[test]
fn a_caught_exception_message_from_the_plan_is_trusted() {
    let src = "try:\n    raise ValueError('bad')\nexcept ValueError as e:\n    msg = str(e)";
    assert_trusted(src, "msg");
}

// ---------------------------------------------------------------------------------------------
// The derivation graph

#[test]
fn the_graph_traces_a_value_back_to_its_tool_through_several_steps() {
    let src = r#"
        r = web_search('q')
        email = r['email']
        parts = email.lower().split('@')
        domain = parts[1]
        subject = 'Mail from ' + domain
    "#;
    let outcome = run(src);
    expect_ok(&outcome, src);
    let v = outcome.variable("subject").expect("subject is set");
    let sources = outcome.graph.sources_of(v.node);
    assert!(
        sources
            .iter()
            .any(|s| matches!(s, Source::Tool { name, .. } if name == "web_search")),
        "sources: {sources:?}"
    );
    let explained = outcome.graph.explain(v.node);
    assert!(explained.contains("web_search"), "explain: {explained}");
}

#[test]
fn strict_the_graph_traces_a_branch_assignment_to_the_condition() {
    let outcome = run(IF_ELSE);
    expect_ok(&outcome, IF_ELSE);
    let v = outcome.variable("to").expect("to is set");
    let sources = outcome.graph.sources_of(v.node);
    assert!(
        sources
            .iter()
            .any(|s| matches!(s, Source::Tool { name, .. } if name == "web_search")),
        "sources: {sources:?}"
    );
}

#[test]
fn the_graph_does_not_blame_a_tool_for_a_literal() {
    let src = "r = web_search('q')\ncount = len(r['items'])\nto = 'boss@x.com'";
    let outcome = run(src);
    expect_ok(&outcome, src);
    let v = outcome.variable("to").expect("to is set");
    let sources = outcome.graph.sources_of(v.node);
    assert!(
        !sources.iter().any(|s| matches!(s, Source::Tool { .. })),
        "a literal is blamed on {sources:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Lazy iteration

#[test]
fn a_map_not_consumed_in_a_branch_not_taken_still_relabels_what_its_function_appends_to() {
    let src = r#"
        r = web_search('q')
        xs = ['x']
        if r['flag']:
            pass
        else:
            it = map(lambda y: (xs.append(y) or y), 'a,b'.split(','))
            l = list(it)
        last = xs[-1]
    "#;
    assert_untrusted(src, "last");
}

#[test]
fn a_generator_advanced_in_a_branch_not_taken_relabels_what_its_element_appends_to() {
    let src = r#"
        r = web_search('q')
        xs = ['x']
        g = (xs.append(y) or y for y in ['a', 'b'])
        if not r['flag']:
            next(g)
        last = xs[-1]
    "#;
    assert_untrusted(src, "last");
}

#[test]
fn next_of_a_generator_with_an_untrusted_filter_is_untrusted() {
    let src = r#"
        r = web_search('q')
        first = next((p for p in ['boss@x.com', 'carol@x.com'] if p != r['email']), 'none')
        it = iter(['a', 'b'])
        plain = next(it)
    "#;
    assert_untrusted(src, "first");
    assert_trusted(src, "plain");
}

#[test]
fn zip_stops_at_an_untrusted_length() {
    let src = r#"
        r = web_search('q')
        pairs = list(zip(['a', 'b', 'c'], r['items']))
        n = len(pairs)
    "#;
    assert_untrusted(src, "n");
}

#[test]
fn an_enumerate_index_carries_the_label_of_its_start() {
    // Every index is computed from the start: an untrusted start makes untrusted indices.
    let untrusted = "n = web_search('q')['n']\nfor i, x in enumerate(['a', 'b'], n):\n    pass";
    assert_untrusted(untrusted, "i");
    let by_keyword =
        "n = web_search('q')['n']\npairs = list(enumerate(['a'], start=n))\ni = pairs[0][0]";
    assert_untrusted(by_keyword, "i");
    assert_trusted("for i, x in enumerate(['a', 'b'], 5):\n    pass", "i");
}

#[test]
fn an_untrusted_reverse_flag_or_search_bound_decides_what_comes_out() {
    // `reverse` chose the order as much as the keys did; `index`'s bounds where it looked.
    let flag = "flag = web_search('q')['flag']\n";
    assert_untrusted(
        &format!("{flag}xs = sorted([1, 2, 3], reverse=flag)\nv = xs[0]"),
        "v",
    );
    assert_untrusted(
        &format!("{flag}xs = [1, 2, 3]\nxs.sort(reverse=flag)\nv = xs[0]"),
        "v",
    );
    let n = "n = web_search('q')['n']\n";
    assert_untrusted(&format!("{n}v = [1, 1, 1].index(1, n - 2)"), "v");
    assert_untrusted(&format!("{n}v = (1, 1, 1).index(1, 0, n)"), "v");
    assert_trusted("xs = sorted([1, 2, 3], reverse=True)\nv = xs[0]", "v");
    assert_trusted("v = [1, 1, 1].index(1, 1)", "v");
}

/// Values that untrusted data decided, one plan each (`n` an untrusted int, `flag` an
/// untrusted bool, `s` an untrusted string, `items` an untrusted list): `v` must come out
/// untrusted. Probes of builtin arguments and statements that could drop a label (three
/// leaks found this way are fixed: enumerate's start, `reverse=`, `index` bounds).
const DECIDED_BY_UNTRUSTED_DATA: &[(&str, &str)] = &[
    ("star args count", "def f(*a):\n    return len(a)\nv = f(*items)"),
    ("kwargs count", "def f(**kw):\n    return len(kw)\nv = f(**({'a': 1} if flag else {}))"),
    ("default chosen by star", "def f(a, b=5):\n    return b\nv = f(*items[:1])"),
    ("effect chosen by star", "seen = []\ndef f(*a):\n    seen.append(len(a))\nf(*items)\nv = seen[0]"),
    ("sorted reverse", "xs = sorted([1, 2, 3], reverse=flag)\nv = xs[0]"),
    ("sort reverse", "xs = [1, 2, 3]\nxs.sort(reverse=flag)\nv = xs[0]"),
    ("split maxsplit", "parts = 'a b c'.split(' ', n)\nv = parts[-1]"),
    ("split len", "parts = 'a b c'.split(' ', n)\nv = len(parts)"),
    ("round ndigits", "v = round(1.23456, n)"),
    ("sum start", "v = sum([1, 2], n)"),
    ("pop index", "xs = [1, 2, 3, 4]\nv = xs.pop(n)"),
    ("insert index", "xs = [1, 2, 3, 4]\nxs.insert(n, 9)\nv = xs[0]"),
    ("range step", "v = list(range(0, 10, n))[1]"),
    ("slice bound", "v = [1, 2, 3, 4][n:][0]"),
    ("ljust width", "v = len('a'.ljust(n))"),
    ("center fill", "v = 'a'.center(n)"),
    ("str mul", "v = len('ab' * n)"),
    ("list mul", "v = len([1] * n)"),
    ("islice-like", "v = [x for x in range(10)][:n][-1]"),
    ("min default", "v = min([], default=n)"),
    ("dict get default", "v = {}.get('k', n)"),
    ("setdefault", "d = {}\nd.setdefault('k', n)\nv = d['k']"),
    ("fromkeys", "d = dict.fromkeys(['a'], n)\nv = d['a']"),
    ("enumerate", "v = list(enumerate(['a'], n))[0][0]"),
    ("format width", "v = len(format('a', '>' + str(n)))"),
    ("fstring width", "v = len(f'{1:>{n}}')"),
    ("pct width", "v = len('%*d' % (n, 1))"),
    ("expandtabs", "v = len('a\\tb'.expandtabs(n))"),
    ("zfill", "v = len('1'.zfill(n))"),
    ("replace count", "v = 'aaa'.replace('a', 'b', n)"),
    ("count bounds", "v = 'aaaa'.count('a', n)"),
    ("index bounds", "v = [1, 1, 1].index(1, n - 2)"),
    ("divmod", "v = divmod(7, n)[0]"),
    ("pow mod", "v = pow(2, 3, n)"),
    ("pow exp by name", "v = pow(2, exp=n)"),
    ("pow mod by name", "v = pow(base=2, exp=3, mod=n)"),
    ("pow mod None or not", "m = None if flag else 5\nv = pow(2, 3, m)"),
    ("round ndigits by name", "v = round(1.23456, ndigits=n)"),
    ("str object by name", "v = str(object=n)"),
    ("splitlines keepends", "v = 'a\\nb'.splitlines(flag)[0]"),
    ("str index raises by sub", "try:\n    'abc'.index(s)\n    v = 1\nexcept ValueError:\n    v = 2"),
    ("str index raises by start", "try:\n    'abc'.index('a', n)\n    v = 1\nexcept ValueError:\n    v = 2"),
    ("list index raises", "try:\n    [1, 2].index(n)\n    v = 1\nexcept ValueError:\n    v = 2"),
    ("format by name", "v = '{a}'.format(a=s)"),
    ("format_map", "v = '{a}'.format_map({'a': s})"),
    ("format width by name", "v = '{0:{w}}'.format('x', w=n)"),
    ("format field chosen by data", "v = '{0}{1}'.format(*([s, 'x'] if flag else ['x', 'y']))"),
    ("dict by name", "v = dict(a=s)['a']"),
    ("zip shape", "v = len(list(zip(items, 'abc')))"),
    ("print to string sep", "v = ' '.join(['a', 'b']) if flag else 'ab'"),
    ("split sep by name", "v = 'a,b'.split(sep=s[0:1] or ',')"),
    ("split maxsplit by name", "v = 'a b c'.split(maxsplit=n)"),
    ("rsplit maxsplit by name", "v = 'a b c'.rsplit(maxsplit=n)[0]"),
    ("splitlines keepends by name", "v = 'a\\nb'.splitlines(keepends=flag)[0]"),
    ("expandtabs tabsize by name", "v = 'a\\tb'.expandtabs(tabsize=n)"),
    ("min default by name", "v = min([], default=n)"),
    ("max key by name", "v = max([1, 2], key=lambda x: x * n)"),
    ("int base by name", "v = int('11', base=n)"),
    ("enumerate start by name", "v = list(enumerate('ab', start=n))[0][0]"),
    ("sum start by name", "v = sum([1], start=n)"),
    ("sort reverse by name", "xs = [1, 2]\nxs.sort(reverse=flag)\nv = xs[0]"),
    ("sorted reverse by name", "v = sorted([1, 2], reverse=flag)[0]"),
    ("dict get default", "v = {}.get('k', n)"),
    ("pop default", "v = {}.pop('k', n)"),
    ("format spec", "v = format(3.14159, s[0:0] + '.2f') if flag else format(1, 'd')"),
    ("int base", "v = int('11', n)"),
    ("bool flag", "v = 1 if flag else 2"),
    ("next default", "v = next(iter([]), n)"),
    ("getattr-like any", "v = any([flag])"),
    ("all", "v = all([flag, True])"),
    ("reversed", "xs = [1, 2]\nv = list(reversed(xs))[0] if flag else 0"),
    ("tuple index", "v = (1, 2, 3)[n - 3]"),
    ("str index", "v = 'abc'[n - 3]"),
    ("dict keys order", "d = {}\nd[str(n)] = 1\nd['a'] = 2\nv = list(d)[0]"),
    ("max key flag", "v = max([1, 2], key=lambda x: -x if flag else x)"),
    ("dict pop default", "v = {}.pop('k', n)"),
    ("list remove", "xs = [1, 2, 3]\nxs.remove(n - 2)\nv = xs[0]"),
    ("del index", "xs = [1, 2, 3]\ndel xs[n - 3]\nv = xs[0]"),
    ("slice assign", "xs = [1, 2, 3]\nxs[0:n - 2] = []\nv = xs[0]"),
    ("extend", "xs = [1]\nxs.extend([2] * (n - 2))\nv = len(xs)"),
    ("in list", "v = n in [1, 2, 3]"),
    ("str startswith bound", "v = 'abc'.startswith('b', n - 2)"),
    ("str find bound", "v = 'abca'.find('a', n - 2)"),
    ("str split sep", "v = len('a,b'.split(s))"),
    ("str join sep", "v = len(s.join(['a', 'b']))"),
    ("str strip chars", "v = 'abc'.strip(s)"),
    ("str rjust fill", "v = 'a'.rjust(3, s[0])"),
    ("dict update", "d = {'a': 1}\nd.update({s: 2})\nv = len(d)"),
    ("set add", "st = {1}\nst.add(n)\nv = len(st)"),
    ("set discard", "st = {1, 3}\nst.discard(n)\nv = len(st)"),
    ("dict in", "v = s in {'a': 1}"),
    ("while", "i = 0\nwhile i < n:\n    i += 1\nv = i"),
    ("try except", "try:\n    x = 1 / (n - 3)\n    v = 1\nexcept ZeroDivisionError:\n    v = 2"),
    ("format spec", "v = format(1, s[0:0] + 'd')"),
    ("isinstance", "v = isinstance(n, int)"),
    ("type name", "v = type(n).__name__"),
    ("hash", "v = hash(n) == hash(3)"),
    ("abs", "v = abs(n)"),
    ("chr", "v = chr(n + 64)"),
    ("ord", "v = ord(s[0])"),
    ("bool", "v = bool(n)"),
    ("str of", "v = str(n)"),
    ("list of str", "v = list(s)[0]"),
    ("sorted key const", "xs = sorted(['b', 'a'], key=lambda x: n)\nv = xs[0]"),
    ("filter", "v = list(filter(lambda x: x > n, [1, 5]))[0]"),
    ("map", "v = list(map(lambda x: x * n, [1]))[0]"),
    ("zip lengths", "v = len(list(zip(range(n), range(5))))"),
    ("dict comp filter", "v = len({k: 1 for k in range(5) if k < n})"),
    ("any gen", "v = any(x > n for x in [1, 5])"),
    ("walrus", "v = (w := n) and 1"),
    ("conditional expr", "v = 'a' if n > 2 else 'b'"),
    ("and or", "v = (n > 2) or 5"),
    ("assert", "try:\n    assert n > 5\n    v = 1\nexcept AssertionError:\n    v = 2"),
    ("break", "v = 0\nfor i in range(10):\n    if i == n:\n        break\n    v = i"),
    ("round float ndigits", "v = round(2.675, n - 1)"),
    ("divmod float", "v = divmod(7.5, n)[1]"),
    ("int str base kw", "v = int('z', base=n + 33)"),
    ("float of", "v = float(n)"),
    ("min key", "v = min(['aa', 'b'], key=lambda x: len(x) * n)"),
    ("sum gen", "v = sum(1 for x in range(n))"),
    ("len items", "v = len(items)"),
    ("items index", "v = ['x', 'y'][len(items) - 2]"),
    ("list comp over untrusted", "v = len([1 for x in items])"),
    ("tuple unpack", "a, b = items\nv = a"),
    ("star unpack", "a, *rest = items\nv = len(rest)"),
    ("dict from zip", "d = dict(zip(items, [1, 2]))\nv = list(d.values())[0]"),
    ("set of items", "v = len(set(items))"),
    ("sorted items", "v = sorted(items)[0]"),
    ("reversed items", "v = list(reversed(items))[0]"),
    ("enumerate items", "v = [i for i, x in enumerate(items)][-1]"),
    ("dict keys untrusted", "d = {x: 1 for x in items}\nv = 'a' in d"),
    ("str count", "v = s.count('a')"),
    ("str replace", "v = 'abc'.replace('b', s)"),
    ("fstring", "v = f'{s}'"),
    ("pct", "v = '%s' % s"),
    ("format method", "v = '{}'.format(s)"),
    ("format_map", "v = '{a}'.format_map({'a': s})"),
    ("repr", "v = repr(s)"),
    ("upper", "v = s.upper()"),
    ("encode-like len", "v = len(s) > 3"),
    ("split items", "v = s.split()[0]"),
    ("translate", "v = 'ab'.translate({97: s})"),
    ("maketrans", "v = 'ab'.translate(str.maketrans('a', s[0]))"),
    ("expandtabs", "v = 'a\\tb'.expandtabs(n)"),
    ("center", "v = 'a'.center(n, '*')"),
    ("partition", "v = 'a:b'.partition(s[0:1] or ':')[0]"),
    ("list index of untrusted", "v = items.index('b')"),
    ("list count", "v = items.count('a')"),
    ("dict get untrusted key", "v = {'a': 1}.get(items[0], 0)"),
    ("dict setdefault key", "d = {}\nd.setdefault(items[0], 1)\nv = list(d)[0]"),
    ("exception message", "try:\n    raise ValueError(s)\nexcept ValueError as e:\n    v = str(e)"),
    ("exception type chosen", "try:\n    raise (ValueError if flag else KeyError)('x')\nexcept ValueError:\n    v = 1\nexcept KeyError:\n    v = 2"),
    ("return early", "def f():\n    if flag:\n        return 1\n    return 2\nv = f()"),
    ("closure", "def g():\n    return n\nv = g()"),
];

#[test]
fn every_value_untrusted_data_decided_is_untrusted() {
    let given = "n = web_search('q')['n']\nflag = web_search('q')['flag']\n\
                 s = web_search('q')['title']\nitems = web_search('q')['items']\n";
    let leaks: Vec<&str> = DECIDED_BY_UNTRUSTED_DATA
        .iter()
        .filter(|(_, body)| is_trusted_in(Mode::Strict, &format!("{given}{body}"), "v"))
        .map(|(name, _)| *name)
        .collect();
    assert!(
        leaks.is_empty(),
        "trusted though untrusted data decided them: {leaks:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The evaluator's shortcuts (subscripts, `dict.get`, `list.append`, str methods, f-strings,
// arithmetic with a literal) give the labels the general path gives: each case has one
// labeled part, and the shortcut must not drop it.

#[test]
fn a_subscript_shortcut_keeps_the_item_label_and_the_place_label() {
    assert_untrusted("d = {'a': web_search('q')['email']}\nx = d['a']", "x");
    assert_untrusted("xs = [web_search('q')['email'], 1]\nx = xs[0]", "x");
    assert_untrusted("t = (1, web_search('q')['email'])\nx = t[-1]", "x");
    // The key was stored under an untrusted key: whether it is there was decided by it.
    assert_untrusted(
        "d = {}\nd[web_search('q')['key']] = 1\nd['title'] = 2\nd[web_search('q')['key']] = 3\nx = d['title']",
        "x",
    );
    assert_trusted("d = {'a': 'b'}\nx = d['a']\ny = [1, 2][1]", "x");
}

#[test]
fn a_get_shortcut_keeps_the_presence_and_shape_labels() {
    assert_untrusted("d = {'a': web_search('q')['email']}\nx = d.get('a')", "x");
    assert_untrusted(
        "d = {}\nif web_search('q')['flag']:\n    d['a'] = 1\nx = d.get('a', 0)",
        "x",
    );
    assert_untrusted(
        "d = {'title': 1}\nx = d.get(web_search('q')['key'], 0)",
        "x",
    );
    assert_untrusted("d = web_search('q')\nx = d.get('n', 0)", "x");
    assert_trusted("d = {'a': 1}\nx = d.get('a', 0)\ny = d.get('b')", "x");
}

#[test]
fn an_append_shortcut_keeps_the_item_and_the_context() {
    assert_untrusted(
        "xs = []\nxs.append(web_search('q')['email'])\nx = xs[0]",
        "x",
    );
    assert_untrusted(
        "xs = []\nif web_search('q')['flag']:\n    xs.append(1)\nn = len(xs)",
        "n",
    );
    assert_trusted("xs = []\nxs.append(1)\nn = len(xs)", "n");
}

#[test]
fn str_method_and_f_string_shortcuts_keep_their_operands_labels() {
    assert_untrusted("s = web_search('q')['title'].upper()", "s");
    assert_untrusted("s = 'x'.join([web_search('q')['title']])", "s");
    assert_untrusted("s = 'abc'.replace('a', web_search('q')['title'])", "s");
    assert_untrusted("b = web_search('q')['title'].startswith('B')", "b");
    assert_untrusted("s = f\"{web_search('q')['title']}!\"", "s");
    assert_trusted("s = 'abc'.upper()\nt = f'{s}!'", "t");
}

#[test]
fn arithmetic_and_comparison_with_a_literal_keep_the_operand_label() {
    assert_untrusted("x = web_search('q')['n'] + 1", "x");
    assert_untrusted("b = web_search('q')['n'] > 2", "b");
    assert_untrusted("b = web_search('q')['title'] == 'Breaking news'", "b");
    assert_trusted("n = 3\nx = n % 2\nb = n > 2", "b");
}

#[test]
fn a_builtin_called_by_name_keeps_its_arguments_labels() {
    assert_untrusted("x = abs(web_search('q')['n'])", "x");
    assert_untrusted("x = min(3, web_search('q')['n'])", "x");
    assert_untrusted("x = sorted(web_search('q')['items'])", "x");
    assert_trusted("x = abs(-3)\ny = min(x, 2)", "y");
}

#[test]
fn and_or_carry_the_operands_they_tested() {
    // `a or b` is `b` because `a` was falsy: the result depends on `a`.
    assert_untrusted("x = (web_search('q')['n'] == 0) or 'default'", "x");
    assert_untrusted("x = web_search('q')['title'] and 'yes'", "x");
    // A container tested before a later operand changed it: what it holds at the end counts.
    assert_untrusted(
        "xs = [1]\nr = xs and xs.append(web_search('q')['email'])",
        "r",
    );
    assert_trusted("a = 1\nb = 'x'\nx = a and b\ny = (a == 2) or b", "y");
}

/// A `map` or `filter` whose untrusted source ran out would have called its callback again
/// had the source been longer: the list the callback appends to, left as it was, tells that
/// it was not (found by the noninterference search, seed 37). Every consumer of the iterator.
#[test]
fn strict_a_callback_not_called_because_an_untrusted_source_ran_out_still_taints() {
    let pre = "r = web_search('q')\nxs = ['x']\n";
    let cases = [
        "for v in map(lambda y: xs.append(y), r['items'][5:]):\n    pass\n",
        "it = map(lambda y: xs.append(y), r['items'][5:])\nfor v in it:\n    pass\n",
        "for v in filter(lambda y: xs.append(y), r['items'][5:]):\n    pass\n",
        "for v in (xs.append(y) for y in r['items'][5:]):\n    pass\n",
        "n = list(map(lambda y: xs.append(y), r['items'][5:]))\n",
        "n = sum(1 for _ in map(lambda y: xs.append(y), r['items'][5:]))\n",
        "n = any(map(lambda y: xs.append(y), r['items'][5:]))\n",
        "n = [v for v in map(lambda y: xs.append(y), r['items'][5:])]\n",
        "n = next(map(lambda y: xs.append(y), r['items'][5:]), None)\n",
        "n = sorted(r['items'][5:], key=lambda y: xs.append(y))\n",
        "n = list(zip(map(lambda y: xs.append(y), r['items'][5:]), [1, 2]))\n",
    ];
    let mut leaks = Vec::new();
    for c in cases {
        let src = format!("{pre}{c}last = xs[-1]\n");
        if is_trusted_in(Mode::Strict, &src, "last") {
            leaks.push(c);
        }
    }
    assert!(
        leaks.is_empty(),
        "trusted though the callback could have appended: {leaks:#?}"
    );
    // A source the plan wrote decides nothing.
    assert_trusted(
        "xs = ['x']\nfor v in map(lambda y: xs.append(y), []):\n    pass\nlast = xs[-1]",
        "last",
    );
}

/// Whether a tool's result has a method is decided by its type, which the tool chose: the
/// `AttributeError` carries the tool's label, and so does a handler's call (found by the
/// noninterference search, seed 53: a tool returning a list where a dict was expected).
#[test]
fn strict_a_method_an_untrusted_receiver_lacks_raises_an_untrusted_error() {
    use serde_json::json;
    let src = "r = web_search('q')\ntry:\n    s = r.get('body', '')\nexcept Exception as e:\n    send_message('boss@x.com', 'hi')\n";
    for result in [
        json!("plain text"),
        json!([{"a": 1}]),
        json!(null),
        json!(3),
        json!(true),
    ] {
        let mut host = host_searching(result.clone());
        let outcome =
            bactrian_interpreter::Interpreter::new(bactrian_interpreter::Config::default())
                .with_host(&mut host)
                .run("plan.py", src);
        expect_ok(&outcome, src);
        let sends: Vec<_> = host
            .calls
            .iter()
            .filter(|c| c.tool == "send_message")
            .collect();
        assert_eq!(sends.len(), 1, "{result}");
        assert!(
            !sends[0].args[0].is_trusted(),
            "a trusted send when the tool returned {result}"
        );
    }
    for field in ["items", "title", "n", "flag"] {
        let src = format!("r = web_search('q')['{field}']\ntry:\n    s = r.nope()\nexcept Exception as e:\n    send_message('boss@x.com', 'hi')\n");
        let sends = sent_args(&src);
        assert!(
            !sends[0].args[0].is_trusted(),
            "a trusted send after\n{src}"
        );
    }
}

/// `p += ys` extends the list `p` names in place: which list that is was decided by whatever
/// labeled `p`'s reference (here a branch that could have rebound it), as for `p.extend(ys)`
/// (found by the noninterference search, seed 71).
#[test]
fn strict_an_in_place_add_through_a_labeled_reference_taints_the_list_it_reached() {
    let src = r#"
        r = web_search('q')
        items = ['a']
        def grow(p):
            if not r['flag']:
                p = ['x']
            p += ['y']
        grow(items)
        n = len(items)
    "#;
    assert_untrusted(src, "n");
    assert_untrusted(&src.replace("p += ['y']", "p.extend(['y'])"), "n");
    assert_trusted(&src.replace("not r['flag']", "False"), "n");
}

/// An operand of `and`/`or` skipped because of an untrusted one leaves what it would have
/// assigned under that label, even when the context already carried it (the rest of the
/// plan ran under an untrusted `if` whose body could `continue`; found by the
/// noninterference search, seed 73).
#[test]
fn strict_a_skipped_walrus_is_tainted_under_a_context_that_already_carried_the_label() {
    let src = r#"
        r = web_search('q')
        to = 'boss@x.com'
        if len(r['items']) > 0:
            for i in range(0):
                continue
        (r['n'] == 0) and (to := 'other@x.com')
    "#;
    assert_untrusted(src, "to");
    assert_untrusted(
        &src.replace("for i in range(0):\n                continue", "pass"),
        "to",
    );
}
