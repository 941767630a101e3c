"""FR8xx — the words of a report: years, names, template leftovers, direction words, broken
sentences, 科目 named in the text, one item stated twice, text copied from another item.

Every rule here reads the texts ``texts.passages`` gathers (cover, contents, headings,
paragraphs, table titles, 编制单位 lines, notes, and the texts of figures) and reports at the
offset of the words it quotes.  Where a text can be read two ways, the rules say nothing.

One module per family: ``base`` (WordingRule, Printed, the shared helpers), ``years`` (FR801),
``names`` (FR802, FR803), ``template_text`` (FR804, FR805, FR810), ``directions`` (FR806,
FR807), ``punctuation`` (FR808, FR809), ``catalogue`` (FR811, FR812), ``items`` (FR813, FR814).
Importing this package registers them all.
"""

from . import years, names, template_text, directions, punctuation, catalogue, items  # noqa: F401 - registration, in the order of the IDs
from .base import Printed, WordingRule, within
from .catalogue import Mention, mentions
from .items import Item
from .names import report_scope
from .punctuation import _MISSING_UNIT, _WAN, _unpaired

__all__ = ["Item", "Mention", "Printed", "WordingRule", "mentions", "report_scope", "within", "_MISSING_UNIT", "_WAN", "_unpaired"]
