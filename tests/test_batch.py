"""Many reports at once: the same findings in the same order whatever --jobs is."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_output_is_the_same_whatever_jobs_is(tmp_path: Path) -> None:
    for copy in range(6):
        for sample in sorted(SAMPLES.glob("*.yaml")):
            folder = tmp_path / f"unit-{copy}"
            folder.mkdir(exist_ok=True)
            shutil.copy(sample, folder / sample.name)
    (tmp_path / "unit-3" / "broken.yaml").write_text("meta: [\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "finrecon", "check", "--lang", "zh", "--format", "json", "--jobs", jobs, str(tmp_path)],
            capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 2  # one unreadable file, the others still checked
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    document = json.loads(outputs[0])
    samples = len(list(SAMPLES.glob("*.yaml")))
    assert document["summary"]["files"] == 6 * samples + 1 and document["summary"]["unreadable"] == 1
    assert [Path(report["file"]).parent.name for report in document["reports"]][: samples + 1] == ["unit-0"] * samples + ["unit-1"]
