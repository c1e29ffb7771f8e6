"""The built wheel, installed into a fresh virtual environment and run from an
empty folder outside the repository, finds its workflows, templates and
migrations."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def run(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_installed_wheel_runs_outside_the_repository(tmp_path):
    dist = tmp_path / "dist"
    built = run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(dist)],
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("gremium-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    installed = run([str(py), "-m", "pip", "install", "-q", str(wheel)], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "empty-folder"
    elsewhere.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GREMIUM_", "PYTHON", "VIRTUAL_ENV"))
    }
    where = run(
        [
            str(py),
            "-c",
            "import governance, governance.resources as r; print(governance.__file__); print(r.workflows_dir()); print(r.templates_dir())",
        ],
        cwd=elsewhere,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    module, workflows, templates = where.stdout.split()
    assert (
        module.startswith(str(env_dir))
        and workflows.startswith(str(env_dir))
        and templates.startswith(str(env_dir))
    )
    assert (Path(workflows) / "agreement.yaml").is_file()

    gremium = str(env_dir / "bin" / "gremium")
    init = run([gremium, "init", "--example", "treptow-koepenick"], cwd=elsewhere, env=env)
    assert init.returncode == 0, init.stderr
    assert (elsewhere / "gremium.db").is_file()  # the default database lives in the working folder

    diagram = run(
        [gremium, "workflow", "show", "agreement", "--format", "mermaid"], cwd=elsewhere, env=env
    )
    assert diagram.returncode == 0, diagram.stderr
    assert "stateDiagram" in diagram.stdout and "open_for_signature" in diagram.stdout

    as_module = run([str(py), "-m", "governance", "--help"], cwd=elsewhere, env=env)
    assert as_module.returncode == 0 and "agreement" in as_module.stdout

    # The document templates and the print stylesheet ship too: a PDF/A from an empty folder.
    pdf = run(
        [gremium, "documents", "render", "agreement", "1", "--out", "kv.pdf"],
        cwd=elsewhere,
        env=env,
    )
    assert pdf.returncode == 0, pdf.stderr
    assert (elsewhere / "kv.pdf").read_bytes().startswith(b"%PDF-1.7")
