#!/usr/bin/env python3
"""Check the metadata files schemerge ships for CI: a GitHub Action and pre-commit hooks.

    check_metadata.py action FILE       # action.yml: GitHub's action metadata, composite
    check_metadata.py pre-commit FILE   # .pre-commit-hooks.yaml: pre-commit's hook manifest
    check_metadata.py entry FILE ID     # print hook ID's entry and args, one word a line
    check_metadata.py workflow ACTION FILE  # a workflow's steps that use the action (uses:
                                        # OWNER/schemerge@REF) set only inputs ACTION declares,
                                        # and every required one
    check_metadata.py json FILE         # the parsed file as JSON (scalars as strings), for
                                        # comparing this parser with PyYAML in tests

Exit 0 when the file is valid, 1 with one `FILE:LINE:COL: error: …` line per problem, 2 on
usage errors. No network and no pip packages: Python's standard library has no YAML
parser, so this has its own, for the subset these files use.

YAML subset (anything else is an error, located): block mappings and block sequences
nested by indentation; `#` comments; plain, 'single-' and "double-quoted" scalars on one
line; block scalars `|`, `|-`, `>`, `>-`; flow sequences `[a, b]` and flow mappings
`{ a: b }` on one line, of scalars. Not supported: anchors and aliases, tags, several
documents, multi-line flow collections or quoted scalars, complex keys, tabs for indent.
Scalars stay strings, except `true`/`false` (booleans) where a key expects a boolean.

What is checked, for action.yml (after docs.github.com, "Metadata syntax for GitHub
Actions"): the top-level keys name, description and runs are present and no unknown key
is; runs.using is `composite` with a non-empty steps list; every input has a description,
a valid id, only known keys, and a required input has no default; every output has a
description and a value; each step has exactly one of `run` (then also `shell`) or
`uses` (`owner/repo[/path]@ref`, or `./path`), only keys a composite step may have,
unique ids; every `inputs.X` an expression names is declared and every `steps.X` names an
earlier step; no `${{ … }}` expression inside a `run` script (inputs go through `env`, so
a value cannot inject shell code); branding's color is one GitHub knows.
For .pre-commit-hooks.yaml (after pre-commit.com, "Creating new hooks"): a list of hooks,
each with id, name, entry and language, only known keys, unique ids, a known language,
regular expressions (files, exclude) that compile, lists where lists are expected.
"""

from __future__ import annotations

import dataclasses
import re
import sys


class YamlError(Exception):
    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


@dataclasses.dataclass
class Node:
    value: object          # str | bool | list[Node] | dict[str, Node]
    line: int
    col: int
    key_line: int = 0      # for a mapping value: where its key is
    key_col: int = 0


# --- the YAML subset -------------------------------------------------------------------------

def strip_comment(text: str) -> str:
    """Text without a trailing ` # comment` (outside quotes)."""
    quote = None
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def parse_scalar(text: str, line: int, col: int) -> Node:
    if text.startswith(("&", "*", "!")):
        raise YamlError(line, col, f"unsupported YAML (anchor, alias or tag): {text!r}")
    if text.startswith("'"):
        if len(text) < 2 or not text.endswith("'"):
            raise YamlError(line, col, "unterminated single-quoted scalar (multi-line scalars are not supported)")
        return Node(text[1:-1].replace("''", "'"), line, col)
    if text.startswith('"'):
        if len(text) < 2 or not text.endswith('"') or text.endswith('\\"') and not text.endswith('\\\\"'):
            raise YamlError(line, col, "unterminated double-quoted scalar (multi-line scalars are not supported)")
        body = text[1:-1]
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "\0"}
        out, i = [], 0
        while i < len(body):
            if body[i] == "\\":
                if i + 1 >= len(body) or body[i + 1] not in escapes:
                    raise YamlError(line, col + i + 1, "unsupported escape in a double-quoted scalar")
                out.append(escapes[body[i + 1]])
                i += 2
            else:
                out.append(body[i])
                i += 1
        return Node("".join(out), line, col)
    if text.startswith("["):
        if not text.endswith("]"):
            raise YamlError(line, col, "flow sequence must close on the same line")
        inner = text[1:-1].strip()
        items = [] if not inner else split_flow(inner, line, col + 1)
        return Node([parse_scalar(t, line, c) for t, c in items], line, col)
    if text.startswith("{"):
        if not text.endswith("}"):
            raise YamlError(line, col, "flow mapping must close on the same line")
        inner = text[1:-1].strip()
        mapping: dict[str, Node] = {}
        for item, c in ([] if not inner else split_flow(inner, line, col + 1)):
            key, sep, value = item.partition(":")
            if not sep:
                raise YamlError(line, c, f"expected 'key: value' in a flow mapping, got {item!r}")
            node = parse_scalar(value.strip(), line, c + len(key) + 1)
            node.key_line, node.key_col = line, c
            mapping[key.strip()] = node
        return Node(mapping, line, col)
    if text in ("|", "|-", ">", ">-", "|+", ">+"):
        raise YamlError(line, col, "internal: block scalar not handled here")
    if text.startswith(("%", "@", "`", "|", ">", "]", "}")):
        raise YamlError(line, col, f"a plain scalar cannot start with {text[0]!r}: quote it")
    if ": " in text or text.endswith(":") or " #" in text:
        raise YamlError(line, col, "a plain scalar cannot hold ': ', end in ':' or hold ' #': quote it")
    return Node(text, line, col)


def split_flow(inner: str, line: int, col: int) -> list[tuple[str, int]]:
    items, depth, quote, start = [], 0, None, 0
    for i, c in enumerate(inner + ","):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "[{":
            raise YamlError(line, col + i, "nested flow collections are not supported")
        elif c == "," and depth == 0:
            text = inner[start:i]
            stripped = text.strip()
            if stripped:
                items.append((stripped, col + start + (len(text) - len(text.lstrip()))))
            start = i + 1
    return items


class Parser:
    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.pos = 0

    def next_content(self) -> int | None:
        """Index of the next line holding something other than blanks and comments."""
        while self.pos < len(self.lines):
            raw = self.lines[self.pos]
            if "\t" in raw[: len(raw) - len(raw.lstrip(" \t"))]:
                raise YamlError(self.pos + 1, 1, "tab in indentation")
            if strip_comment(raw).strip() and raw.strip() != "---":
                return self.pos
            if raw.strip() == "---" and self.pos > 0:
                raise YamlError(self.pos + 1, 1, "several YAML documents are not supported")
            self.pos += 1
        return None

    def parse(self) -> Node:
        first = self.next_content()
        if first is None:
            raise YamlError(1, 1, "empty file")
        indent = len(self.lines[first]) - len(self.lines[first].lstrip(" "))
        node = self.block(indent)
        if self.next_content() is not None:
            raise YamlError(self.pos + 1, 1, "unexpected content (bad indentation?)")
        return node

    def block(self, indent: int) -> Node:
        index = self.next_content()
        assert index is not None
        text = strip_comment(self.lines[index])[indent:]
        if text.startswith("- ") or text == "-":
            return self.sequence(indent)
        return self.mapping(indent)

    def value_after(self, rest: str, line: int, col: int, parent_indent: int) -> Node:
        """The value of `key: rest` or `- rest`."""
        rest = rest.strip()
        if rest in ("|", "|-", ">", ">-", "|+", ">+"):
            return self.block_scalar(rest, line, col, parent_indent)
        if rest:
            return parse_scalar(rest, line, col)
        index = self.next_content()
        if index is None:
            return Node("", line, col)
        indent = len(self.lines[index]) - len(self.lines[index].lstrip(" "))
        child_text = self.lines[index].lstrip(" ")
        if indent > parent_indent or (indent == parent_indent and child_text.startswith("- ")):
            return self.block(indent)
        return Node("", line, col)  # an empty value

    def block_scalar(self, style: str, line: int, col: int, parent_indent: int) -> Node:
        body: list[str] = []
        block_indent = None
        while self.pos < len(self.lines):
            raw = self.lines[self.pos]
            if raw.strip():
                indent = len(raw) - len(raw.lstrip(" "))
                if indent <= parent_indent:
                    break
                if block_indent is None:
                    block_indent = indent
                if indent < block_indent:
                    raise YamlError(self.pos + 1, indent + 1, "block scalar line indented less than its first line")
                body.append(raw[block_indent:])
            else:
                body.append("")
            self.pos += 1
        while body and not body[-1]:
            body.pop()
        if style.startswith("|"):
            text = "\n".join(body)
        else:  # folded: lines of a paragraph joined by spaces
            paragraphs, current = [], []
            for b in body:
                if b:
                    current.append(b)
                else:
                    paragraphs.append(" ".join(current))
                    current = []
            paragraphs.append(" ".join(current))
            text = "\n".join(paragraphs)
        if not style.endswith("-") and text:
            text += "\n"
        return Node(text, line, col)

    def sequence(self, indent: int) -> Node:
        items: list[Node] = []
        start = self.pos + 1
        while (index := self.next_content()) is not None:
            raw = strip_comment(self.lines[index])
            this_indent = len(raw) - len(raw.lstrip(" "))
            if this_indent < indent:
                break
            if this_indent > indent:
                raise YamlError(index + 1, this_indent + 1, "unexpected indentation in a sequence")
            text = raw[indent:]
            if not (text.startswith("- ") or text == "-"):
                break
            self.pos = index + 1
            rest = text[1:]
            stripped = rest.strip()
            item_col = indent + 1 + (len(rest) - len(rest.lstrip(" "))) + 1
            if re.match(r"^[A-Za-z0-9_.-]+\s*:(\s|$)", stripped) or re.match(r"^['\"].*['\"]\s*:(\s|$)", stripped):
                # `- key: value` starts a mapping whose keys are indented like `key`
                map_indent = item_col - 1
                self.pos = index
                saved = self.lines[index]
                self.lines[index] = " " * map_indent + saved[map_indent:]
                items.append(self.mapping(map_indent))
                self.lines[index] = saved
            else:
                items.append(self.value_after(rest, index + 1, item_col, indent))
        return Node(items, start, indent + 1)

    def mapping(self, indent: int) -> Node:
        mapping: dict[str, Node] = {}
        start = self.pos + 1
        while (index := self.next_content()) is not None:
            raw = strip_comment(self.lines[index])
            this_indent = len(raw) - len(raw.lstrip(" "))
            if this_indent < indent:
                break
            if this_indent > indent:
                raise YamlError(index + 1, this_indent + 1, "unexpected indentation (a key deeper than its siblings)")
            text = raw[indent:]
            if text.startswith("- "):
                break
            match = re.match(r"^('[^']*'|\"[^\"]*\"|[^'\"\s:#][^:#]*?)\s*:(\s+|$)(.*)$", text)
            if not match:
                raise YamlError(index + 1, indent + 1, f"expected 'key: value', got {text.strip()!r}")
            key = match.group(1)
            if key[0] in "'\"":
                key = key[1:-1]
            if key in mapping:
                raise YamlError(index + 1, indent + 1, f"duplicate key '{key}'")
            self.pos = index + 1
            value_col = indent + match.start(3) + 1
            node = self.value_after(match.group(3), index + 1, value_col, indent)
            node.key_line, node.key_col = index + 1, indent + 1
            mapping[key] = node
        return Node(mapping, start, indent + 1)


def load_yaml(text: str) -> Node:
    return Parser(text).parse()


# --- checks ----------------------------------------------------------------------------------

class Report:
    def __init__(self, path: str):
        self.path = path
        self.errors: list[tuple[int, int, str]] = []

    def error(self, node: Node | None, message: str, at_key: bool = False) -> None:
        line, col = (1, 1) if node is None else ((node.key_line, node.key_col) if at_key and node.key_line
                                                 else (node.line, node.col))
        self.errors.append((line, col, message))

    def print(self) -> int:
        for line, col, message in sorted(self.errors):
            print(f"{self.path}:{line}:{col}: error: {message}")
        return 1 if self.errors else 0


def as_map(report: Report, node: Node, what: str) -> dict[str, Node]:
    if isinstance(node.value, dict):
        return node.value
    report.error(node, f"{what} must be a mapping")
    return {}


def as_list(report: Report, node: Node, what: str) -> list[Node]:
    if isinstance(node.value, list):
        return node.value
    report.error(node, f"{what} must be a list")
    return []


def as_string(report: Report, node: Node, what: str, non_empty: bool = True) -> str:
    if not isinstance(node.value, str):
        report.error(node, f"{what} must be a string")
        return ""
    if non_empty and not node.value.strip():
        report.error(node, f"{what} must not be empty")
    return node.value


def as_bool(report: Report, node: Node, what: str) -> bool | None:
    if isinstance(node.value, str) and node.value in ("true", "false"):
        return node.value == "true"
    report.error(node, f"{what} must be true or false")
    return None


def unknown_keys(report: Report, mapping: dict[str, Node], allowed: set[str], where: str) -> None:
    for key, node in mapping.items():
        if key not in allowed:
            report.error(node, f"unknown key '{key}' in {where} (known: {', '.join(sorted(allowed))})", at_key=True)


EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
BRANDING_COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
STEP_KEYS = {"id", "name", "if", "run", "shell", "uses", "with", "env", "working-directory", "continue-on-error"}


def walk_strings(node: Node):
    if isinstance(node.value, str):
        yield node
    elif isinstance(node.value, list):
        for item in node.value:
            yield from walk_strings(item)
    elif isinstance(node.value, dict):
        for item in node.value.values():
            yield from walk_strings(item)


def check_references(report: Report, node: Node, expression: str, inputs: set[str], steps: set[str]) -> None:
    for name in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", expression):
        if name not in inputs:
            report.error(node, f"expression names input '{name}', which inputs does not declare")
    for name in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)", expression):
        if name not in steps:
            report.error(node, f"expression names step '{name}', which is not an earlier step's id")


def check_action(report: Report, root: Node) -> None:
    top = as_map(report, root, "the action metadata")
    unknown_keys(report, top, {"name", "author", "description", "inputs", "outputs", "runs", "branding"}, "the action")
    for key in ("name", "description", "runs"):
        if key not in top:
            report.error(root, f"missing required key '{key}'")
    for key in ("name", "description", "author"):
        if key in top:
            as_string(report, top[key], key)

    inputs: set[str] = set()
    if "inputs" in top:
        for name, node in as_map(report, top["inputs"], "inputs").items():
            if not ID.match(name):
                report.error(node, f"input id '{name}' must start with a letter or '_' and hold only "
                                   "letters, digits, '-' and '_'", at_key=True)
            inputs.add(name)
            spec = as_map(report, node, f"input '{name}'")
            unknown_keys(report, spec, {"description", "required", "default", "deprecationMessage"}, f"input '{name}'")
            if "description" not in spec:
                report.error(node, f"input '{name}' has no description", at_key=True)
            else:
                as_string(report, spec["description"], f"input '{name}' description")
            required = as_bool(report, spec["required"], f"input '{name}' required") if "required" in spec else False
            if "default" in spec:
                as_string(report, spec["default"], f"input '{name}' default", non_empty=False)
                if required:
                    report.error(spec["default"], f"input '{name}' is required, so its default is never used",
                                 at_key=True)

    runs = as_map(report, top["runs"], "runs") if "runs" in top else {}
    if "runs" in top:
        unknown_keys(report, runs, {"using", "steps"}, "runs of a composite action")
        if "using" not in runs:
            report.error(top["runs"], "runs has no 'using'", at_key=True)
        elif runs["using"].value != "composite":
            report.error(runs["using"], f"runs.using must be 'composite', not {runs['using'].value!r}")
        if "steps" not in runs:
            report.error(top["runs"], "a composite action needs runs.steps", at_key=True)

    steps_seen: set[str] = set()
    for step_node in (as_list(report, runs["steps"], "runs.steps") if "steps" in runs else []):
        step = as_map(report, step_node, "a step")
        unknown_keys(report, step, STEP_KEYS, "a composite step")
        has_run, has_uses = "run" in step, "uses" in step
        if has_run == has_uses:
            report.error(step_node, "a step needs exactly one of 'run' and 'uses'")
        if has_run:
            script = as_string(report, step["run"], "run")
            if "shell" not in step:
                report.error(step["run"], "a 'run' step of a composite action needs 'shell'", at_key=True)
            else:
                as_string(report, step["shell"], "shell")
            if EXPRESSION.search(script):
                report.error(step["run"], "${{ … }} inside a run script: pass the value through env "
                                          "(an input could inject shell code)")
        if has_uses:
            uses = as_string(report, step["uses"], "uses")
            if not (uses.startswith("./") or re.match(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[\w./-]+$", uses)
                    or uses.startswith("docker://")):
                report.error(step["uses"], f"uses must be owner/repo[/path]@ref, ./path or docker://image, "
                                           f"not {uses!r}")
            for key in ("shell", "working-directory"):
                if key in step:
                    report.error(step[key], f"'{key}' applies to run steps only", at_key=True)
        for key in ("with", "env"):
            if key in step:
                for name, value in as_map(report, step[key], key).items():
                    if not isinstance(value.value, str):
                        report.error(value, f"{key}.{name} must be a string")
        if "if" in step:
            check_references(report, step["if"], as_string(report, step["if"], "if"), inputs, steps_seen)
        for string_node in walk_strings(step_node):
            for expression in EXPRESSION.findall(string_node.value):
                check_references(report, string_node, expression, inputs, steps_seen)
        if "id" in step:
            step_id = as_string(report, step["id"], "id")
            if not ID.match(step_id):
                report.error(step["id"], f"step id '{step_id}' is not a valid id")
            if step_id in steps_seen:
                report.error(step["id"], f"duplicate step id '{step_id}'")
            steps_seen.add(step_id)

    if "outputs" in top:
        for name, node in as_map(report, top["outputs"], "outputs").items():
            spec = as_map(report, node, f"output '{name}'")
            unknown_keys(report, spec, {"description", "value"}, f"output '{name}'")
            for key in ("description", "value"):
                if key not in spec:
                    report.error(node, f"output '{name}' of a composite action needs '{key}'", at_key=True)
            if "value" in spec:
                for expression in EXPRESSION.findall(as_string(report, spec["value"], "value")):
                    check_references(report, spec["value"], expression, inputs, steps_seen)

    if "branding" in top:
        branding = as_map(report, top["branding"], "branding")
        unknown_keys(report, branding, {"icon", "color"}, "branding")
        if "color" in branding and branding["color"].value not in BRANDING_COLORS:
            report.error(branding["color"], f"branding color must be one of {', '.join(sorted(BRANDING_COLORS))}")
        if "icon" in branding:
            as_string(report, branding["icon"], "branding icon")


HOOK_KEYS = {
    "id", "name", "entry", "language", "files", "exclude", "types", "types_or", "exclude_types",
    "always_run", "fail_fast", "verbose", "pass_filenames", "require_serial", "description",
    "language_version", "minimum_pre_commit_version", "args", "stages", "additional_dependencies",
    "log_file",
}
HOOK_LANGUAGES = {
    "conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail", "golang", "haskell",
    "lua", "node", "perl", "pygrep", "python", "python_venv", "r", "ruby", "rust", "script", "swift",
    "system",
}
HOOK_STAGES = {
    "commit", "merge-commit", "push", "prepare-commit-msg", "commit-msg", "post-checkout",
    "post-commit", "post-merge", "post-rewrite", "manual", "pre-commit", "pre-merge-commit",
    "pre-push", "pre-rebase",
}


def check_pre_commit(report: Report, root: Node) -> None:
    hooks = as_list(report, root, "a hook manifest (.pre-commit-hooks.yaml)")
    if isinstance(root.value, list) and not hooks:
        report.error(root, "no hooks")
    seen: set[str] = set()
    for node in hooks:
        hook = as_map(report, node, "a hook")
        unknown_keys(report, hook, HOOK_KEYS, "a hook")
        for key in ("id", "name", "entry", "language"):
            if key not in hook:
                report.error(node, f"hook has no '{key}'")
            else:
                as_string(report, hook[key], key)
        if "id" in hook:
            if hook["id"].value in seen:
                report.error(hook["id"], f"duplicate hook id '{hook['id'].value}'")
            seen.add(hook["id"].value)
        if "language" in hook and hook["language"].value not in HOOK_LANGUAGES:
            report.error(hook["language"], f"unknown language '{hook['language'].value}'")
        for key in ("files", "exclude"):
            if key in hook:
                try:
                    re.compile(as_string(report, hook[key], key))
                except re.error as e:
                    report.error(hook[key], f"'{key}' is not a valid regular expression: {e}")
        for key in ("types", "types_or", "exclude_types", "args", "stages", "additional_dependencies"):
            if key in hook:
                for item in as_list(report, hook[key], key):
                    as_string(report, item, f"an item of {key}")
        for item in (hook["stages"].value if "stages" in hook and isinstance(hook["stages"].value, list) else []):
            if item.value not in HOOK_STAGES:
                report.error(item, f"unknown stage '{item.value}'")
        for key in ("always_run", "fail_fast", "verbose", "pass_filenames", "require_serial"):
            if key in hook:
                as_bool(report, hook[key], key)


def check_workflow(report: Report, root: Node, action: Node) -> None:
    declared = action.value.get("inputs", Node({}, 0, 0)).value if isinstance(action.value, dict) else {}
    required = {name for name, spec in declared.items()
                if isinstance(spec.value, dict) and spec.value.get("required", Node("false", 0, 0)).value == "true"}
    jobs = as_map(report, as_map(report, root, "a workflow").get("jobs", Node({}, 1, 1)), "jobs")
    used = 0
    for job_name, job in jobs.items():
        for step in as_list(report, as_map(report, job, f"job '{job_name}'").get("steps", Node([], 0, 0)), "steps"):
            spec = as_map(report, step, "a step")
            if "uses" not in spec or not re.match(r"^[\w.-]+/schemerge@", str(spec["uses"].value)):
                continue
            used += 1
            given = as_map(report, spec["with"], "with") if "with" in spec else {}
            for name, node in given.items():
                if name not in declared:
                    report.error(node, f"input '{name}' is not declared by the action", at_key=True)
            for name in sorted(required - set(given)):
                report.error(spec["uses"], f"the action's required input '{name}' is not set")
    if not used:
        report.error(root, "no step uses the action (uses: OWNER/schemerge@REF)")


def to_plain(node: Node) -> object:
    if isinstance(node.value, list):
        return [to_plain(n) for n in node.value]
    if isinstance(node.value, dict):
        return {k: to_plain(n) for k, n in node.value.items()}
    return node.value


def main(argv: list[str]) -> int:
    modes = ("action", "pre-commit", "entry", "json", "workflow")
    if len(argv) not in (3, 4) or argv[1] not in modes or (argv[1] in ("entry", "workflow")) != (len(argv) == 4):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    if argv[1] == "workflow":
        action_path, argv = argv[2], [argv[0], argv[1], argv[3]]
        try:
            with open(action_path, encoding="utf-8") as f:
                action = load_yaml(f.read())
        except (OSError, UnicodeDecodeError, YamlError) as e:
            print(f"{action_path}: error: cannot read the action: {e}", file=sys.stderr)
            return 2
    path = argv[2]
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f"{path}: error: cannot read: {e}", file=sys.stderr)
        return 2
    report = Report(path)
    try:
        root = load_yaml(text)
    except YamlError as e:
        print(f"{path}:{e.line}:{e.col}: error: {e.message}")
        return 1
    if argv[1] == "json":
        import json
        print(json.dumps(to_plain(root), indent=1, sort_keys=True))
        return 0
    if argv[1] == "workflow":
        check_workflow(report, root, action)
    elif argv[1] == "action":
        check_action(report, root)
    elif argv[1] == "pre-commit":
        check_pre_commit(report, root)
    else:
        check_pre_commit(report, root)
        if report.errors:
            return report.print()
        for node in root.value:
            if node.value["id"].value == argv[3]:
                words = node.value["entry"].value.split()
                words += [a.value for a in node.value.get("args", Node([], 0, 0)).value]
                print("\n".join(words))
                return 0
        print(f"{path}: error: no hook with id '{argv[3]}'", file=sys.stderr)
        return 1
    return report.print()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
