"""A published event schema only evolves compatibly; a breaking change is a new version."""

from __future__ import annotations

import copy
import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.tooling.contracts import (
    ContractError,
    classify_change,
    contracts_dir,
    write_contracts,
)

pytestmark = pytest.mark.contract

BASE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["task_id", "percent", "steps"],
    "properties": {
        "task_id": {"type": "string"},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100},
        "state": {"type": "string", "enum": ["open", "done"]},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/Step"}},
    },
    "$defs": {
        "Step": {
            "type": "object",
            "required": ["due"],
            "properties": {"due": {"type": "string", "format": "date"}},
        }
    },
}


def _changed(edit: Any) -> dict[str, Any]:
    schema = copy.deepcopy(BASE)
    edit(schema)
    return schema


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda s: s["properties"].pop("state"), "state: removed"),
        (lambda s: s["properties"]["percent"].update(type="number"), "percent: type changed"),
        (lambda s: s["properties"]["task_id"].update(format="uuid"), "task_id: format changed"),
        (lambda s: s["required"].append("state"), "state: newly required"),
        (lambda s: s["properties"]["state"]["enum"].remove("done"), "no longer allowed"),
        (lambda s: s["properties"]["state"].update(const="open"), "no longer allowed"),
        (lambda s: s["properties"]["percent"].update(maximum=50), "maximum tightened"),
        (lambda s: s["$defs"]["Step"]["properties"]["due"].update(format="date-time"), "due"),
        (lambda s: s["$defs"]["Step"].update(additionalProperties=False), "steps[]"),
        (lambda s: s["$defs"]["Step"]["required"].append("note"), "steps[].note"),
    ],
    ids=[
        "removed",
        "retyped",
        "reformatted",
        "new-required",
        "enum-narrowed",
        "const",
        "bound",
        "nested-defs",
        "closed",
        "nested-required",
    ],
)
def test_breaking_changes_are_detected(edit: Any, expected: str) -> None:
    breaking = classify_change(BASE, _changed(edit))
    assert any(expected in change for change in breaking), breaking


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s["properties"].update(note={"type": "string"}),
        lambda s: s["properties"]["state"]["enum"].append("cancelled"),
        lambda s: s["properties"]["percent"].pop("maximum"),
        lambda s: s["properties"]["percent"].update(description="Progress, in percent."),
        lambda s: s["$defs"]["Step"]["properties"].update(note={"type": "string"}),
        lambda s: s["required"].remove("steps"),
    ],
    ids=["new-optional", "enum-widened", "loosened", "annotation", "nested-optional", "optional"],
)
def test_compatible_changes_are_not_breaking(edit: Any) -> None:
    assert classify_change(BASE, _changed(edit)) == []


def test_a_renamed_definition_with_the_same_shape_is_not_breaking() -> None:
    def rename(schema: dict[str, Any]) -> None:
        schema["$defs"] = {"StepV2": schema["$defs"].pop("Step")}
        schema["properties"]["steps"]["items"] = {"$ref": "#/$defs/StepV2"}

    assert classify_change(BASE, _changed(rename)) == []


def _models(percent_type: type) -> tuple[type[IntegrationEvent], ...]:
    # Two generations of the same contract and version, as a careless edit would produce.
    class TaskProgressedV1(IntegrationEvent):
        service = "plans"
        aggregate = "task"
        event = "progressed"
        task_id: str
        percent: percent_type  # type: ignore[valid-type]

    class TaskProgressedV2(TaskProgressedV1):
        schema_version = 2

    return TaskProgressedV1, TaskProgressedV2


def test_write_contracts_refuses_a_breaking_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QCDC_CONTRACTS_DIR", str(tmp_path))
    v1, _ = _models(int)
    write_contracts([v1])
    published = (tmp_path / v1.schema_path()).read_text(encoding="utf-8")

    edited_v1, v2 = _models(str)
    with pytest.raises(ContractError, match="publish v2 side by side"):
        write_contracts([edited_v1])
    assert (tmp_path / v1.schema_path()).read_text(encoding="utf-8") == published

    write_contracts([v1, v2])  # the way out: the old version stays, the new one joins it
    assert (tmp_path / "events/plans.task.progressed/v2.json").is_file()
    assert (tmp_path / "asyncapi.yaml").is_file() and (tmp_path / "envelope.json").is_file()


def test_write_contracts_accepts_a_compatible_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QCDC_CONTRACTS_DIR", str(tmp_path))
    v1, _ = _models(int)
    write_contracts([v1])

    class TaskProgressedV1(v1):  # type: ignore[misc,valid-type]
        note: str | None = None

    assert tmp_path / v1.schema_path() in write_contracts([TaskProgressedV1])


# --- history: no committed version of a vN.json ever broke the previous one ----------------


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


def _git_root_or_skip(folder: Path) -> Path | None:
    """The checkout's root; None when it has no commit yet (so no history to compare)."""
    reason = None
    if shutil.which("git") is None:
        reason = "git is not installed"
    elif (top := _git(folder, "rev-parse", "--show-toplevel")).returncode != 0:
        reason = f"{folder} is not in a git checkout"
    elif _git(folder, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        reason = "shallow clone: contract history is incomplete (fetch with full depth)"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must check out the full git history")
        pytest.skip(reason)
    if _git(folder, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return None
    return Path(top.stdout.strip())


def _history(root: Path, relative: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, path at that point, schema), newest first, the working tree included."""
    log = _git(root, "log", "--follow", "--format=commit %H", "--name-only", "--", relative)
    if log.returncode != 0:
        raise AssertionError(log.stderr)
    commits: list[list[str]] = []  # [sha, path]; a merge commit lists no path
    for line in filter(None, log.stdout.splitlines()):
        if line.startswith("commit "):
            commits.append([line.removeprefix("commit "), commits[-1][1] if commits else relative])
        else:
            commits[-1][1] = line
    entries: list[tuple[str, str, dict[str, Any]]] = []
    for sha, path in commits:
        shown = _git(root, "show", f"{sha}:{path}")
        if shown.returncode == 0:  # absent at a commit that deleted it
            entries.append((sha[:10], path, json.loads(shown.stdout)))
    on_disk = root / relative
    if on_disk.is_file():
        current = json.loads(on_disk.read_text(encoding="utf-8"))
        if not entries or entries[0][2] != current:
            entries.insert(0, ("working tree", relative, current))
    return entries


def _breaking_history(root: Path, relative: str) -> list[str]:
    found = []
    history = _history(root, relative)
    for (new_label, new_path, new), (old_label, old_path, old) in itertools.pairwise(history):
        if new_path != old_path:  # a rename moved history across versions: not one promise
            continue
        for change in classify_change(old, new):
            found.append(f"{relative} {old_label} -> {new_label}: {change}")
    return found


def test_no_committed_contract_ever_broke_its_version() -> None:
    folder = contracts_dir()
    root = _git_root_or_skip(folder)
    if root is None:
        return  # nothing committed yet: nothing to compare
    found = []
    for path in sorted(folder.glob("events/*/v*.json")):
        found += _breaking_history(root, path.resolve().relative_to(root.resolve()).as_posix())
    assert not found, "a published version changed incompatibly; add v{N+1} instead:\n" + (
        "\n".join(found)
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    for key, value in (("user.name", "test"), ("user.email", "test@example.invalid")):
        _git(tmp_path, "config", key, value)
    return tmp_path


def _commit(repo: Path, relative: str, schema: dict[str, Any]) -> None:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(schema), encoding="utf-8")
    _git(repo, "add", "-A")
    assert _git(repo, "commit", "-q", "-m", "contract").returncode == 0


def test_history_catches_a_breaking_commit_and_an_uncommitted_edit(repo: Path) -> None:
    relative = "contracts/events/plans.task.progressed/v1.json"
    _commit(repo, relative, BASE)
    _commit(repo, relative, _changed(lambda s: s["properties"].update(note={"type": "string"})))
    assert _breaking_history(repo, relative) == []

    _commit(repo, relative, _changed(lambda s: s["properties"].pop("state")))
    assert any("state: removed" in change for change in _breaking_history(repo, relative))

    (repo / relative).write_text(json.dumps(_changed(lambda s: s["required"].append("state"))))
    assert any("working tree" in change for change in _breaking_history(repo, relative))


def test_history_of_an_uncommitted_file_is_empty(repo: Path) -> None:
    _commit(repo, "README.md", {})
    relative = "contracts/events/plans.task.progressed/v1.json"
    (repo / relative).parent.mkdir(parents=True)
    (repo / relative).write_text(json.dumps(BASE), encoding="utf-8")
    assert _breaking_history(repo, relative) == []
