"""The wheel carries the top-level targets.toml, so an installed lnrev finds it anywhere."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_embeds_the_top_level_targets_file(tmp_path):
    build = subprocess.run(
        [sys.executable, "-c", f"from hatchling.build import build_wheel; print(build_wheel({str(tmp_path)!r}))"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    wheel = tmp_path / build.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("lnrev/targets.toml") == (ROOT / "targets.toml").read_bytes()
        archive.extractall(tmp_path / "site")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    environment.pop("LNREV_FILE", None)
    run = subprocess.run(
        [sys.executable, "-c", "import lnrev.targetsfile.loading as l; print(l.embedded_targets())"],
        cwd=elsewhere, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(run.stdout.strip()) == tmp_path / "site" / "lnrev" / "targets.toml"
    status = subprocess.run(
        [sys.executable, "-m", "lnrev", "status", "--json"],
        cwd=elsewhere, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(status.stdout)["file"] == "embedded:targets.toml"
