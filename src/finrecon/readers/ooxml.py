"""An Office package (.docx, .xlsx, and their macro-enabled .docm, .xlsm) opened safely.

A package is a zip of XML parts.  Before any library reads it: the sizes its parts expand to are
bounded (a zip bomb is refused, not expanded), no part may declare a DTD (no entity is ever
expanded, nothing is ever fetched), and macros (``vbaProject.bin``) are never read, let alone run.
External links (a workbook's links to other files, a document's linked images) are not followed:
only the package's own parts are read.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..i18n import Msg
from .source import Limits, LoadError

MAX_RATIO = 200  # a part expanding more than this much is no document's (text XML compresses ~10×)
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def expanded_limit(limits: Limits) -> int:
    """What a package's parts may expand to, together: four times the file limit (64 MB by default)."""
    return 4 * limits.max_bytes


class Package:
    """The parts of an Office package, each read at most once and only within the limits."""

    def __init__(self, data: bytes, kind: str, limits: Limits = Limits()) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
            raise LoadError(Msg("media.not_package", kind=kind)) from error
        self.limit = expanded_limit(limits)
        total = sum(member.file_size for member in members)
        if total > self.limit:
            raise LoadError(Msg("media.bomb", size=total, limit=self.limit))
        for member in members:
            if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise LoadError(Msg("media.bomb", size=member.file_size, limit=MAX_RATIO * max(member.compress_size, 1)))
        self.names = {member.filename for member in members}
        self.kind = kind

    def read(self, name: str) -> bytes:
        """A part's bytes, refused if it expands past the limit (whatever its header claims) or
        declares a document type."""
        try:
            with self.zip.open(name) as stream:
                data = stream.read(self.limit + 1)
        except KeyError as error:
            raise LoadError(Msg("media.not_package", kind=self.kind)) from error
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
            raise LoadError(Msg("media.not_package", kind=self.kind)) from error
        if len(data) > self.limit:
            raise LoadError(Msg("media.bomb", size=len(data), limit=self.limit))
        if _DOCTYPE.search(data[:4096]):
            raise LoadError(Msg("media.doctype", part=name))
        return data

    def check_xml_parts(self) -> None:
        """Every XML part free of document type declarations (before a library parses any)."""
        for name in sorted(self.names):
            if name.endswith((".xml", ".rels", ".vml")):
                self.read(name)


def xml_parser():  # noqa: ANN201 - an lxml parser
    """lxml's parser for package parts: no DTD loaded, no entity resolved, no network, no huge tree."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)


def parse(data: bytes):  # noqa: ANN201 - an lxml element
    from lxml import etree

    try:
        return etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as error:
        raise LoadError(Msg("media.xml", problem=str(error)[:80])) from error
