__version__ = "0.1.0"


def data_file(relative: str):  # noqa: ANN201 - a Path, or an importlib.resources Traversable
    """A file or folder shipped inside the package (``layouts``, ``catalogs/…``): beside this file
    where the package is a folder, as pip installs it; else (a zip) through importlib.resources,
    whose readers a cold start would otherwise import for nothing (zipfile, threading: ~3 ms)."""
    from pathlib import Path

    found = Path(__file__).parent / relative
    if found.exists():
        return found
    from importlib import resources

    return resources.files(__name__).joinpath(relative)
