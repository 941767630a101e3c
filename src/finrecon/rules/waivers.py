"""FR91x — the waiver comments themselves: each gives its reason and waives something."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..findings import Finding, Severity
from ..model import Report
from ..waivers import Waiver
from .base import Rule, register


class WaiverRule(Rule):
    """A rule about waiver comments: it runs after the others, on what they found."""

    def check(self, report: Report) -> Iterator[Finding]:
        return iter(())  # reviews the source's comments instead, in ``review``

    def review(self, waivers: Iterable[Waiver], used: set[int], ran: set[str]) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    def at(self, waiver: Waiver, message: str) -> Finding:
        # The comment itself is the place: no line number in the path, so the fingerprint holds still.
        path = f"# finrecon: ignore[{','.join(waiver.rules)}]"
        return Finding(self.id, self.severity, path, message, reported=", ".join(waiver.rules), line=waiver.line, column=waiver.column)


@register
class WaiverWithoutReason(WaiverRule):
    """A waiver must say why the finding is accepted.

    What it checks: every ``# finrecon: ignore[FR201]`` comment carries a reason after the
    bracket.  A waiver without one waives nothing.

    Why: a reviewer reading the report later must know why a discrepancy was let through.

    Example: passes — ``# finrecon: ignore[FR201] 原文如此，已与编制人确认``.  Warns —
    ``# finrecon: ignore[FR201]``.
    """

    id = "FR910"
    title = "豁免注释缺少理由"
    title_en = "a waiver without a reason"
    severity = Severity.WARNING

    def review(self, waivers: Iterable[Waiver], used: set[int], ran: set[str]) -> Iterator[Finding]:
        for waiver in waivers:
            if not waiver.reason:
                yield self.at(waiver, self.say(self.id, rules=",".join(waiver.rules)))


@register
class UnusedWaiver(WaiverRule):
    """A waiver that waives nothing should go.

    What it checks: a waiver with its reason whose line has no finding of the rules it names
    (only when those rules ran), or that names no rule at all (a typo: ``ignore[FR999]``).

    Why: a stale waiver would silently accept the next, different error on that line.

    Example: passes — a waiver on the line of the FR201 finding it names.  Notes — the same
    waiver after the share was corrected.
    """

    id = "FR911"
    title = "豁免注释未豁免任何问题"
    title_en = "a waiver that waives nothing"
    severity = Severity.INFO

    def review(self, waivers: Iterable[Waiver], used: set[int], ran: set[str]) -> Iterator[Finding]:
        from . import REGISTRY

        for waiver in waivers:
            named_ran = any(rule_id.startswith(prefix) for prefix in waiver.rules for rule_id in ran)
            names_no_rule = not any(rule_id.startswith(prefix) for prefix in waiver.rules for rule_id in REGISTRY)
            if waiver.reason and waiver.line not in used and (named_ran or names_no_rule):
                yield self.at(waiver, self.say(self.id, rules=",".join(waiver.rules)))
