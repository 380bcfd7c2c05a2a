"""``docs/rules.md`` is generated from the rules' docstrings and must be up to date."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from checker.rules import all_rules

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rules", DOCS / "gen_rules.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_is_up_to_date() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert text == _generator().render(), "docs/rules.md is stale: run python docs/gen_rules.py"


def test_rules_page_documents_every_rule() -> None:
    text = _generator().render()
    for rule in all_rules():
        assert f"## {rule.code} {rule.name}\n" in text
        assert rule.summary() in text


def test_check_mode_reports_a_stale_page(tmp_path, monkeypatch, capsys) -> None:
    gen = _generator()
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n", encoding="utf-8")
    monkeypatch.setattr(gen, "TARGET", stale)
    assert gen.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert gen.main([]) == 0
    assert stale.read_text(encoding="utf-8") == gen.render()
    assert gen.main(["--check"]) == 0
