#!/usr/bin/env python3
"""Man pages and bash completion for schemerge, generated from the binary's own --help.

    cli_docs.py man SCHEMERGE DOCS_DIR OUT_DIR [--source-dir DIR]
        OUT_DIR/schemerge.1 and OUT_DIR/schemerge-CMD.1 for every command `schemerge --help`
        lists, each also gzipped (OUT_DIR/*.1.gz, gzip -9n: no name, no time stamp) for
        installing. NAME, SYNOPSIS and OPTIONS come from `--help`; the prose sections from
        DOCS_DIR/schemerge[-CMD].md (see docs/man/README.md for its Markdown subset).
        Pages of commands that no longer exist are removed from OUT_DIR.
    cli_docs.py completion SCHEMERGE OUT_FILE
        a bash completion script: commands, each command's options, option values
        (choices from --help, files, directories, git refs).
    cli_docs.py commands SCHEMERGE
        the commands, one per line (what both of the above cover).

Why from --help: options are added to commands often (and by several people at once);
pages and completion built from the binary cannot list an option it does not parse, or
miss one it does. The help text is CLI11's (2.1) fixed layout: entries indented by two
spaces, descriptions at column 30 (on the next line when the name part is longer).
Standard library only (no pip packages): this runs at build time.
"""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

DESCRIPTION_COLUMN = 30  # CLI11's default column width

# Placeholders for option values, by option name: CLI11 says only TEXT. The same kind picks
# what completion offers (FILE: files, DIR: directories, REF: git refs). Options missing here
# are shown as their CLI11 type and get no value completion.
VALUE_KINDS = {
    "--output": "FILE", "--schema-out": "FILE", "--plan-ours": "FILE", "--plan-theirs": "FILE",
    "--plan": "FILE", "--config": "FILE",
    "--repo": "DIR", "--out": "DIR",
    "--base": "REF", "--head": "REF", "--into": "REF",
    "--path": "PATH",
    "--rename": "KIND:OLD=NEW", "--rename-ours": "KIND:OLD=NEW", "--rename-theirs": "KIND:OLD=NEW",
    "--resolve": "OBJECT=ours|theirs",
    "--fail-on": "ID,...",
    "--dsn": "DSN",
}
# Positionals by name: schema sources and files complete as files, HOTFIX as a git ref.
POSITIONAL_KINDS = {"HOTFIX": "REF"}


@dataclasses.dataclass
class Option:
    names: list[str]          # ["-o", "--output"], or ["SOURCE"] for a positional
    type_name: str = ""       # "TEXT", "" for a flag
    choices: list[str] = dataclasses.field(default_factory=list)
    repeatable: bool = False
    required: bool = False
    description: str = ""

    @property
    def positional(self) -> bool:
        return not self.names[0].startswith("-")

    @property
    def long_name(self) -> str:
        return next((n for n in self.names if n.startswith("--")), self.names[0])

    @property
    def kind(self) -> str:
        if self.positional:
            return POSITIONAL_KINDS.get(self.names[0], "FILE")
        return VALUE_KINDS.get(self.long_name, self.type_name)


@dataclasses.dataclass
class Command:
    name: str                 # "" for the program itself
    description: str
    usage: str                # after the program's name: "dump [OPTIONS] SOURCE..."
    options: list[Option]
    subcommands: list[tuple[str, str]]
    # A command's own subcommands (`db migrate`, …), documented on the command's page.
    children: list["Command"] = dataclasses.field(default_factory=list)


def run_help(schemerge: str, *args: str) -> str:
    result = subprocess.run([schemerge, *args, "--help"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"cli_docs.py: `{schemerge} {' '.join(args)} --help` exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def parse_entries(lines: list[str]) -> list[tuple[str, str]]:
    """(name part, description) of each two-space-indented entry of a help section."""
    entries: list[tuple[str, str]] = []
    for line in lines:
        if line.startswith(" " * DESCRIPTION_COLUMN) and entries:
            name, desc = entries[-1]
            entries[-1] = (name, (desc + "\n" if desc else "") + line[DESCRIPTION_COLUMN:].rstrip())
        elif line.startswith("  ") and not line.startswith("   "):
            if len(line) > DESCRIPTION_COLUMN and line[DESCRIPTION_COLUMN - 1] == " ":
                entries.append((line[:DESCRIPTION_COLUMN].strip(), line[DESCRIPTION_COLUMN:].rstrip()))
            else:
                entries.append((line.strip(), ""))
        elif line.strip():
            # Not an entry (a footer, say): the pages go on without it rather than break the
            # build; tests/packaging/man_pages.sh still fails on any option a page misses.
            print(f"cli_docs.py: warning: help line not understood, left out: {line!r}", file=sys.stderr)
            break
    return entries


def parse_option(name_part: str, description: str) -> Option:
    tokens = name_part.split()
    option = Option(names=tokens[0].split(","), description=description)
    rest = tokens[1:]
    if rest and re.fullmatch(r"[A-Z][A-Z0-9_]*(:\{.*\}|:[A-Z]+)?(=\S*)?", rest[0]):
        type_token = rest.pop(0).split("=", 1)[0]
        option.type_name, _, validator = type_token.partition(":")
        if validator.startswith("{"):
            option.choices = validator[1:-1].split(",")
    for token in rest:
        if token == "...":
            option.repeatable = True
        elif token == "REQUIRED":
            option.required = True
    return option


def parse_help(text: str, name: str) -> Command:
    lines = text.splitlines()
    usage_index = next((i for i, l in enumerate(lines) if l.startswith("Usage:")), None)
    if usage_index is None:
        sys.exit(f"cli_docs.py: no 'Usage:' line in the help of {name or 'schemerge'}")
    description = " ".join(l.strip() for l in lines[:usage_index] if l.strip())
    usage_words = lines[usage_index].split()[2:]  # drop "Usage:" and the program path
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines[usage_index + 1:]:
        if re.fullmatch(r"[A-Z][A-Za-z ]*:", line):
            current = line[:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    options = [parse_option(n, d) for n, d in parse_entries(sections.get("Positionals", []))]
    options += [parse_option(n, d) for n, d in parse_entries(sections.get("Options", []))]
    subcommands = parse_entries(sections.get("Subcommands", []))
    return Command(name, description, " ".join(usage_words), options, subcommands)


def load(schemerge: str) -> tuple[Command, list[Command]]:
    top = parse_help(run_help(schemerge), "")
    if not top.subcommands:
        sys.exit("cli_docs.py: `schemerge --help` lists no commands")
    commands = [parse_help(run_help(schemerge, name), name) for name, _ in top.subcommands]
    for command in commands:
        command.children = [parse_help(run_help(schemerge, command.name, sub), f"{command.name} {sub}")
                            for sub, _ in command.subcommands]
    return top, commands


# --- man pages ---------------------------------------------------------------------------

def roff_escape(text: str) -> str:
    """Text safe inside a roff line: backslashes, hyphens (ASCII minus, so that options can
    be copied), and a leading dot or quote that roff would read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Non-ASCII as named code points: plain groff (without preconv) reads bytes.
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def inline(text: str) -> str:
    """Markdown `code` -> bold, *word* -> italic, the rest escaped."""
    out = []
    for part in re.split(r"(`[^`]+`|\*[^*\s][^*]*\*)", text):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append("\\fB" + roff_escape(part[1:-1]) + "\\fR")
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append("\\fI" + roff_escape(part[1:-1]) + "\\fR")
        else:
            out.append(roff_escape(part))
    line = "".join(out)
    return "\\&" + line if line.startswith(("\\fB.", "\\fB'")) else line


def markdown_sections(path: Path) -> list[tuple[str, list[str]]]:
    """[(SECTION, roff lines)] of a prose file."""
    if not path.exists():
        return []
    sections: list[tuple[str, list[str]]] = []
    paragraph: list[str] = []
    verbatim: list[str] = []
    in_list = False

    def flush() -> None:
        nonlocal paragraph, verbatim, in_list
        body = sections[-1][1]
        if paragraph:
            body.append(".IP \\(bu 2" if in_list else ".PP")
            body.append(inline(" ".join(paragraph)))
        if verbatim:
            while verbatim and not verbatim[-1].strip():
                verbatim.pop()
            body += [".PP", ".RS 4", ".nf"] + ["\\&" + roff_escape(v) for v in verbatim] + [".fi", ".RE"]
        paragraph, verbatim = [], []

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            if sections:
                flush()
            sections.append((raw[3:].strip().upper(), []))
            in_list = False
            continue
        if not sections:
            if raw.strip():
                sys.exit(f"{path}: text before the first '## SECTION' heading")
            continue
        if raw.startswith("    ") and not paragraph:
            verbatim.append(raw[4:])
        elif not raw.strip():
            if verbatim:
                verbatim.append("")
            else:
                flush()
                in_list = False
        elif raw.startswith("- "):
            flush()
            in_list = True
            paragraph.append(raw[2:].strip())
        else:
            if verbatim:
                flush()
            paragraph.append(raw.strip())
    if sections:
        flush()
    return sections


def option_synopsis(option: Option) -> str:
    names = ", ".join("\\fB" + roff_escape(n) + "\\fR" for n in option.names)
    if option.positional:
        names = "\\fI" + roff_escape(option.names[0]) + "\\fR" + ("..." if option.repeatable else "")
        return names
    if option.choices:
        return names + " " + "|".join("\\fB" + roff_escape(c) + "\\fR" for c in option.choices)
    if option.type_name:
        return names + " \\fI" + roff_escape(option.kind) + "\\fR"
    return names


def option_description(option: Option) -> str:
    text = option.description.replace("\n", " ")
    notes = []
    if option.required and not option.positional:
        notes.append("required")
    if option.repeatable and not option.positional:
        notes.append("repeatable")
    if notes:
        text += " (" + ", ".join(notes) + ")"
    return roff_escape(text)


def name_line(description: str) -> str:
    description = description.removeprefix("schemerge: ")
    first_sentence = description.split(": ")[0] if len(description) > 100 else description
    if len(first_sentence) > 1 and first_sentence[0].isupper() and first_sentence[1].islower():
        first_sentence = first_sentence[0].lower() + first_sentence[1:]
    return roff_escape(first_sentence)


def page_date(source_dir: str | None) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%d")
    if source_dir:
        result = subprocess.run(["git", "-C", source_dir, "log", "-1", "--format=%cs"],
                                capture_output=True, text=True, check=False)
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    return ""


def man_page(command: Command, top: Command, commands: list[Command], docs: Path, version: str, date: str) -> str:
    page = "schemerge" + ("-" + command.name if command.name else "")
    out = [
        f".\\\" Generated by packaging/cli_docs.py from `schemerge {command.name} --help`".replace("  ", " ")
        + f" and docs/man/{page}.md; do not edit.",
        f'.TH {roff_escape(page.upper())} 1 "{date}" "{roff_escape(version)}" "schemerge manual"',
        ".nh",
        ".ad l",
        ".SH NAME",
        f"{roff_escape(page)} \\- {name_line(command.description)}",
        ".SH SYNOPSIS",
    ]
    if command.name:
        out.append(".B schemerge " + roff_escape(command.name))
        words = command.usage.split()[1:]
    else:
        out.append(".B schemerge")
        words = ["COMMAND" if w == "SUBCOMMAND" else w for w in command.usage.split()] + ["[ARGUMENTS]"]
    out.append(" ".join(re.sub(r"([A-Z][A-Z_]+)", r"\\fI\1\\fR", roff_escape(w)) for w in words))
    prose = markdown_sections(docs / f"{page}.md")
    prose_map = dict(prose)
    out.append(".SH DESCRIPTION")
    out += prose_map.get("DESCRIPTION", [".PP", roff_escape(command.description)])
    if command.subcommands:
        out.append(".SH COMMANDS")
        for name, desc in command.subcommands:
            # The program's commands have pages of their own; a command's subcommands are
            # documented on its page, under SUBCOMMANDS.
            where = (f"see \\fBschemerge\\-{roff_escape(name)}\\fR(1)" if not command.name
                     else f"see \\fB{roff_escape(command.name + ' ' + name)}\\fR under SUBCOMMANDS")
            out += [".TP", f"\\fB{roff_escape(name)}\\fR",
                    roff_escape(desc.replace("\n", " ").rstrip(".")) + f"; {where}."]
    positionals = [o for o in command.options if o.positional]
    flags = [o for o in command.options if not o.positional]
    if positionals:
        out.append(".SH ARGUMENTS")
        for option in positionals:
            out += [".TP", option_synopsis(option), option_description(option)]
    if flags:
        out.append(".SH OPTIONS")
        for option in flags:
            out += [".TP", option_synopsis(option), option_description(option)]
    if command.children:
        out.append(".SH SUBCOMMANDS")
        for child in command.children:
            out += [".SS " + roff_escape("schemerge " + child.name), ".PP", roff_escape(child.description), ".PP",
                    ".B schemerge " + roff_escape(child.name),
                    " ".join(re.sub(r"([A-Z][A-Z_]+)", r"\\fI\1\\fR", roff_escape(w)) for w in child.usage.split()[len(child.name.split()):])]
            for option in child.options:
                out += [".TP", option_synopsis(option), option_description(option)]
    for section, body in prose:
        if section not in ("DESCRIPTION", "SEE ALSO"):
            out.append(".SH " + roff_escape(section))
            out += body
    out.append(".SH SEE ALSO")
    others = [("schemerge-" + c.name) for c in commands if c.name != command.name]
    if command.name:
        others = ["schemerge"] + others
    out.append(",\n".join(f".BR {roff_escape(o)} (1)" for o in others))
    if "SEE ALSO" in prose_map:
        out += prose_map["SEE ALSO"]
    return "\n".join(out) + "\n"


def write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def cmd_man(schemerge: str, docs: Path, out_dir: Path, source_dir: str | None) -> None:
    top, commands = load(schemerge)
    version_line = subprocess.run([schemerge, "--version"], capture_output=True, text=True, check=False).stdout
    version = " ".join(version_line.split()[:2]) or "schemerge"
    date = page_date(source_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for command in [top, *commands]:
        page = "schemerge" + ("-" + command.name if command.name else "") + ".1"
        text = man_page(command, top, commands, docs, version, date).encode("utf-8")
        write_if_changed(out_dir / page, text)
        # gzip -9n: no file name, time stamp 0, so the package is reproducible.
        write_if_changed(out_dir / (page + ".gz"), gzip.compress(text, compresslevel=9, mtime=0))
        wanted |= {page, page + ".gz"}
    for stale in out_dir.glob("schemerge*.1*"):
        if stale.name not in wanted:
            stale.unlink()


# --- bash completion ---------------------------------------------------------------------

def shell_words(words: list[str]) -> str:
    for w in words:
        if not re.fullmatch(r"[A-Za-z0-9_.,:=+/@-]+", w):
            sys.exit(f"cli_docs.py: unexpected character in a completion word: {w!r}")
    return " ".join(words)


def value_completion(option: Option) -> str:
    if option.choices:
        return f'COMPREPLY=($(compgen -W "{shell_words(option.choices)}" -- "$cur"))'
    kind = option.kind
    if kind in ("FILE", "PATH"):
        return "_schemerge_files"
    if kind == "DIR":
        return "_schemerge_dirs"
    if kind == "REF":
        return "_schemerge_refs"
    return ":"  # a free value (a DSN, a rename, hazard ids): nothing to offer


def cmd_completion(schemerge: str, out_file: Path) -> None:
    top, commands = load(schemerge)
    top_words = [name for name, _ in top.subcommands]
    top_words += [n for o in top.options for n in o.names if n.startswith("--")]
    lines = [
        "# bash completion for schemerge(1)                                   -*- shell-script -*-",
        "# Generated by packaging/cli_docs.py from `schemerge --help` and each command's --help;",
        "# do not edit (the generator runs at every build). Needs bash only, not the",
        "# bash-completion package's helpers.",
        "",
        "# Files (or directories with -d); hidden ones only when the word starts with '.'.",
        "_schemerge_files() {",
        "    compopt -o filenames 2>/dev/null",
        '    mapfile -t COMPREPLY < <(compgen "${1:--f}" -- "$cur")',
        '    if [[ "$cur" != .* && "$cur" != */.* ]]; then',
        "        local kept=() f",
        '        for f in "${COMPREPLY[@]}"; do',
        '            [[ "${f##*/}" == .* ]] || kept+=("$f")',
        "        done",
        '        COMPREPLY=("${kept[@]}")',
        "    fi",
        "}",
        "",
        "_schemerge_dirs() {",
        "    _schemerge_files -d",
        "}",
        "",
        "# Branches, remote branches and tags of the repository of the working directory.",
        "_schemerge_refs() {",
        "    local refs",
        "    refs=\"HEAD $(git for-each-ref --format='%(refname:short)' refs/heads refs/remotes refs/tags 2>/dev/null)\"",
        '    mapfile -t COMPREPLY < <(compgen -W "$refs" -- "$cur")',
        "}",
        "",
        "_schemerge() {",
        "    local cur prev cmd i",
        "    COMPREPLY=()",
        '    cur="${COMP_WORDS[COMP_CWORD]}"',
        '    prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    cmd=""',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        "            -*) ;;",
        '            *) cmd="${COMP_WORDS[i]}"; break ;;',
        "        esac",
        "    done",
        '    if [[ -z "$cmd" ]]; then',
        f'        COMPREPLY=($(compgen -W "{shell_words(top_words)}" -- "$cur"))',
        "        return 0",
        "    fi",
        '    case "$cmd" in',
    ]
    for command in commands:
        flags = [o for o in command.options if not o.positional]
        positionals = [o for o in command.options if o.positional]
        names = [n for o in flags for n in o.names]
        lines.append(f"    {command.name})")
        valued = [o for o in flags if o.type_name]
        if valued:
            lines.append('        case "$prev" in')
            for option in valued:
                lines.append(f"            {'|'.join(option.names)}) {value_completion(option)}; return 0 ;;")
            lines.append("        esac")
        lines.append('        if [[ "$cur" == -* ]]; then')
        lines.append(f'            COMPREPLY=($(compgen -W "{shell_words(names)}" -- "$cur"))')
        if positionals:
            lines.append("        else")
            lines.append(f"            {value_completion(positionals[0])}")
        lines.append("        fi")
        lines.append("        ;;")
    lines += [
        "    esac",
        "    return 0",
        "}",
        "",
        "complete -F _schemerge schemerge",
        "",
    ]
    out_file.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(out_file, "\n".join(lines).encode("utf-8"))


def main(argv: list[str]) -> None:
    if len(argv) >= 5 and argv[1] == "man":
        source_dir = None
        if len(argv) == 7 and argv[5] == "--source-dir":
            source_dir = argv[6]
        elif len(argv) != 5:
            sys.exit(__doc__)
        cmd_man(argv[2], Path(argv[3]), Path(argv[4]), source_dir)
    elif len(argv) == 4 and argv[1] == "completion":
        cmd_completion(argv[2], Path(argv[3]))
    elif len(argv) == 3 and argv[1] == "commands":
        top, _ = load(argv[2])
        print("\n".join(name for name, _ in top.subcommands))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
