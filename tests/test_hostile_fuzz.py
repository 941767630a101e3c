"""The fuzz of issue 20: real and small reports, mutated byte by byte and by their structure —
stray rulings, pages sharing streams, forms nested and drawn many times, huge coordinates,
inverted boxes, turned pages — must end in a one-line ``LoadError`` or in a report every rule
checks; never in another exception.

The budget is small by default; CI's extended run raises it (``FINRECON_FUZZ_EXAMPLES``, see
``.ci/run``).  Every crash the fuzz has found is kept below as an ``@example``.

Each example is read in a forked child under an address-space limit (Linux): an example that
makes PDFium allocate without bound (it aborts the process when an allocation fails) fails that
example, shrunk and printed by hypothesis, instead of the kernel's OOM killer ending the run —
or another process of the machine.
"""

from __future__ import annotations

import io
import os
import resource
import signal
import sys
import traceback

import pikepdf
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from finrecon.engine import check
from finrecon.readers import Limits, LoadError
from finrecon.readers.pdf import load_pdf

from .conftest import shared_pdf
from .hostile_pdfs import summary_report
from .pdfs import final_report

EXAMPLES = int(os.environ.get("FINRECON_FUZZ_EXAMPLES", "8"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
REAL = "shanghai-putuo-finance-2024-final.pdf"

coordinate = st.one_of(st.floats(-50, 900), st.sampled_from([1e8, -1e8, 1e30, 3.4e38, 0.0]))
stroke = st.tuples(coordinate, coordinate, coordinate, coordinate)
mutation = st.one_of(
    st.tuples(st.just("stray"), st.integers(0, 40), st.lists(stroke, min_size=1, max_size=4)),
    st.tuples(st.just("share"), st.integers(0, 40), st.integers(0, 40)),
    st.tuples(st.just("nest"), st.integers(0, 40), st.integers(1, 40), st.integers(1, 3000)),
    st.tuples(st.just("box"), st.integers(0, 40), st.tuples(coordinate, coordinate, coordinate, coordinate)),
    st.tuples(st.just("rotate"), st.integers(0, 40), st.sampled_from([90, 180, 270, 45, -90])),
    st.tuples(st.just("scale"), st.integers(0, 40), coordinate),
    st.tuples(st.just("drop"), st.integers(0, 40)),
    st.tuples(st.just("repeat"), st.integers(0, 40), st.integers(1, 30)),
)
byte_edit = st.tuples(st.integers(0, 10**7), st.integers(0, 64), st.binary(max_size=16))


def mutate(data: bytes, mutations: list[tuple]) -> bytes:
    """``data`` with each structural mutation applied in turn (page numbers taken modulo the pages)."""
    document = pikepdf.open(io.BytesIO(data))
    for kind, page, *rest in mutations:
        if not len(document.pages):
            break
        target = document.pages[page % len(document.pages)]
        if kind == "stray":
            strokes = " ".join(f"{a:.6g} {b:.6g} m {c:.6g} {d:.6g} l S" for a, b, c, d in rest[0])
            target.contents_add(document.make_stream(f"q 0.5 w {strokes} Q".encode()), prepend=False)
        elif kind == "share":
            other = document.pages[rest[0] % len(document.pages)]
            target.obj.Contents = other.obj.get("/Contents", document.make_stream(b""))
            target.obj.Resources = other.obj.get("/Resources", pikepdf.Dictionary())
        elif kind == "nest":
            depth, times = rest
            target.contents_coalesce()
            form = document.make_indirect(document.make_stream(
                target.obj.Contents.read_bytes(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                BBox=[0, 0, 842, 842], Resources=target.obj.get("/Resources", pikepdf.Dictionary())))
            for _ in range(depth - 1):
                form = document.make_indirect(document.make_stream(
                    b"q /F Do Q q /F Do Q", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 842, 842],
                    Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=form))))
            target.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=form))
            target.obj.Contents = document.make_stream(b"q /F Do Q\n" * times)
        elif kind == "box":
            target.obj.MediaBox = list(rest[0])
        elif kind == "rotate":
            target.obj.Rotate = rest[0]
        elif kind == "scale":
            target.contents_add(document.make_stream(f"{rest[0]:.6g} 0 0 {rest[0]:.6g} 0 0 cm".encode()), prepend=True)
        elif kind == "drop":
            del document.pages[page % len(document.pages)]
        elif kind == "repeat":
            for _ in range(rest[0]):
                document.pages.append(target)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def edit(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, delete, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + delete] = insert
    return bytes(out)


MEMORY = 2 * 1024**3  # address space an example may add to the test process's own
TIMEOUT = 300  # seconds an example may take (the slowest take a few)


def read_and_check(data: bytes) -> None:
    """The property: a one-line error naming the file, or a report every rule checks — read in
    a child process whose address space is bounded, where the system allows."""
    if sys.platform != "linux":  # no fork with rlimits: read in this process
        _read_and_check(data)
        return
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child: its outcome reaches the parent through the pipe
        status = 0
        try:
            os.close(reader)
            signal.alarm(TIMEOUT)  # a hang ends the child too (SIGALRM), and is reported so
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = _address_space() + MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
            _read_and_check(data)
        except BaseException:  # noqa: BLE001 - every failure is the parent's to report
            os.write(writer, traceback.format_exc()[-8000:].encode())
            status = 1
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        failure = pipe.read().decode(errors="replace")
    _, status = os.waitpid(child, 0)
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        raise AssertionError(f"the reader died of {name} (PDFium aborts when it cannot allocate: the example costs more "
                             f"than {MEMORY >> 30} GB of address space; SIGALRM: it took more than {TIMEOUT} s)")
    if os.WEXITSTATUS(status):
        raise AssertionError(failure)


def _address_space() -> int:
    """This process's address space now, in bytes (``VmSize``)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _read_and_check(data: bytes) -> None:
    """The property itself."""
    try:
        loaded = load_pdf(data, "fuzz.pdf", Limits(max_pages=60))
    except LoadError as error:
        line = error.render("en")
        assert "\n" not in line and line.startswith("fuzz.pdf"), line
        return
    for finding in check(loaded):
        assert finding.message and (finding.page is None or finding.page >= 1)


SMALL = {"final": final_report(), "summary": summary_report()}


@FUZZ
@given(st.sampled_from(sorted(SMALL)), st.lists(mutation, min_size=1, max_size=4))
@example("summary", [("stray", 1, [(400.0, 662.0, 400.0, 602.0)])])  # IndexError in Grid.cell, issue 20
@example("final", [("stray", 2, [(44.0, 300.0, 1e30, 300.0)])])
@example("final", [("nest", 2, 30, 1)])
@example("final", [("share", 1, 2), ("repeat", 1, 30)])
@example("final", [("box", 0, (595.0, 842.0, 0.0, 0.0)), ("rotate", 2, 90)])
def test_structural_mutations_of_small_reports(seed: str, mutations: list[tuple]) -> None:
    read_and_check(mutate(SMALL[seed], mutations))


_REAL: list[bytes] = []


def real_report() -> bytes:
    """The real report's bytes, read once (a function, not a fixture: hypothesis would print a
    fixture's 3.7 MB with every falsifying example)."""
    if not _REAL:
        _REAL.append(shared_pdf(REAL).read_bytes())
    return _REAL[0]


# Crashes found on the real report, kept: three strokes on table 1's first page (page 6) made
# Grid.cell raise IndexError(4) (seeds 0, 3 and 4 of the probe, 28 of 40 crashed).
REAL_CRASHES = [
    [("stray", 5, [(502.4, 638.2, 502.4, 556.8), (304.2, 341.0, 398.7, 341.0), (283.6, 491.2, 437.5, 491.2)])],
    [("stray", 5, [(141.6, 458.2, 141.6, 275.0), (372.3, 55.2, 372.3, -196.9), (154.3, 197.3, 298.0, 197.3)])],
    [("stray", 5, [(140.4, 86.9, 140.4, 36.2), (39.6, 338.1, 280.7, 338.1), (455.3, 186.9, 541.9, 186.9)])],
    # Page 16's box cut to 97 × 99 points: two continuations of one table in a row, the second
    # given the roles the first had taken instead of its head's (IndexError in _roles_under).
    [("box", 15, (0.0, 0.0, 97.0, 99.0))],
]


@pytest.mark.parametrize("mutations", REAL_CRASHES, ids=range(len(REAL_CRASHES)))
def test_crashes_found_on_the_real_report(mutations: list[tuple]) -> None:
    read_and_check(mutate(real_report(), mutations))


@FUZZ
@given(st.lists(mutation, min_size=1, max_size=3))
def test_structural_mutations_of_a_real_report(mutations: list[tuple]) -> None:
    read_and_check(mutate(real_report(), mutations))


@FUZZ
@given(st.lists(byte_edit, min_size=1, max_size=6))
def test_byte_mutations_of_a_real_report(edits: list[tuple[int, int, bytes]]) -> None:
    read_and_check(edit(real_report(), edits))
