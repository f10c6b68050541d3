"""`bpstrat init` and `bpstrat new`: write commented starting files, never overwriting.

The files come from templates/init and templates/skeletons; each entity file starts with
a `# yaml-language-server: $schema=...` line pointing at the JSON Schema that init
writes to `.bpstrat/`, so editors validate and complete as people type.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import string
from pathlib import Path

from bpstrat import __version__
from bpstrat.errors import UsageError
from bpstrat.model.kinds import KINDS
from bpstrat.model.schema import render
from bpstrat.model.types import is_slug, suggest_slug
from bpstrat.source.atomic import write_output
from bpstrat.source.files import ROOT_FILE, discover, find_root
from bpstrat.source.packaged import packaged_templates
from bpstrat.source.tree import inside
from bpstrat.source.visible import has_control, visible
from bpstrat.source.yaml_fast import resolve_plain

SCHEMA_DIR = ".bpstrat"
ENTITY_SCHEMA = f"{SCHEMA_DIR}/entity.schema.json"
ROOT_SCHEMA = f"{SCHEMA_DIR}/bpstrat.model.schema.json"


# The column (0-based) the comments after values stand at in the files init and new write.
COMMENT_COLUMN = 32


def _fill(template: Path, **values: str) -> str:
    """The template with `values` filled in, each comment after a value at COMMENT_COLUMN
    (or two spaces after a longer line): filling in changes the length of what stands
    before it, so the comments are aligned after, not in the template."""
    lines = []
    for line in template.read_text(encoding="utf-8").splitlines(keepends=True):
        code, comment = split_comment(line)
        filled = string.Template(code).substitute(values)
        if comment is None:
            lines.append(filled)
            continue
        filled = filled.rstrip(" ")
        padding = " " * max(COMMENT_COLUMN - len(filled), 2)
        lines.append(filled + padding + string.Template(comment).substitute(values))
    return "".join(lines)


def split_comment(line: str) -> tuple[str, str | None]:
    """A template line as the part before its trailing comment (`  # ...` after some
    text) and that comment, or (line, None) when it has none."""
    at = line.rfind("  #")
    if at < 0 or not line[:at].strip():
        return line, None
    return line[:at], line[at:].lstrip(" ")


def _schema_ref(root: Path, target: Path, schema: str) -> str:
    return Path(os.path.relpath(root / schema, target.parent)).as_posix()


def schema_files(root: Path) -> dict[Path, str]:
    return {root / ENTITY_SCHEMA: render(None), root / ROOT_SCHEMA: render("bpstrat")}


def init(
    folder: Path,
    name: str,
    today: dt.date,
    pre_commit: bool,
    github_actions: bool,
    notes: list[str] | None = None,
) -> list[Path]:
    """Scaffold a strategy root in `folder`; refuse if any file to write exists, or a
    folder on the way to one links out of `folder`. What the user should know (names
    left out of `exclude:`) is added to `notes`."""
    source = packaged_templates() / "init"
    refuse_control(name, "--name")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder: pass the folder to start in")
    product_id = suggest_slug(name)
    values = {
        "name": _yaml_text(name),
        "title": name,
        "id": _yaml_text(product_id),
        "today": today.isoformat(),
        "next_year": str(today.year + 1),
    }
    plan: dict[Path, str] = {}
    for template in sorted(source.rglob("*.yaml")):
        rel = template.relative_to(source)
        if rel.name == "pre-commit-config.yaml":
            continue
        target = folder / rel
        schema = ROOT_SCHEMA if rel.as_posix() == ROOT_FILE else ENTITY_SCHEMA
        plan[target] = _fill(template, schema=_schema_ref(folder, target, schema), **values)
        if rel.as_posix() == ROOT_FILE:
            plan[target] = _exclude_existing(folder, plan[target], notes)
    plan.update(schema_files(folder))
    if pre_commit:
        plan[folder / ".pre-commit-config.yaml"] = (source / "pre-commit-config.yaml").read_text(
            encoding="utf-8"
        )
    if github_actions:
        plan[folder / ".github" / "workflows" / "strategy.yml"] = _fill(
            source / "github-workflow.yml", path=".", version=__version__
        )
    for target in plan:
        refuse_links_out(folder, target)
    existing = sorted(p for p in plan if p.exists())
    if existing:
        listed = ", ".join(p.relative_to(folder).as_posix() for p in existing)
        raise UsageError(f"refusing to overwrite existing files: {listed}")
    for target, text in plan.items():
        _make_folder(target.parent)
        write_output(target, text)
    return sorted(plan)


def _exclude_existing(folder: Path, config: str, notes: list[str] | None = None) -> str:
    """bpstrat.yaml with the YAML files already in `folder` excluded.

    A compose file, CI manifests or a docs config are not strategy files; excluding them
    keeps the new strategy clean from its first lint. A name that is not UTF-8 cannot be
    written in bpstrat.yaml: it is left out, with a comment and a note saying so.
    """
    if not folder.is_dir():
        return config
    found, _ = discover(folder, [])
    tops = sorted({path.relative_to(folder).parts[0] for path in found})
    unreadable = [top for top in tops if not _is_unicode(top)]
    tops = [top for top in tops if _is_unicode(top)]
    if not tops and not unreadable:
        return config
    items = "".join(f"\n  - {json.dumps(top, ensure_ascii=False)}" for top in tops)
    block = f"# YAML files here before bpstrat init, not part of the strategy:\nexclude:{items}"
    if not tops:
        block = "exclude: []"
    if unreadable:
        left_out = (
            f"{len(unreadable)} name(s) here are not UTF-8 and are not listed in exclude:; "
            "rename them to UTF-8, then exclude them"
        )
        block = f"# {left_out}\n{block}"
        if notes is not None:
            shown = ", ".join(visible(ascii(top)) for top in unreadable[:5])
            notes.append(f"{ROOT_FILE}: {left_out} ({shown})")
    return re.sub(r"(?m)^exclude: \[\].*$", lambda _: block, config, count=1)


def _is_unicode(text: str) -> bool:
    """False for text holding a lone surrogate (a file name that is not UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def refuse_links_out(root: Path, target: Path) -> None:
    """Exit 2 when a folder on the way from `root` to `target` is a link whose real path
    is outside `root`: writing there would put the file somewhere else."""
    real_root = os.path.realpath(root)
    here = root
    for part in target.relative_to(root).parts[:-1]:
        here = here / part
        if not os.path.lexists(here):
            return  # made below by mkdir: a plain folder
        if not inside(os.path.realpath(here), real_root):
            shown = here.relative_to(root).as_posix()
            raise UsageError(
                f"{shown} is a link to a folder outside the strategy root; bpstrat writes "
                f"only inside the root: make {shown} a folder, or remove the link"
            )


CATALOG_HINT = "# catalog: system:default/checkout"
"""The consumer skeleton's commented `catalog:` line, which --from-catalog fills in."""


def new(
    path: Path,
    kind: str,
    id_: str | None,
    name: str | None,
    today: dt.date,
    from_catalog: str | None = None,
) -> Path:
    """Write a new entity file from its skeleton; refuse an id that exists in that kind.

    `from_catalog`: a consumer from that entity of the service catalog (its id from the
    entity's name, its name from the title, `catalog:` set, the owner and description in
    a comment)."""
    from bpstrat.model.load import load_strategy

    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
    if from_catalog is not None and kind != "consumer":
        raise UsageError(f"--from-catalog writes a consumer, not a {kind}")
    if name is not None:
        refuse_control(name, "--name")
    root = find_root(path)
    strategy = load_strategy(root)
    catalog_lines: str | None = None
    if from_catalog is not None:
        from bpstrat.edit.from_catalog import catalog_consumer

        found = catalog_consumer(strategy, from_catalog)
        id_ = id_ or found.id
        name = name or found.name
        catalog_lines = found.lines
    if id_ is None:
        raise UsageError("give the new entity's ID (or, for a consumer, --from-catalog REF)")
    if not is_slug(id_):
        raise UsageError(f"{visible(repr(id_))} is not a valid id; try {suggest_slug(id_)!r}")
    if strategy.exists(kind, id_):
        raise UsageError(f"{kind} {id_!r} already exists at {strategy.known_ids[kind][id_]}")
    target = root / KINDS[kind].folder / f"{id_}.yaml"
    if target.exists():
        raise UsageError(f"{target.relative_to(root).as_posix()} already exists")
    title = name or id_.replace("-", " ").replace("_", " ").capitalize()
    dimensions = strategy.dimensions
    if kind == "decision" and not dimensions:
        raise UsageError(
            "a decision settles a dimension, and there is none yet; "
            "add one first with `bpstrat new dimension ID`"
        )
    text = _fill(
        packaged_templates() / "skeletons" / f"{kind}.yaml",
        id=id_,
        name=_yaml_text(title),
        today=today.isoformat(),
        schema=_schema_ref(root, target, ENTITY_SCHEMA),
        dimension=dimensions[0].id if dimensions else "dimension-id",
        option=dimensions[0].options[0].id if dimensions else "option-id",
    )
    if catalog_lines is not None:
        text = _with_catalog(text, catalog_lines)
    product = strategy.config.product
    if kind == "consumer" and product is not None and product.sides:
        text = _with_side(text, product.sides)
    schemas = {p: t for p, t in schema_files(root).items() if not p.exists()}
    for writing in (target, *schemas):
        refuse_links_out(root, writing)
    _make_folder(target.parent)
    for schema_path, schema_text in schemas.items():
        _make_folder(schema_path.parent)
        write_output(schema_path, schema_text)
    write_output(target, text)
    return target


def _with_catalog(text: str, lines: str) -> str:
    """The consumer skeleton with its commented `catalog:` line replaced by `lines`."""
    kept = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(kept) if line.startswith(CATALOG_HINT))
    kept[at] = lines + "\n"
    return "".join(kept)


def _with_side(text: str, sides: list[str]) -> str:
    """The consumer skeleton with `side:` set to the first of the product's sides (a
    consumer needs one when sides are declared), its comment naming them all."""
    kept = text.splitlines(keepends=True)
    at = next((i for i, line in enumerate(kept) if line.startswith("# side:")), None)
    if at is None:
        return text
    value = f"side: {sides[0]}"
    padding = " " * max(COMMENT_COLUMN - len(value), 2)
    kept[at] = f"{value}{padding}# which one: {', '.join(sides)}\n"
    return "".join(kept)


def _yaml_text(value: str) -> str:
    """A one-line YAML scalar for free text: double-quoted when plain YAML would misread it.

    Plain only when it reads back as the same text: not `null`, `true`, a number or a
    date, no YAML indicator, no leading or trailing space. A JSON string is a valid YAML
    double-quoted scalar; callers refuse control characters first.
    """
    plain_safe = (
        value[:1].isalpha()
        and value == value.strip()
        and not any(c in value for c in ":#'\"\n{}[],&*!|>%@`\\")
        and resolve_plain(value) == value
        and not re.fullmatch(r"(?i)y|n|yes|no|on|off", value)  # booleans in YAML 1.1
    )
    return value if plain_safe else json.dumps(value, ensure_ascii=False)


def refuse_control(value: str, option: str) -> None:
    """Exit 2 when a user value is not valid Unicode text (a lone surrogate, as a name
    that is not UTF-8 arrives) or holds a control, bidi or line-break character."""
    if not _is_unicode(value):
        raise UsageError(
            f"{option} {visible(ascii(value))} is not valid Unicode text (bytes that are not "
            "UTF-8?); write it in UTF-8"
        )
    if has_control(value):
        raise UsageError(
            f"{option} {visible(repr(value))} holds a control or line-break character; "
            "use plain text on one line"
        )


def _make_folder(folder: Path) -> None:
    """mkdir -p, with a usage error when a file is in the way or the folder is read-only."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(
            f"cannot create folder {folder}: a file of that name is in the way"
        ) from None
    except OSError as error:
        raise UsageError(f"cannot create folder {folder}: {error.strerror or error}") from None
