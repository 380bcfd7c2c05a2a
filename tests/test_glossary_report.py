"""The feed report: per-concept data, the four renderers and ``wirecheck report``."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.config import Settings
from checker.model import StoryInput
from checker.report import build_report, check_run, render, report_for_run

MT = {
    "ecb-rates": (
        "The European Central Bank kept its rates unchanged on Thursday, Agence -Presse "
        "reported.\n\n"
        "The central bank said inflation was slowing.\n\n"
        "A spokesman for France-Presse Agency said the ECB would meet again in December.\n"
    ),
    "nk-troops": (
        "Hong Min, an analyst at the Korea Institute for National Reunification, spoke to AFP.\n\n"
        "Agence France-Presse could not reach the ministry.\n"
    ),
}
REF = {
    "ecb-rates": (
        "The European Central Bank left its rates unchanged on Thursday, Agence France-Presse "
        "reported.\n\n"
        "The ECB said inflation was slowing.\n\n"
        "An AFP spokesman said the ECB would meet again in December.\n"
    ),
    "nk-troops": (
        "Hong Min, an analyst at the Korea Institute for National Unification, told AFP.\n\n"
        "Agence France-Presse could not reach the ministry.\n"
    ),
}
SRC = {
    "ecb-rates": (
        "La Banque centrale européenne a maintenu ses taux jeudi, a rapporté l'Agence "
        "France-Presse.\n\n"
        "La Banque centrale européenne a indiqué que l'inflation ralentissait.\n\n"
        "Un porte-parole de l'AFP a indiqué que la BCE se réunirait de nouveau en décembre.\n"
    ),
    "nk-troops": (
        "Hong Min, analyste à l'Institut coréen pour la réunification nationale, a parlé à "
        "l'AFP.\n\n"
        "L'Agence France-Presse n'a pas pu joindre le ministère.\n"
    ),
}


def stories() -> list[StoryInput]:
    return [
        StoryInput(id=key, mt=MT[key], mt_path=f"mt/{key}.txt", ref=REF[key],
                   ref_path=f"ref/{key}.txt", src=SRC[key], src_path=f"src/{key}.txt",
                   lang="en", src_lang="fr")
        for key in MT
    ]


@pytest.fixture(scope="module")
def report() -> dict:
    settings = Settings()
    return report_for_run(check_run(stories(), settings), settings)


def concept(report: dict, concept_id: str) -> dict:
    return next(c for c in report["concepts"] if c["id"] == concept_id)


def test_concepts_count_correct_garbled_forbidden_and_missing(report: dict) -> None:
    afp = concept(report, "afp")
    assert (afp["garbled"], afp["forbidden"]) == (1, 1)
    assert {(v["kind"], v["text"]) for v in afp["variants"]} == {
        ("garbled", "Agence -Presse"), ("forbidden", "France-Presse Agency"),
    }
    forms = {f["form"]: f["count"] for f in afp["correct_forms"]}
    assert forms == {"AFP": 1, "Agence France-Presse": 1}
    assert afp["occurrences"] == 4
    assert afp["source_mentions"] == 4

    ecb = concept(report, "ecb")
    assert ecb["missing"] == 1  # "The central bank said ..." for "La Banque centrale européenne"
    assert ecb["missing_in"][0]["story"] == "ecb-rates"
    assert ecb["missing_in"][0]["line"] == 3
    assert {f["form"] for f in ecb["correct_forms"]} == {"European Central Bank", "ECB"}


def test_variants_say_where_they_occur(report: dict) -> None:
    kinu = concept(report, "kinu")
    [variant] = kinu["variants"]
    assert variant["suggestion"] == "Korea Institute for National Unification"
    assert variant["where"] == [
        {"story": "nk-troops", "line": 1, "column": 29, "location": "mt/nk-troops.txt:1:29"}
    ]


def test_concepts_with_problems_come_first(report: dict) -> None:
    problems = [c["problems"] for c in report["concepts"]]
    assert problems == sorted(problems, reverse=True)
    assert report["concepts"][0]["id"] == "afp"


def test_scores_per_story_and_segment(report: dict) -> None:
    assert [s["id"] for s in report["stories"]] == ["ecb-rates", "nk-troops"]
    assert all(s["chrf"] is not None for s in report["stories"])
    assert len(report["segment_chrf"]) == 5
    distribution = report["distribution"]["segment_chrf"]
    assert distribution["min"] <= distribution["median"] <= distribution["max"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained_with_tables_and_plots(report: dict) -> None:
    html = render(report, "html")
    page = _Page()
    page.feed(html)
    tags = [tag for tag, _ in page.tags]
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"concepts", "stories", "distribution"} <= ids
    assert {"plot-problems", "plot-usage", "plot-stories", "plot-segments"} <= ids
    assert tags.count("svg") == 4
    assert "script" not in tags and "link" not in tags and "img" not in tags
    for _, attrs in page.tags:
        for name in ("src", "href", "xlink:href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)
    assert "@import" not in html
    assert re.findall(r"url\((?!#)", html) == []  # only in-page references (SVG clip paths)
    text = " ".join(page.text)
    assert "Agence -Presse" in text and "France-Presse Agency" in text
    assert "mt/nk-troops.txt:1:29" in text


def test_html_escapes_story_text() -> None:
    settings = Settings()
    story = StoryInput(id="<b>x</b>", mt="Officials at the <International Monetary Found> said.",
                       mt_path="a&b.txt", lang="en")
    html = render(report_for_run(check_run([story], settings), settings), "html")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "a&amp;b.txt" in html


def test_csv_report_has_a_row_per_concept_and_form(report: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    garbled = [r for r in rows if r["concept"] == "kinu"]
    assert garbled == [{
        "concept": "kinu", "label": "Korea Institute for National Unification",
        "kind": "garbled", "lang": "en", "form": "Korea Institute for National Reunification",
        "status": "", "count": "1", "suggestion": "Korea Institute for National Unification",
        "where": "nk-troops:1",
    }]
    missing = [r for r in rows if r["kind"] == "missing"]
    assert [(r["concept"], r["where"]) for r in missing] == [("ecb", "ecb-rates:3")]


def test_markdown_report_tables(report: dict) -> None:
    text = render(report, "md")
    assert "| concept | name | mentions | correct | garbled | forbidden | missing | in source |" in text
    assert "| `afp` | Agence France-Presse | 4 | 2 | 1 | 1 | 0 | 4 |" in text
    assert '- garbled: "Agence -Presse" (use "Agence France-Presse")' in text


def test_json_report_round_trips(report: dict) -> None:
    assert json.loads(render(report, "json")) == report


def test_report_without_glossary(tmp_path: Path) -> None:
    settings = Settings(default_glossary=False)
    data = report_for_run(check_run(stories(), settings), settings)
    assert data["concepts"] == []
    assert "No glossary concept was mentioned" in render(data, "html")


def test_unknown_format_is_refused(report: dict) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render(report, "pdf")


def test_build_report_needs_no_glossary_index() -> None:
    run = check_run(stories()[:1], Settings(select=("WC8",)))
    data = build_report(run, None)
    assert data["summary"]["stories"] == 1 and data["concepts"] == []


# -- the command -----------------------------------------------------------------------------


def write_feed(root: Path) -> None:
    for side, texts in (("mt", MT), ("ref", REF), ("src", SRC)):
        (root / side).mkdir()
        for key, text in texts.items():
            (root / side / f"{key}.txt").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "html", "csv", "md"])
def test_report_command_writes_the_file_atomically(cli, tmp_path: Path, fmt: str) -> None:
    write_feed(tmp_path)
    out = tmp_path / "out" / f"report.{fmt}"
    out.parent.mkdir()
    result = cli("report", "mt", "--ref", "ref", "--src", "src", "--lang", "en",
                 "--src-lang", "fr", "--format", fmt, "-o", str(out), "-j", "1", "--isolated")
    assert result.code == 0, result.err
    assert f"wrote {fmt} report of 2 stories" in result.err
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left
    text = out.read_text(encoding="utf-8")
    assert "Korea Institute for National Reunification" in text
    if fmt == "json":
        assert json.loads(text)["summary"]["stories"] == 2


def test_report_command_prints_to_stdout_without_output(cli, tmp_path: Path) -> None:
    write_feed(tmp_path)
    result = cli("report", "mt", "--format", "json", "-j", "1", "--isolated")
    assert result.code == 0
    assert json.loads(result.out)["summary"]["stories"] == 2


def test_report_command_with_a_malformed_glossary_exits_2(cli, tmp_path: Path) -> None:
    write_feed(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("concept,lang,term,status\nx,en,Thing,maybe\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = cli("report", "mt", "--glossary", str(bad), "-o", str(out), "--isolated")
    assert result.code == 2
    assert f"{bad}:2: unknown status 'maybe'" in result.err
    assert not out.exists()


# -- one language, figures that agree, nothing local ------------------------------------
def test_concepts_are_named_in_the_report_language(report: dict) -> None:
    assert report["summary"]["lang"] == "en"  # the stories' target language
    assert concept(report, "ecb")["label"] == "European Central Bank"
    settings = Settings()
    french = report_for_run(check_run(stories(), settings), settings, "fr")
    assert french["summary"]["lang"] == "fr"
    assert concept(french, "ecb")["label"] == "Banque centrale européenne"
    html = render(french, "html")
    assert '<html lang="fr">' in html and "Banque centrale européenne" in html


def test_segment_counts_say_what_they_count(report: dict) -> None:
    summary = report["summary"]
    assert summary["segments"] == sum(s["segments"] for s in report["stories"])
    assert summary["scored_segments"] == sum(s["scored_segments"] for s in report["stories"])
    assert report["distribution"]["segment_chrf"]["count"] == summary["scored_segments"]
    md = render(report, "md")
    assert (f"{summary['segments']} aligned segments ({summary['scored_segments']} scored "
            "against a reference)") in md


def test_rule_names_stand_beside_codes(report: dict) -> None:
    assert report["summary"]["rule_names"]["WC103"] == "garbled-term"
    html = render(report, "html")
    assert re.search(r"WC103</td><td[^>]*>garbled-term</td>", html)
    assert "`WC103` garbled-term:" in render(report, "md")


def test_no_absolute_local_path_in_the_report(cli, tmp_path: Path) -> None:
    write_feed(tmp_path)
    glossary = tmp_path / "terms" / "house.csv"
    glossary.parent.mkdir()
    glossary.write_text("concept,lang,term,status\nhouse,en,House Agency,preferred\n",
                        encoding="utf-8")
    result = cli("report", str(tmp_path / "mt"), "--glossary", str(glossary), "-j", "1",
                 "--isolated")
    assert result.code == 0, result.err
    assert str(tmp_path) not in result.out
    assert "house.csv" in result.out


def _layout(html: Path, width: int) -> dict[str, float]:
    """Page and element widths measured by headless Chromium at ``width`` CSS pixels."""
    import shutil
    import subprocess
    import tempfile

    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                    if shutil.which(n)), None)
    if browser is None:
        pytest.skip("no Chromium on this machine")
    probe = html.with_name(f"probe-{width}.html")
    script = (
        "<script>const r = {page: document.documentElement.scrollWidth, "
        "concepts: document.getElementById('concepts').getBoundingClientRect().right, "
        "stories: document.getElementById('stories').getBoundingClientRect().right, "
        "plots: Math.max(...[...document.querySelectorAll('figure svg')]"
        ".map(s => s.getBoundingClientRect().right))};"
        "document.body.setAttribute('data-layout', JSON.stringify(r));</script>"
    )
    probe.write_text(html.read_text(encoding="utf-8").replace("</body>", script + "</body>"),
                     encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", f"--window-size={width},900",
             "--dump-dom", probe.as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        )
    found = re.search(r"data-layout=\"([^\"]+)\"", done.stdout)
    assert found, done.stderr[-500:]
    return json.loads(found.group(1).replace("&quot;", '"'))


@pytest.mark.parametrize("width", [700, 1200])
def test_html_report_fits_the_window_in_a_real_browser(report: dict, tmp_path: Path,
                                                       width: int) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    layout = _layout(page, width)
    assert layout["page"] <= width, layout
    assert layout["concepts"] <= width and layout["stories"] <= width, layout
    assert layout["plots"] <= width, layout
