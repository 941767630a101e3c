"""The kinds of file finrecon reads, by suffix: the one list that the readers dispatch on
(``readers/__init__.py``), a folder search finds (``discover.py``) and the help and error texts
name.  It imports nothing, so that the command line's help can name them at no start-up cost."""

from __future__ import annotations

# suffix (lower case) → its reader; YAML and PDF are told by their content, the others by name.
# .docm and .xlsm are read for their values: their macros never run.
READERS = {
    ".pdf": "pdf", ".yaml": "yaml", ".yml": "yaml",
    ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "txt", ".text": "txt",
}
# the media read besides YAML and PDF
MEDIA = {suffix: reader for suffix, reader in READERS.items() if reader not in ("pdf", "yaml")}
# read when named, not looked for in a folder
NAMED_ONLY = frozenset({".docm", ".xlsm", ".xhtml", ".text"})
# the suffixes of the kinds a user is told of, and that a folder search finds
SEARCHED = tuple(suffix for suffix in READERS if suffix not in NAMED_ONLY)
# each reader's name for people: (zh, en)
NAMES = {"pdf": ("PDF", "PDF"), "docx": ("Word", "Word"), "xlsx": ("Excel", "Excel"),
         "html": ("网页", "web page"), "txt": ("文本", "text"), "yaml": ("YAML", "YAML")}


def suffixes(separator: str = ", ", yaml: bool = True) -> str:
    """The suffixes a folder search finds, for a message: ``.pdf, .yaml, .yml, …``; without YAML's
    for ``extract``, which reads every kind but YAML."""
    return separator.join(suffix for suffix in SEARCHED if yaml or READERS[suffix] != "yaml")


def kinds(lang: str, yaml: bool = True) -> str:
    """The kinds read, named for people: “PDF、Word、Excel、网页、文本或 YAML” (without YAML:
    “PDF、Word、Excel、网页或文本”)."""
    names = [NAMES[reader][lang == "en"] for reader in dict.fromkeys(READERS.values())]
    names.remove("YAML")
    if yaml:
        names.append("YAML")
    if lang == "en":
        return ", ".join(names[:-1]) + " or " + names[-1]
    return "、".join(names[:-1]) + ("或 " if yaml else "或") + names[-1]
