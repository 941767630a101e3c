"""Hostile PDFs (issue 20): each defect has its own PDF, built in ``tests/hostile_pdfs.py``, and
ends in one line naming the file with exit 2, or in the right findings — never a traceback, a
hang or gigabytes.

Each runs the real CLI in a subprocess under an address-space limit and a timeout: the limits
are the structure that makes a regression fail instead of hanging the suite.  What each case
costs (seconds, peak memory) is measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests import hostile_pdfs as hostile
from tests.pdfs import final_report

MEMORY = 2 * 1024 * 1024 * 1024  # address space, not resident memory: PDFium maps much it never touches
TIMEOUT = 120


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def finrecon(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "finrecon", *args], capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=_limit, cwd=cwd,
    )


def refused(path: Path) -> str:
    """The one line ``check`` gives a file it refuses (exit 2)."""
    result = finrecon("check", "--lang", "en", str(path))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(str(path)), lines
    return lines[0]


def findings(path: Path, *options: str) -> list[dict]:
    """What ``check`` finds in a file it reads (exit 0 or 1)."""
    result = finrecon("check", "--lang", "en", "--format", "json", *options, str(path))
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)["reports"][0]
    assert not report.get("error")
    return report["findings"]


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """The findings of the small report the hostile ones are built from (its FR102s are its own)."""
    path = tmp_path_factory.mktemp("reference") / "report.pdf"
    path.write_bytes(final_report())
    return sorted((finding["rule"], finding["path"]) for finding in findings(path))


def _same(found: list[dict], reference: list[tuple[str, str]]) -> bool:
    return sorted((finding["rule"], finding["path"]) for finding in found) == reference


# 1 ------------------------------------------------------------------ a quadratic pattern
def test_a_page_of_200_000_digits_is_refused_by_its_cost(tmp_path: Path) -> None:
    line = refused(written(tmp_path, "digits.pdf", hostile.many_digits()))
    assert ":p.2: this page's content" in line and "more than 1000000 bytes" in line


def test_a_paragraph_of_40_000_digits_is_checked_by_every_rule(tmp_path: Path) -> None:
    found = findings(written(tmp_path, "paragraph.pdf", hostile.digits_paragraph()))
    assert any(finding["rule"] == "FR904" for finding in found)  # read and checked, FR809 among the rules


def test_the_yaml_extract_writes_of_such_a_page_checks_too(tmp_path: Path) -> None:
    report = tmp_path / "digits.yaml"
    report.write_text("meta: {unit: 上海市示例区测试局, year: 2024}\ntext:\n  parts:\n    - heading: 一、说明\n      paragraphs:\n"
                      f"        - '{'1' * 100_000}万'\n        - '{'1,111' * 20_000}万'\n", encoding="utf-8")
    result = finrecon("check", "--lang", "en", "--format", "json", str(report))
    assert result.returncode in (0, 1), result.stderr


def test_the_patterns_once_quadratic_scan_10_5_characters() -> None:
    """Each in a subprocess with a timeout: a quadratic pattern takes minutes here, a linear one
    a fraction of a second."""
    script = (
        "from finrecon.rules.wording import _WAN, _MISSING_UNIT\n"
        "from finrecon.readers.budget_sentences import _patterns\n"
        "from finrecon.subjects import _DASH\n"
        "from finrecon.template import templates\n"
        "plan = [p for t in templates().values() if t.projects for p in _patterns(t.projects)]\n"
        "assert plan\n"
        "for pattern in (_WAN, _MISSING_UNIT, _DASH, *plan):\n"
        "    for unit in ('1', '1,111', '1.', '-', ' ', '为', '占'):\n"
        "        text = unit * (100_000 // len(unit))\n"
        "        sum(1 for _ in pattern.finditer(text))\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_every_pattern_is_found_by_the_audit() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import regex_audit

    found = regex_audit.patterns()
    assert len(found) > 80
    assert any(place.endswith("_WAN") for place in found) and any(place.startswith("layouts/") for place in found)
    assert regex_audit.literals(r"\d+万(?=[，。])") == ["1", "万", "，", "。"]


# 2 ------------------------------------------------------------------ one bad file, one entry
def test_stray_rulings_across_table_1_leave_its_other_page_unread_not_a_crash(tmp_path: Path) -> None:
    """The strokes give table 1's first page a column its second page has not: the second page
    is reported unread (FR923, its head unlike the first's), the first is read."""
    assert findings(written(tmp_path, "clean.pdf", hostile.summary_report()), "--select", "FR92") == []
    found = findings(written(tmp_path, "stray.pdf", hostile.stray_rulings()), "--select", "FR92")
    assert [(finding["rule"], finding["page"]) for finding in found] == [("FR923", 3)]
    assert "a table's head is not the template's" in found[0]["message"]


# 3 ------------------------------------------------------------------ geometry on the page
@pytest.mark.parametrize("length", [1e8, 1e9, 1e30])
def test_a_ruling_longer_than_the_page_is_clipped_to_it(tmp_path: Path, reference: list[tuple[str, str]], length: float) -> None:
    assert _same(findings(written(tmp_path, "long.pdf", hostile.long_ruling(length))), reference)


@pytest.mark.parametrize("build", [hostile.inverted_mediabox, hostile.zero_mediabox])
def test_the_page_box_is_the_one_pdfium_draws(tmp_path: Path, reference: list[tuple[str, str]], build) -> None:  # noqa: ANN001
    found = findings(written(tmp_path, "box.pdf", build()))
    if build is hostile.inverted_mediabox:
        assert _same(found, reference)
    else:  # a Letter page: the same words, other places
        assert {finding["rule"] for finding in found} >= {"FR102", "FR904"}


# 4, 5 --------------------------------------------------------------- amplification
@pytest.mark.parametrize(("build", "message"), [
    (hostile.shared_stream, ":p.381: the PDF's content, shared pages and forms counted each time drawn, is more than 8000000 bytes"),
    (hostile.xobject_repeated, ":p.4: this page's content, forms drawn counted each time, is more than 1000000 bytes"),
    (hostile.deep_xobjects, ":p.4: this page's content, forms drawn counted each time, is more than 1000000 bytes"),
    # 1 200 deep overflowed the measure's stack: the page went unmeasured and PDFium drew 2**40 forms
    (lambda: hostile.deep_xobjects(1200), ":p.4: this page draws forms within forms more than 32 deep (the file may be built to amplify)"),
    (lambda: hostile.flate_bomb(1 << 28, level=1), ": the PDF's content inflates to more than 134217728 bytes"),
])
def test_a_small_file_that_draws_gigabytes_is_refused(tmp_path: Path, build, message: str) -> None:  # noqa: ANN001
    assert message in refused(written(tmp_path, "amplified.pdf", build()))


@pytest.mark.parametrize(("hide", "where"), [("page", ": "), ("form", ":p.4: ")])
def test_a_cost_hidden_from_the_measure_is_refused(tmp_path: Path, hide: str, where: str) -> None:
    """An object qpdf cannot parse (an integer of 31 digits) hides 2**27 draws of a form from the
    measure, PDFium reads it: the file is refused before PDFium parses a page, under the 2 GB
    address space it once exhausted."""
    line = refused(written(tmp_path, "hidden.pdf", hostile.hidden_from_qpdf(hide)))
    assert re.search(re.escape(where) + r"object \d+ of the PDF cannot be parsed as the PDF standard defines it, so what its pages cost "
                     r"to lay out cannot be measured beforehand \(the file may be built to amplify\)$", line), line


def test_the_measure_must_see_what_pdfium_sees() -> None:
    """The pages PDFium counts are the pages measured; a file PDFium opens and qpdf cannot is not
    measured, so not read (``check_cost`` is given PDFium's count once PDFium has opened it)."""
    from finrecon.readers import LoadError, Limits
    from finrecon.readers.pdf.cost import check_cost

    data = final_report()
    check_cost(data, Limits(), 4)
    with pytest.raises(LoadError) as caught:
        check_cost(data, Limits(), 5)
    assert caught.value.text.render("en").startswith("the PDF's page tree cannot be read as the standard defines it (PDFium finds 5 pages, the standard 4)")
    with pytest.raises(LoadError) as caught:
        check_cost(data[:200], Limits(), 4)
    assert caught.value.text.render("en").startswith("the PDF's structure cannot be read as the standard defines it")
    check_cost(data[:200], Limits())  # before PDFium has opened it: PDFium's opening gives the reason


def test_each_bound_has_its_message_and_can_be_raised(tmp_path: Path) -> None:
    from finrecon.readers import LoadError, Limits
    from finrecon.readers.pdf import read_pdf

    data = hostile.digits_paragraph(12_000)
    bounds = {  # a paragraph of 12 000 digits over three pages of 3 600 each, 45 lines a page
        "max_paragraph": (10_000, "a paragraph longer than 10000 characters"),
        "max_page_glyphs": (3000, "glyphs, more than the limit of 3000"),
        "max_glyphs": (5000, "the PDF draws more than 5000 glyphs"),
        "max_page_objects": (20, "objects, more than the limit of 20"),
        "max_page_content": (1000, "this page's content, forms drawn counted each time, is more than 1000 bytes"),
        "max_content": (10_000, "the PDF's content, shared pages and forms counted each time drawn, is more than 10000 bytes"),
        "max_inflated": (1000, "the PDF's content inflates to more than 1000 bytes"),
    }
    for name, (limit, message) in bounds.items():
        with pytest.raises(LoadError) as caught:
            read_pdf(data, Limits(**{name: limit}))
        assert message in caught.value.text.render("en"), caught.value.text.render("en")
    read_pdf(data)  # within the defaults


# 6 ------------------------------------------------------------------ honest reasons
@pytest.mark.parametrize("build", [hostile.no_tounicode, hostile.type3_font])
def test_fonts_without_unicode_are_their_own_reason(tmp_path: Path, build) -> None:  # noqa: ANN001
    assert refused(written(tmp_path, "fonts.pdf", build())).endswith("the PDF's fonts map to no characters (the text layer cannot be read): give a PDF whose text can be copied, or YAML")


def test_a_full_width_year_on_the_cover_is_read(tmp_path: Path) -> None:
    result = finrecon("check", "--lang", "en", "--format", "json", str(written(tmp_path, "year.pdf", hostile.full_width_year())))
    report = json.loads(result.stdout)["reports"][0]
    assert (report["unit"], report["year"]) == ("上海市示例区测试局", 2024)


# 7 ------------------------------------------------------------------ odd but real
def test_the_same_report_twice_is_said_and_checked_once(tmp_path: Path, reference: list[tuple[str, str]]) -> None:
    found = findings(written(tmp_path, "twice.pdf", hostile.concatenated()))
    [other] = [finding for finding in found if finding["rule"] == "FR926"]
    assert other["page"] == 5 and "上海市示例区测试局2024年度部门决算" in other["message"]
    assert _same([finding for finding in found if finding["rule"] != "FR926"], reference)  # no row summed twice


def test_another_departments_report_after_the_first_is_not_read(tmp_path: Path) -> None:
    found = findings(written(tmp_path, "two.pdf", hostile.concatenated("上海市示例区另一局")))
    assert [finding["page"] for finding in found if finding["rule"] == "FR926"] == [5]
    assert all(finding["page"] is None or finding["page"] < 5 for finding in found if finding["rule"] != "FR926")


def test_a_title_page_or_a_back_cover_is_no_other_report(tmp_path: Path) -> None:
    found = findings(written(tmp_path, "titles.pdf", hostile.with_title_pages()))
    assert not any(finding["rule"] == "FR926" for finding in found)
    assert any(finding["rule"] == "FR102" and finding["page"] == 4 for finding in found)  # table 5, after the title page, read


def test_a_rotated_page_is_read_as_its_text_runs(tmp_path: Path) -> None:
    found = findings(written(tmp_path, "rotated.pdf", hostile.rotated_table()))
    assert not any(finding["rule"] == "FR923" for finding in found)  # nothing of page 4 under table 1's title
    assert any(finding["rule"] == "FR102" and finding["page"] == 4 for finding in found)  # table 5 read on it


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_page_turned_with_its_text_reads_as_before(rotate: int) -> None:
    from finrecon.readers.pdf import read_pdf

    assert read_pdf(hostile.turned_with_its_text(rotate))[0]["tables"] == read_pdf(final_report())[0]["tables"]


# 8 ------------------------------------------------------------------ a name that looks like an option
def test_a_file_named_with_a_leading_dash(tmp_path: Path) -> None:
    (tmp_path / "-上.pdf").write_bytes(final_report())
    assert finrecon("check", "--lang", "en", "-上.pdf", cwd=tmp_path).returncode == 1
    assert finrecon("check", "--lang", "en", "--", "-上.pdf", cwd=tmp_path).returncode == 1
    missing = finrecon("check", "--lang", "en", "-下.pdf", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "finrecon: no such option: -下.pdf; a file whose name begins with '-' goes after --, or as ./-下.pdf"
    assert re.search(r"No such option: --bogus", finrecon("check", "--bogus", "x.pdf", cwd=tmp_path).stderr)
    attached = finrecon("check", "--lang", "en", "-fjson", "-oout.json", "-上.pdf", cwd=tmp_path)  # short options with their values
    assert attached.returncode == 1 and json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["files"] == 1
