#!/usr/bin/env python3
"""Turn one job of a GitHub Actions workflow written in README.md into a bash script that
runs its `run` steps as GitHub's runner does, so a test can run the README's example job
against a throwaway server (no GitHub, no network).

    workflow_script.py README.md MARKER JOB [--service HOST=SOCKET_DIR] > job.sh

The workflow is the first ```yaml block after the line containing MARKER. Each `run` step
becomes `bash --noprofile --norc -eo pipefail` on its script (GitHub's default shell in a
container with bash) in $GITHUB_WORKSPACE, with the job's and the step's `env`; a step
whose `if:` contains `always()` runs after a failure too; the script exits with the first
failing step's code. Not run, and said so: `uses` steps (the test makes the checkout
itself) and steps that install packages (`apt-get install`, `curl -o …deb`: the test puts
the built schemerge on PATH). Before that, the install step is checked: every command the
other steps run (psql, git, python3, make, …) must come from a package it installs, or the
job fails on a fresh `debian:12` container.

--service HOST=DIR rewrites `postgresql://USER:PASSWORD@HOST/DB` (a service container
reached by its name) to `postgresql://USER:PASSWORD@/DB?host=DIR` (a Unix socket).
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "check_metadata", Path(__file__).resolve().parents[2] / "packaging" / "check_metadata.py")
check_metadata = importlib.util.module_from_spec(spec)
sys.modules["check_metadata"] = check_metadata  # dataclasses look their module up there
spec.loader.exec_module(check_metadata)

# The Debian package that provides a command a step runs (debian:12 has none of these).
PROVIDERS = {
    "psql": "postgresql-client-15",
    "pg_dump": "postgresql-client-15",
    "git": "git",
    "curl": "curl",
    "python3": "python3",
    "make": "make",
}
# Commands every debian:12 image has.
BASE = {"apt-get", "bash", "sh", "cat", "echo", "test", "cd", "env", "export", "true", "false", "grep", "sed",
        "printf", "[", "if", "then", "fi", "for", "do", "done", "set"}


def commands(script: str) -> set[str]:
    """The command words of SCRIPT: first words of lines, pipeline stages, $( ) and && / ||."""
    found = set()
    for part in re.split(r"\n|\||&&|;|\$\(", script):
        words = part.strip().split()
        while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=\S*", words[0]):
            words = words[1:]  # VAR=value prefixes
        if words and re.fullmatch(r"[A-Za-z0-9_.-]+", words[0]):
            found.add(words[0])
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    readme, marker, job_name = Path(argv[1]), argv[2], argv[3]
    services: dict[str, str] = {}
    args = argv[4:]
    while args:
        if args[0] != "--service" or len(args) < 2 or "=" not in args[1]:
            print(f"workflow_script.py: bad argument {args[0]}", file=sys.stderr)
            return 2
        host, _, path = args[1].partition("=")
        services[host] = path
        args = args[2:]

    text = readme.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(text) if marker in line), None)
    if start is None:
        print(f"workflow_script.py: {readme}: no line contains '{marker}'", file=sys.stderr)
        return 1
    try:
        begin = next(i for i in range(start, len(text)) if text[i].strip() == "```yaml")
        end = next(i for i in range(begin + 1, len(text)) if text[i].strip() == "```")
    except StopIteration:
        print(f"workflow_script.py: {readme}: no ```yaml block after '{marker}'", file=sys.stderr)
        return 1
    try:
        workflow = check_metadata.to_plain(check_metadata.load_yaml("\n".join(text[begin + 1:end]) + "\n"))
    except check_metadata.YamlError as e:
        print(f"{readme}:{begin + 1 + e.line}:{e.col}: error: {e.message}", file=sys.stderr)
        return 1
    job = workflow.get("jobs", {}).get(job_name)
    if job is None:
        print(f"workflow_script.py: {readme}: the workflow has no job '{job_name}'", file=sys.stderr)
        return 1

    def rewrite(value: str) -> str:
        for host, path in services.items():
            value = re.sub(r"(postgresql://[^@/\s\"']*)@" + re.escape(host) + r"/([A-Za-z0-9_$]+)",
                           lambda m: f"{m.group(1)}@/{m.group(2)}?host={path}", value)
        return value

    steps = job.get("steps", [])
    installers = [s for s in steps if "run" in s and "apt-get install" in s["run"]]
    installed: set[str] = set()
    for step in installers:
        for line in step["run"].splitlines():
            if "apt-get install" in line:
                installed.update(w for w in line.split("apt-get install", 1)[1].split() if not w.startswith("-"))
    problems = []
    for step in steps:
        if "run" not in step or step in installers:
            continue
        for command in sorted(commands(step["run"])):
            if command in BASE or command == "schemerge":
                continue
            package = PROVIDERS.get(command)
            if package is None:
                problems.append(f"step '{step.get('name', step['run'].splitlines()[0])}' runs '{command}', "
                                "which workflow_script.py does not know")
            elif package not in installed:
                problems.append(f"step '{step.get('name', step['run'].splitlines()[0])}' runs '{command}', "
                                f"but no step installs {package}")
    if problems:
        for p in problems:
            print(f"{readme}: error: {p}", file=sys.stderr)
        return 1

    lines = ["#!/bin/bash", f"# Generated by tests/packaging/workflow_script.py from {readme.name}, job {job_name}.",
             "job_rc=0"]
    for key, value in job.get("env", {}).items():
        lines.append(f"export {key}={shlex.quote(rewrite(str(value)))}")
    for index, step in enumerate(steps):
        name = step.get("name", f"step {index + 1}")
        lines.append(f"echo {shlex.quote('::group::' + name)}")
        if "uses" in step:
            lines.append(f"echo {shlex.quote('(not run here) uses: ' + step['uses'])}")
        elif step in installers or re.search(r"curl .*\.deb", step["run"]):
            lines.append(f"echo {shlex.quote('(not run here: installs) ' + step['run'].strip())}")
        else:
            cond = str(step.get("if", ""))
            if cond and cond != "always()":
                print(f"workflow_script.py: cannot evaluate if: {cond}", file=sys.stderr)
                return 1
            guard = "true" if cond == "always()" else "[ $job_rc = 0 ]"
            env = " ".join(f"{k}={shlex.quote(rewrite(str(v)))}" for k, v in step.get("env", {}).items())
            lines.append(f"if {guard}; then")
            lines.append(f"  ( cd \"$GITHUB_WORKSPACE\" && env {env} bash --noprofile --norc -eo pipefail -c "
                         f"{shlex.quote(rewrite(step['run']))} ) || {{ rc=$?; [ $job_rc = 0 ] && job_rc=$rc; }}")
            lines.append("fi")
        lines.append("echo ::endgroup::")
    lines.append("exit $job_rc")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
