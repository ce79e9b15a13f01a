"""D20 — every code has a message in French, Dutch and English; rendering and negotiation never fail.

The codes are not listed by hand: the policy modules are parsed with `ast` and every code a `Violation`, a `Finding`,
a compliance `Check` or a routing `Condition` can carry is collected, so a code added without messages fails here.
"""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

import pytest

from policies.messages import (
    DEFAULT_LANGUAGE,
    LABELS,
    LANGUAGES,
    MAX_PARAM_LENGTH,
    MESSAGES,
    TITLES,
    label,
    message,
    negotiate,
    title,
)
from policies.vocab import (
    AdminDataCategory,
    Art46bis1Issuer,
    BasisType,
    ConcertationState,
    HierarchyPurpose,
    InvestigationType,
    ItemPurpose,
    Legislator,
    PurposeCategory,
    ReportRecipient,
    Sector,
    Transition,
)

POLICIES = Path(__file__).resolve().parents[2] / "policies"

#: Keyword and position of the code and of the params in each constructor that carries a code.
_CARRIERS: dict[str, tuple[str, int, int | None]] = {
    "Violation": ("code", 1, 4),  # Violation(rule, code, legal_ground, field, params, invalid)
    "Finding": ("code", 1, 5),  # Finding(rule, code, status, legal_ground, field, params, invalid)
    "Check": ("passed", 1, None),  # Check(rules, passed, legal_ground, evaluate)
}

_RULE_ID = re.compile(r"R[0-9]+")


def _condition_code(node: ast.AST) -> str | None:
    """The pass code of a routing `Condition` tuple, `(("R68", "R72"), "code", legal_ground, violations)`."""
    if not (isinstance(node, ast.Tuple) and len(node.elts) == 4 and isinstance(node.elts[0], ast.Tuple)):
        return None
    rules, code = node.elts[0].elts, node.elts[1]
    if not rules or not all(isinstance(r, ast.Constant) and _RULE_ID.fullmatch(str(r.value)) for r in rules):
        return None
    return code.value if isinstance(code, ast.Constant) and isinstance(code.value, str) else None


class _Module:
    """One parsed policy module, with what is needed to resolve a code that is not a plain literal."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.parent: dict[ast.AST, ast.AST] = {
            child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)
        }
        self.tables: dict[str, ast.expr] = {}
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.tables[node.targets[0].id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.tables[node.target.id] = node.value

    def enclosing(self, node: ast.AST, kind: type[ast.AST] | tuple[type[ast.AST], ...]) -> Iterator[ast.AST]:
        while node in self.parent:
            node = self.parent[node]
            if isinstance(node, kind):
                yield node

    def function(self, node: ast.AST) -> ast.AST:
        return next(self.enclosing(node, (ast.FunctionDef, ast.Lambda)), self.tree)

    def forwarded(self, node: ast.expr, site: ast.AST) -> bool:
        """`for rules, passed, ground, violations in conditions: Finding(rules[0], passed, ...)`: a code unpacked from
        a parameter forwards the codes the callers pass (routing `Condition` tuples, collected by their shape)."""
        function = self.function(site)
        if not isinstance(node, ast.Name) or not isinstance(function, ast.FunctionDef):
            return False
        parameters = {a.arg for a in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs)}
        for loop in self.enclosing(site, ast.For):
            assert isinstance(loop, ast.For)
            targets = loop.target.elts if isinstance(loop.target, ast.Tuple) else []
            if any(isinstance(t, ast.Name) and t.id == node.id for t in targets):
                return isinstance(loop.iter, ast.Name) and loop.iter.id in parameters
        return False

    def codes(self, node: ast.expr, site: ast.AST) -> list[str] | None:
        """The literal values `node` can take at `site`; None when they cannot be read from the source."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            body, orelse = self.codes(node.body, site), self.codes(node.orelse, site)
            return None if body is None or orelse is None else body + orelse
        if isinstance(node, ast.JoinedStr):
            return self._fstring(node, site)
        if isinstance(node, ast.Name):
            return self._unpacked(node.id, site)
        return None

    def _fstring(self, node: ast.JoinedStr, site: ast.AST) -> list[str] | None:
        """f"{name}_required" inside `for name, ... in (("chair", ...), ("requester", ...))`."""
        holes = [v for v in node.values if isinstance(v, ast.FormattedValue)]
        if len(holes) != 1 or not isinstance(holes[0].value, ast.Name) or holes[0].format_spec is not None:
            return None
        variable = holes[0].value.id
        for loop in self.enclosing(site, ast.For):
            assert isinstance(loop, ast.For)
            values = self._loop_values(loop, variable)
            if values is not None:
                return [
                    "".join(
                        value if isinstance(part, ast.FormattedValue) else str(cast(ast.Constant, part).value)
                        for part in node.values
                    )
                    for value in values
                ]
        return None

    @staticmethod
    def _loop_values(loop: ast.For, variable: str) -> list[str] | None:
        if not isinstance(loop.iter, ast.Tuple | ast.List):
            return None
        if isinstance(loop.target, ast.Name) and loop.target.id == variable:
            index = None
        elif isinstance(loop.target, ast.Tuple):
            names = [t.id if isinstance(t, ast.Name) else None for t in loop.target.elts]
            if variable not in names:
                return None
            index = names.index(variable)
        else:
            return None
        out: list[str] = []
        for element in loop.iter.elts:
            if index is not None:
                if not isinstance(element, ast.Tuple):
                    return None
                element = element.elts[index]
            if not (isinstance(element, ast.Constant) and isinstance(element.value, str)):
                return None
            out.append(element.value)
        return out

    def _unpacked(self, variable: str, site: ast.AST) -> list[str] | None:
        """`rule, code_name, ground = _OFFENCE_RULE[...]`: the codes are column `i` of that module-level table."""
        for node in ast.walk(self.function(site)):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id == variable:
                return self.codes(node.value, node)
            if not isinstance(target, ast.Tuple) or not isinstance(node.value, ast.Subscript):
                continue
            names = [t.id if isinstance(t, ast.Name) else None for t in target.elts]
            table = self.tables.get(node.value.value.id) if isinstance(node.value.value, ast.Name) else None
            if variable not in names or not isinstance(table, ast.Dict):
                continue
            index = names.index(variable)
            out: list[str] = []
            for row in table.values:
                if not isinstance(row, ast.Tuple):
                    return None
                found = self.codes(row.elts[index], row)
                if found is None:
                    return None
                out.extend(found)
            return out
        return None

    def params(self, node: ast.expr | None, site: ast.AST) -> frozenset[str] | None:
        """The parameter names a call passes; None when they cannot be read from the source."""
        if node is None or (isinstance(node, ast.Constant) and node.value is None):
            return frozenset()
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            return frozenset(keys) if len(keys) == len(node.keys) else None
        if isinstance(node, ast.Name):
            for assign in ast.walk(self.function(site)):
                if (
                    isinstance(assign, ast.Assign)
                    and len(assign.targets) == 1
                    and isinstance(assign.targets[0], ast.Name)
                    and assign.targets[0].id == node.id
                ):
                    return self.params(assign.value, assign)
        return None


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _argument(call: ast.Call, keyword: str, position: int | None) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    if position is not None and len(call.args) > position:
        return call.args[position]
    return None


def _collect(directory: Path = POLICIES) -> tuple[dict[str, list[tuple[str, frozenset[str] | None]]], list[str]]:
    """code -> [(call site, parameter names passed there)], and the call sites whose code cannot be read."""
    found: dict[str, list[tuple[str, frozenset[str] | None]]] = defaultdict(list)
    unreadable: list[str] = []
    for path in sorted(directory.glob("*.py")):
        module = _Module(path)
        for node in ast.walk(module.tree):
            condition = _condition_code(node)
            if condition is not None:
                found[condition].append((f"{module.name}:{getattr(node, 'lineno', 0)}", frozenset()))
        for call in ast.walk(module.tree):
            if not isinstance(call, ast.Call) or _callee(call) not in _CARRIERS:
                continue
            keyword, position, params_position = _CARRIERS[cast(str, _callee(call))]
            code = _argument(call, keyword, position)
            site = f"{module.name}:{call.lineno}"
            if code is None or isinstance(code, ast.Attribute):
                # `Finding(..., v.code, ...)`, `Finding(..., check.passed, ...)`: forwards a code collected elsewhere.
                # A constructor call without a code cannot be valid Python for these dataclasses anyway.
                if code is None:
                    unreadable.append(site)
                continue
            if module.forwarded(code, call):
                continue
            codes = module.codes(code, call)
            if codes is None:
                unreadable.append(f"{site}: {ast.unparse(code)}")
                continue
            params = module.params(_argument(call, "params", params_position), call)
            for value in codes:
                found[value].append((site, params))
    return dict(found), unreadable


POLICY_CODES, UNREADABLE = _collect()

LIFECYCLE_CODES: dict[str, set[str]] = {
    "invalid_transition": {"state", "transition"},
    "concertation_not_editable": {"state"},
    "foundations_fixed": {"state"},
    "scope_frozen": {"offences"},
}

API_CODES: dict[str, set[str]] = {
    "not_found": set(),
    "authentication_required": set(),
    "token_invalid": set(),
    "token_expired": set(),
    "token_missing_claim": set(),
    "token_unknown_issuer": set(),
    "token_unknown_key": set(),
    "token_forbidden_header": set(),
    "token_too_large": set(),
    "forbidden": set(),
    "invalid_payload": set(),
    "malformed_json": set(),
    "unknown_field": {"field"},
    "missing_field": {"field"},
    "value_invalid": {"field"},
    "unknown_value": {"field", "value"},
    "value_too_long": {"field", "limit"},
    "too_many_items": {"field", "limit"},
    "precondition_required": set(),
    "precondition_failed": set(),
    "idempotency_key_invalid": {"header"},
    "idempotency_key_reused": {"header"},
    "idempotency_in_flight": {"header"},
    "idempotency_response_lost": {"header"},
    "payload_too_large": set(),
    "unsupported_media_type": set(),
    "not_compliant": set(),
    "legal_basis_already_retired": set(),
    "rate_limited": set(),
    "overloaded": set(),
    "database_conflict": set(),
    "invalid_request": set(),
    "invalid_client": set(),
    "unsupported_grant_type": set(),
    "invalid_scope": set(),
    "client_credentials_disabled": set(),
    "client_exists": set(),
    "dev_sign_in_unavailable": set(),
    "internal_error": set(),
    "service_unavailable": set(),
    "invalid_cursor": set(),
    "invalid_limit": set(),
    "integrity_error": set(),
    "content_destroyed": set(),
    "method_not_allowed": set(),
    "participant_already_invited": set(),
    "login_incomplete": set(),
    "flag_not_disclosable": set(),
    "not_your_participation": set(),
    "notice_version_outdated": {"version"},
    "already_acknowledged": set(),
    "agenda_item_unknown": set(),
    "silence_already_lifted": set(),
    "not_in_session": set(),
    "already_present": set(),
    "not_present": set(),
    "person_unknown": set(),
    "consent_already_withdrawn": set(),
    "prosecution_request_refused": set(),
    "already_disclosed": set(),
    "art_458bis_conditions_not_met": set(),
    "necessity_record_refused": set(),
    "regime_record_not_editable": set(),
    "follow_up_closes_without_plan": set(),
    "art46bis1_rerouted": set(),
}

ALL_CODES = sorted(set(POLICY_CODES) | set(LIFECYCLE_CODES) | set(API_CODES))

TITLED_STATUSES = (400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 500, 503)


def _values(vocabulary: type[Any]) -> frozenset[str]:
    return frozenset(member.value for member in vocabulary)


def _necessity_conditions() -> frozenset[str]:
    """The fields `_unmet("danger.grave")` names in policies/necessity.py (the `condition` param of R99)."""
    tree = ast.parse((POLICIES / "necessity.py").read_text(encoding="utf-8"))
    return frozenset(
        call.args[0].value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and _callee(call) == "_unmet"
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    )


#: param -> every value a policy can pass in it; "unknown" is what a policy passes for a fact not answered.
LABELLED: dict[str, frozenset[str]] = {
    "state": _values(ConcertationState),
    "transition": _values(Transition),
    "category": _values(PurposeCategory) | _values(AdminDataCategory),
    "sector": _values(Sector),
    "type": _values(BasisType),
    "legislator": _values(Legislator),
    "serves": _values(ItemPurpose) | {"unknown"},
    "purpose": _values(HierarchyPurpose) | {"unknown"},
    "recipient": _values(ReportRecipient) | {"unknown"},
    "condition": _necessity_conditions(),
    "issuer": _values(Art46bis1Issuer) | {"unknown"},
    "investigation": _values(InvestigationType) | {"unknown"},
}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# --- the collector itself: a test that could not fail is a defect ---


@pytest.mark.parametrize(
    "code",
    [
        "legal_basis_type_invalid",  # plain literal (legal_basis.py)
        "legislator_mismatch",  # multi-line Violation( call
        "chair_required",  # f"{name}_required"
        "requester_required",
        "initiator_required",
        "offence_outside_purpose",  # _OFFENCE_RULE table, unpacked into a variable
        "offence_ref_not_terrorist",
        "offence_ref_not_criminal_organisation",
        "legal_basis_applies",  # CHECKS pass codes
        "dates_valid",
        "art_458ter_only",  # R20, a conditional expression
        "no_police_or_parquet",
        "recipients_bound_by_secrecy",  # routing Condition tuples
        "follow_up_planned",
        "invalid_transition",  # lifecycle.py
        "purpose_not_allowed",  # strict.py, params through a local variable
    ],
)
def test_collector_finds_codes_of_every_shape(code: str) -> None:
    assert code in POLICY_CODES


def test_collector_reads_parameters() -> None:
    assert ("lifecycle.py", frozenset({"state", "transition"})) in {
        (site.split(":")[0], params) for site, params in POLICY_CODES["invalid_transition"]
    }
    assert {params for _, params in POLICY_CODES["unknown_value"]} == {frozenset({"field", "value"})}
    assert {params for _, params in POLICY_CODES["offence_ref_not_terrorist"]} == {frozenset({"offence"})}


def test_collector_reads_every_code() -> None:
    assert UNREADABLE == [], "a code is built in a way this test cannot read; make it a literal or extend the test"


def test_collector_resolves_synthetic_shapes(tmp_path: Path) -> None:
    source = tmp_path / "synthetic.py"
    source.write_text(
        "from policies.decision import Violation\n"
        "TABLE = {1: ('R1', 'from_table', 'g'), 2: ('R2', 'from_table_too', 'g')}\n"
        "def check(x):\n"
        "    rule, code, ground = TABLE[x]\n"
        "    alias = 'aliased'\n"
        "    for single in ('one', 'two'):\n"
        "        Violation('R1', f'{single}_alone', 'g')\n"
        "    return [Violation(rule, code, ground), Violation('R1', alias, 'g', params=None),\n"
        "            Violation('R1', code=f'x{x:>3}', legal_ground='g'), Violation('R1', x.code, 'g'),\n"
        "            Violation('R1', 'a' if x else f'{x}', 'g'), Violation('R1', unknown, 'g'),\n"
        "            Violation('R1', 'p', 'g', None, {**x}), Violation('R1', 'q', 'g', None, later)]\n",
        encoding="utf-8",
    )
    module = _Module(source)
    calls = [c for c in ast.walk(module.tree) if isinstance(c, ast.Call) and _callee(c) == "Violation"]
    read = {ast.unparse(c): module.codes(cast(ast.expr, _argument(c, "code", 1)), c) for c in calls}
    assert read["Violation(rule, code, ground)"] == ["from_table", "from_table_too"]
    assert read["Violation('R1', alias, 'g', params=None)"] == ["aliased"]
    assert read["Violation('R1', f'{single}_alone', 'g')"] == ["one_alone", "two_alone"]
    assert read["Violation('R1', code=f'x{x:>3}', legal_ground='g')"] is None
    assert read["Violation('R1', x.code, 'g')"] is None
    assert read["Violation('R1', 'a' if x else f'{x}', 'g')"] is None
    assert read["Violation('R1', unknown, 'g')"] is None
    params = {ast.unparse(c): module.params(_argument(c, "params", 4), c) for c in calls}
    assert params["Violation('R1', alias, 'g', params=None)"] == frozenset()
    assert params["Violation('R1', 'p', 'g', None, {**x})"] is None
    assert params["Violation('R1', 'q', 'g', None, later)"] is None


def test_a_new_code_without_messages_is_caught(tmp_path: Path) -> None:
    for path in POLICIES.glob("*.py"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "newrule.py").write_text(
        "from policies.decision import Violation\n"
        "def check() -> list[Violation]:\n"
        "    return [\n"
        "        Violation(\n"
        '            "R999",\n'
        '            "brand_new_code",\n'
        '            "g",\n'
        "        )\n"
        "    ]\n",
        encoding="utf-8",
    )
    codes, unreadable = _collect(tmp_path)
    assert unreadable == []
    assert set(codes) - set(MESSAGES) == {"brand_new_code"}
    assert set(POLICY_CODES) <= set(codes)


# --- coverage of the codes ---


@pytest.mark.parametrize("code", ALL_CODES, ids=ALL_CODES)
def test_every_code_has_a_message_in_every_language(code: str) -> None:
    assert code in MESSAGES, f"no message for {code!r}: add it to policies/messages.py in fr, nl and en"
    assert set(MESSAGES[code]) == set(LANGUAGES)
    for language in LANGUAGES:
        assert MESSAGES[code][language].strip(), (code, language)


@pytest.mark.parametrize("code", sorted(POLICY_CODES), ids=sorted(POLICY_CODES))
def test_templates_ask_only_for_parameters_every_caller_passes(code: str) -> None:
    wanted = _placeholders(MESSAGES[code][DEFAULT_LANGUAGE])
    for site, params in POLICY_CODES[code]:
        if params is not None:
            assert wanted <= params, f"{site} passes {sorted(params)}, the message wants {sorted(wanted)}"


@pytest.mark.parametrize("code", sorted({**LIFECYCLE_CODES, **API_CODES}), ids=sorted({**LIFECYCLE_CODES, **API_CODES}))
def test_lifecycle_and_api_templates_use_their_documented_parameters(code: str) -> None:
    expected = LIFECYCLE_CODES.get(code, API_CODES.get(code))
    assert _placeholders(MESSAGES[code][DEFAULT_LANGUAGE]) == expected


def test_no_message_without_a_code() -> None:
    assert set(MESSAGES) <= set(ALL_CODES), "a message for a code nobody reports: remove it or list the code here"


# --- the templates ---


@pytest.mark.parametrize("code", sorted(MESSAGES), ids=sorted(MESSAGES))
def test_templates_are_well_formed_and_consistent(code: str) -> None:
    templates = MESSAGES[code]
    assert {language: _placeholders(text) for language, text in templates.items()} == dict.fromkeys(
        LANGUAGES, _placeholders(templates[DEFAULT_LANGUAGE])
    )
    for language, text in templates.items():
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is not None:
                assert name.isidentifier() and not spec and conversion is None, (code, language, name)
        assert text == text.strip() and "  " not in text, (code, language)
        assert text.endswith("."), (code, language)
        assert text[0].isupper() or text[0] in "«“", (code, language)


@pytest.mark.parametrize("code", sorted(MESSAGES), ids=sorted(MESSAGES))
def test_legal_terms_match_the_language(code: str) -> None:
    fr, nl, en = (MESSAGES[code][language] for language in LANGUAGES)
    assert "Sw." not in fr and "Konings" not in fr
    assert "C. pén." not in nl and "procureur du Roi" not in nl and "Moniteur" not in nl
    assert "C. pén." not in en and "procureur" not in en and "Sw." not in en
    if "458ter" in fr:
        assert "art. 458ter" in fr and "C. pén." in fr
    if "458ter" in nl:
        assert "art. 458ter" in nl.lower() and "Sw." in nl
    if "458ter" in en:
        assert "art. 458ter" in en.lower() and "Penal Code" in en


def test_terminology_samples() -> None:
    assert "procureur du Roi" in MESSAGES["authorisation_not_written"]["fr"]
    assert "procureur des Konings" in MESSAGES["authorisation_not_written"]["nl"]
    assert "Crown Prosecutor" in MESSAGES["authorisation_not_written"]["en"]
    assert "Belgisch Staatsblad" in MESSAGES["basis_not_identified"]["nl"]
    assert "Moniteur belge" in MESSAGES["basis_not_identified"]["fr"]
    assert "Belgian Official Gazette" in MESSAGES["basis_not_identified"]["en"]
    assert "casusoverleg" in MESSAGES["legal_basis_missing"]["nl"]
    assert "concertation de cas" in MESSAGES["legal_basis_missing"]["fr"]
    assert "beroepsgeheim" in MESSAGES["police_parquet_not_shared_secrecy"]["nl"]
    assert "secret professionnel" in MESSAGES["police_parquet_not_shared_secrecy"]["fr"]
    assert "professional secrecy" in MESSAGES["police_parquet_not_shared_secrecy"]["en"]


def test_pass_messages_say_what_was_verified() -> None:
    assert MESSAGES["legal_basis_applies"]["fr"] == (
        "La concertation repose sur une base légale enregistrée, en vigueur, et reste dans ce qu'elle détermine."
    )


def test_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        cast(dict[str, Any], MESSAGES)["new"] = {}
    with pytest.raises(TypeError):
        cast(dict[str, str], MESSAGES["not_found"])["fr"] = "x"
    assert isinstance(TITLES, MappingProxyType) and isinstance(LABELS, MappingProxyType)


# --- rendering ---


@pytest.mark.parametrize(
    ("code", "language", "params", "expected"),
    [
        ("offence_unknown", "nl", {"offence": "cp_398"}, "De misdrijfcode cp_398 staat niet in de catalogus"),
        ("value_too_long", "en", {"field": "purpose.statement", "limit": "2000"}, "maximum length of 2000"),
        ("offence_not_in_force", "fr", {"offence": "cp_375", "on": "2023-01-01"}, "n'est pas en vigueur le 2023-01-01"),
        ("invalid_transition", "fr", {"state": "draft", "transition": "close"}, "« clôturer »"),
        ("invalid_transition", "nl", {"state": "in_session", "transition": "start"}, "status “in zitting”"),
        ("legislator_mismatch", "en", {"type": "decree", "legislator": "federal"}, "(“federal legislator”)"),
        ("participant_not_authorised", "nl", {"sector": "prosecution"}, "(sector “parket”)"),
        ("outside_basis", "fr", {"category": "prevent_terrorist_offences"}, "« prévenir des infractions terroristes »"),
        ("concertation_not_editable", "en", {"state": "unheard_of"}, "that is “unheard_of”"),
        ("not_found", "nl", {"unused": "x"}, "Deze resource bestaat niet"),
    ],
    ids=["offence", "two-params", "date", "labels-fr", "labels-nl", "labels-en", "sector", "category", "raw", "extra"],
)
def test_message_fills_and_labels_parameters(code: str, language: str, params: dict[str, str], expected: str) -> None:
    assert expected in message(code, language, params)


@pytest.mark.parametrize("code", sorted(MESSAGES), ids=sorted(MESSAGES))
def test_message_never_raises_without_parameters(code: str) -> None:
    nothing: tuple[dict[str, str] | None, ...] = (None, {})
    for language in LANGUAGES:
        for params in nothing:
            text = message(code, language, params)
            assert "{" not in text and "}" not in text
            assert text.count("?") >= len(_placeholders(MESSAGES[code][language]))


def test_missing_placeholder_renders_as_question_mark() -> None:
    assert message("offence_duplicated", "en") == (
        "Offence ? appears twice in the list of offences for which the concertation is organised: remove the duplicate."
    )
    assert message("invalid_transition", "en", {"state": "held"}).startswith("The action “?” is not possible")


def test_parameter_values_are_not_templates() -> None:
    text = message("unknown_field", "en", {"field": "{field}{0}{x.y}"})
    assert "{field}{0}{x.y}" in text


def test_long_parameter_values_are_cut() -> None:
    text = message("unknown_field", "fr", {"field": "x" * 10_000})
    assert "x" * (MAX_PARAM_LENGTH - 1) + "…" in text and "x" * MAX_PARAM_LENGTH not in text


def test_non_string_parameter_values_render() -> None:
    assert "200" in message("too_many_items", "en", cast(dict[str, str], {"field": "items", "limit": 200}))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "fr"),
        ("nl", "nl"),
        ("en", "en"),
        ("NL", "nl"),
        ("nl-BE", "nl"),
        ("en_GB", "en"),
        (" en ", "en"),
        ("de", "fr"),
        ("", "fr"),
        ("*", "fr"),
        (cast(str, None), "fr"),
    ],
    ids=["fr", "nl", "en", "upper", "region", "underscore", "spaces", "unknown", "empty", "star", "none"],
)
def test_message_language_fallback(language: str, expected: str) -> None:
    assert message("not_found", language) == MESSAGES["not_found"][expected]


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_code_gets_a_generic_message_naming_it(language: str) -> None:
    text = message("no_such_code", language, {"field": "x"})
    assert "no_such_code" in text
    assert text not in {t[language] for t in MESSAGES.values()}


def test_unknown_code_with_braces_is_not_a_template() -> None:
    assert "{0}{x}" in message("{0}{x}", "fr")


def test_unknown_code_is_cut() -> None:
    assert "c" * MAX_PARAM_LENGTH not in message("c" * 1000, "en")


# --- labels and titles ---


@pytest.mark.parametrize("param", sorted(LABELLED), ids=sorted(LABELLED))
def test_every_vocabulary_value_has_a_label_in_every_language(param: str) -> None:
    assert LABELLED[param], param
    assert set(LABELS[param]) == LABELLED[param]
    for value in LABELLED[param]:
        assert set(LABELS[param][value]) == set(LANGUAGES)
        for language in LANGUAGES:
            assert label(param, value, language) == LABELS[param][value][language]
            assert label(param, value, language).strip()


def test_labels_are_translated() -> None:
    assert label("state", "draft", "fr") == "brouillon"
    assert label("state", "draft", "nl") == "ontwerp"
    assert label("sector", "social_security_cpas", "nl") == "sociale zekerheid / OCMW"
    assert label("state", "draft", "xx") == "brouillon"


def test_label_of_an_unknown_value_or_parameter_is_the_value() -> None:
    assert label("state", "limbo", "nl") == "limbo"
    assert label("offence", "cp_398", "nl") == "cp_398"


def test_labels_cover_only_known_parameters() -> None:
    assert set(LABELS) == set(LABELLED)


@pytest.mark.parametrize("status", TITLED_STATUSES, ids=[str(s) for s in TITLED_STATUSES])
def test_every_status_has_a_title_in_every_language(status: int) -> None:
    assert set(TITLES[status]) == set(LANGUAGES)
    for language in LANGUAGES:
        assert title(status, language) == TITLES[status][language]
        assert title(status, language).strip() and len(title(status, language)) <= 40


def test_title_samples_and_fallbacks() -> None:
    assert set(TITLES) == set(TITLED_STATUSES)
    assert title(404, "nl") == "Niet gevonden"
    assert title(404, "de") == TITLES[404]["fr"]
    assert title(418, "en") == "Error"
    assert title(418, "fr") == "Erreur"


# --- negotiation ---


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("nl-BE,nl;q=0.9", "nl"),
        ("en-GB", "en"),
        ("de", "fr"),
        ("", "fr"),
        (None, "fr"),
        ("fr;q=0.1, nl;q=0.9", "nl"),
        ("fr-BE;q=0.8, en;q=0.9", "en"),
        ("nl, fr", "nl"),
        ("fr, nl", "fr"),
        ("de-DE, de;q=0.9, en;q=0.5, nl;q=0.4", "en"),
        ("NL-be", "nl"),
        ("nl_BE", "nl"),
        ("*", "fr"),
        ("fr;q=0, *", "nl"),
        ("fr;q=0, nl;q=0, *;q=0.1", "en"),
        ("*;q=0.5, en", "en"),
        ("*, *;q=0, en;q=0.5", "fr"),
        ("fr;q=0", "fr"),
        ("en;q=0", "fr"),
        ("nl;q=0.5, nl-BE;q=0.3, en;q=0.4", "nl"),
        ("nl;q=0.3, nl-BE;q=0.6, en;q=0.5", "nl"),
        ("en;level=1", "en"),
        ("en;level=1;q=0.2, nl;q=0.3", "nl"),
        ("en ; q = 0.7 , nl;q=0.6", "en"),
        ("en;Q=0.7, nl;q=0.6", "en"),
        ("en;q=1.000, nl;q=1", "en"),
        ("en;q=2, nl;q=0.1", "nl"),
        ("en;q=-1, nl;q=0.1", "nl"),
        ("en;q=0.1234, nl;q=0.1", "nl"),
        ("en;q=abc, nl;q=0.1", "nl"),
        ("en;q=, nl;q=0.1", "nl"),
        ("en;q=0.5;q=0.1, nl;q=0.3", "en"),
        ("%%%, ;;;, ,,, =q=", "fr"),
        ("nl-thisiswaytoolong", "fr"),
        ("\x00nl\xff, \u202een", "fr"),
        ("e n, nl", "nl"),
        ("nl-BE," + "x" * 10_000, "nl"),
        ("x" * 10_000 + ", nl", "fr"),
        (", " * 5_000 + "en", "fr"),
        ("de;q=0.1, " * 1_000 + "en", "fr"),
        ("en;q=0.5, " + "de, " * 2_000, "en"),
        ("é" * 10_240, "fr"),
        (cast(str, b"nl"), "fr"),
        (cast(str, 42), "fr"),
    ],
    ids=[
        "nl-BE-first",
        "en-GB",
        "de",
        "empty",
        "none",
        "q-values",
        "fr-BE-lower",
        "order-nl-fr",
        "order-fr-nl",
        "browser-de",
        "case",
        "underscore",
        "star",
        "fr-refused-star",
        "star-low",
        "star-vs-named",
        "first-star-wins",
        "only-fr-refused",
        "only-en-refused",
        "best-variant-kept",
        "better-variant-wins",
        "other-parameter",
        "parameter-then-q",
        "spaces",
        "Q-upper",
        "q-precision",
        "q-too-high",
        "q-negative",
        "q-too-precise",
        "q-garbage",
        "q-empty",
        "first-q-wins",
        "garbage",
        "subtag-too-long",
        "control-characters",
        "space-inside-tag",
        "10kB-after",
        "10kB-before",
        "10kB-of-commas",
        "too-many-ranges",
        "many-ranges-after",
        "10kB-unicode",
        "bytes",
        "int",
    ],
)
def test_negotiate(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


def test_negotiate_is_one_of_the_languages_on_random_garbage() -> None:
    alphabet = "frnlen-_;,=q.0123456789* \t\x00é"
    for seed in range(500):
        header = "".join(alphabet[(seed * 7919 + i * i * 31) % len(alphabet)] for i in range(seed % 97))
        assert negotiate(header) in LANGUAGES


def test_language_codes_are_well_formed() -> None:
    assert DEFAULT_LANGUAGE == "fr"
    assert LANGUAGES == ("fr", "nl", "en")
    assert all(re.fullmatch(r"[a-z]{2}", language) for language in LANGUAGES)
