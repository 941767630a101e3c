"""Settings from ``finrecon.toml`` or ``[tool.finrecon]`` in ``pyproject.toml``, found upward from
the working directory.  The command line overrides them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .waivers import ConfigWaiver

KEYS = {
    "select": list, "ignore": list, "fail-on": str, "lang": str, "catalog": str, "baseline": str,
    "max-bytes": int, "max-depth": int, "max-nodes": int, "max-pages": int, "jobs": int, "templates": dict, "waivers": "waivers",
}
RANGES = {"max-bytes": (1, 1 << 40), "max-depth": (1, 10_000), "max-nodes": (1, 1 << 32), "max-pages": (1, 100_000), "jobs": (1, 1024)}


class ConfigError(Exception):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def path(self, key: str) -> Path | None:
        """A path setting, relative to the file that sets it."""
        value = self.values.get(key)
        if value is None:
            return None
        path = Path(value)
        return path if path.is_absolute() or self.source is None else self.source.parent / path


def _read(path: Path, table: tuple[str, ...]) -> dict[str, Any] | None:
    import tomllib  # only where there is a file to read: most checks have none (a cold start's cost)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(path, str(error)) from error
    for key in table:
        data = data.get(key)
        if not isinstance(data, dict):
            return None
    return data


def _validate(path: Path, values: dict[str, Any]) -> dict[str, Any]:
    for key, value in values.items():
        if key not in KEYS:
            raise ConfigError(path, f"unknown key '{key}' (known: {', '.join(KEYS)})")
        kind = KEYS[key]
        if kind == "waivers":
            values[key] = _waivers(path, value)
        elif kind is list:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(path, f"'{key}' must be a list of rule IDs or prefixes")
            values[key] = value
        elif kind is dict:
            if not isinstance(value, dict) or not all(
                isinstance(paths, list) and all(isinstance(p, str) for p in paths) for paths in value.values()
            ):
                raise ConfigError(path, f"'{key}' maps a template name to a list of required paths")
            values[key] = {str(name).lower(): tuple(paths) for name, paths in value.items()}
        elif not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigError(path, f"'{key}' must be a {kind.__name__}")
        elif key in RANGES and not RANGES[key][0] <= value <= RANGES[key][1]:
            raise ConfigError(path, f"'{key}' must be between {RANGES[key][0]} and {RANGES[key][1]}")
    return values


def _waivers(path: Path, value: Any) -> tuple[ConfigWaiver, ...]:
    """``[[waivers]]`` tables: rules (IDs or prefixes), a reason, and optionally files and path."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ConfigError(path, "'waivers' is a list of tables ([[waivers]])")
    found = []
    for item in value:
        unknown = set(item) - {"rules", "reason", "files", "path"}
        if unknown:
            raise ConfigError(path, f"a waiver has unknown key '{sorted(unknown)[0]}' (known: rules, reason, files, path)")
        rules = item.get("rules")
        rules = [rules] if isinstance(rules, str) else rules
        if not rules or not isinstance(rules, list) or not all(isinstance(rule, str) and rule for rule in rules):
            raise ConfigError(path, "a waiver names its rules: rules = [\"FR920\"]")
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(path, "a waiver gives its reason: reason = \"…\"")
        for key in ("files", "path"):
            if key in item and not isinstance(item[key], str):
                raise ConfigError(path, f"a waiver's '{key}' must be text")
        found.append(ConfigWaiver(tuple(rule.upper() for rule in rules), reason.strip(), item.get("files"), item.get("path"), path.parent))
    return tuple(found)


def find_config(start: Path | None = None) -> Config:
    """The nearest ``finrecon.toml`` (top level) or ``pyproject.toml`` with ``[tool.finrecon]``."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        own = folder / "finrecon.toml"
        if own.is_file():
            return Config(_validate(own, dict(_read(own, ()) or {})), own)
        project = folder / "pyproject.toml"
        if project.is_file():
            values = _read(project, ("tool", "finrecon"))
            if values is not None:
                return Config(_validate(project, dict(values)), project)
    return Config()
