"""The lexicon: how every Chinese government finance report prints a number, an amount, a share,
a change, a reason, a heading number and a 科目 level — national conventions, not one template's.

A template's statements (``layouts/*.yaml``) are patterns with ``{slots}`` that this module fills
(``expand``).  The patterns read a paragraph as ``readers/sentences.py`` gives it: no spaces, line
breaks or quotation marks, ASCII digits, full-width punctuation (``，：；（）``), and ``,`` only as a
thousands separator.

Slots (``{slot}`` or ``{slot:argument}``):

==================  =========================================================================
``{number}``        a number as printed (2940.05, 2,940.05, 0), whole, bounded (see ``NUMBER``)
``{amount:NAME}``   an amount in 万元 (“3.5万” too), its number in group NAME
``{pct:NAME}``      a percentage, its number in group NAME
``{count:NAME}``    a whole count (团组3个), its number in group NAME
``{start}``         the start of a clause (after ：；，。、 or at the start)
``{item}``          an item's number at the start of a clause: 1、 1. （一） 一、 (1)
``{year}``          “比2023年”, “与2023年度相比，”, “较上年”: the year a change is against
``{change}``        a change: 增加/减少 A万元(，增长/下降 P%), 增长/下降 P%, or 持平
``{change_reason}`` the reason after a change: 主要原因：/主要原因是/原因是/主要变动原因是 …
``{clause_reason}`` the same, ending at the clause's ；(a list of figures, each with its reason)
``{budget_reason}`` “决算数大于预算数的主要原因：…” (direction in budget_direction)
``{budget_flat}``   “决算数与预算数持平”
``{budget_cause}``  a reason said after a figure against its budget without naming the comparison:
                    “主要原因：…”, “主要原因是…”, “原因是：…”, “增加的主要原因：…” (about the budget)
``{completion}``    “完成年初预算的P%” / “完成预算P%” (which budget in completion_of)
``{share}``         “，占P%” (``{share:本年收入合计}``: “，占本年收入合计的P%” as well)
``{names}``         the statement's names table as group ``name``, longest first
``{purpose}``       “主要用于：…” up to the full stop, in group purpose
==================  =========================================================================

Statement groups (``use:``) stand for several statements that every template prints alike:
``budget`` — 年初预算为B万元 / 全年预算为A万元 / 支出决算为X万元 / 完成…P% / 决算数大于预算数的
主要原因 / a bare 主要原因：, 主要原因是, 原因是 / 决算数与预算数持平.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Mapping

# A number as printed — 2940.05, 2,940.05, 6.2, 0 — whole, never the tail of a longer one, and no
# longer than a report prints (as YAML numbers, at most 40 characters).  One pattern for the
# statements here and the wording rules, which read squeezed text, where “，” is “,” too: so a
# number may start after a comma that follows words (“会议，4次”), never after a digit's (“1,234”:
# not 234; “1,23”: neither).  Linear: it starts only where a number starts (not after a digit or a
# point), every repeat is bounded and no two alternatives can take the same characters.
NUMBER = r"(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,10})?(?![\d.]|,\d)"
START = r"(?<![^：；，。、])"  # at the start of a clause (keeps list patterns linear)

# Heading and item numbering: 第一部分, 一、, （一）, 1、, 1., (1), ①.
CHINESE_DIGITS = "一二三四五六七八九十"
NUMBERING = rf"(?:第[{CHINESE_DIGITS}]+部分|[{CHINESE_DIGITS}]+、|（[{CHINESE_DIGITS}]+）|（\d{{1,2}}）|\d{{1,3}}[、.](?!\d)|[①-⑳])"
ITEM = rf"(?<![^。：；]){NUMBERING}"
# The 科目 an item of a list names, ahead in its clause: its 类 and its name (“社会保障和就业支出（208类）
# …”), any level mark (“行政单位离退休（项）”, for an item numbered), or its levels joined by
# dashes (“一般公共服务支出-财政事务-行政运行”).  Read as a lookahead: where an item starts,
# whatever numbering precedes it, or none (Word's own list numbering leaves none in the text).
_SUBJECT_WORD = r"(?:[^。：；，\d]|（\d{1,3}[类款项]）)"
_SUBJECT_CHAIN = r"(?:[^。：；，\d\-－–—]{2,40}[-－–—]){2}"
SUBJECT_AHEAD = rf"(?={_SUBJECT_WORD}{{2,60}}?（\d{{0,3}}类）|{_SUBJECT_CHAIN})"  # an item unnumbered: its 类 named
MARK_AHEAD = rf"(?={_SUBJECT_WORD}{{2,60}}?（\d{{0,3}}[类款项]）|{_SUBJECT_CHAIN})"  # an item numbered: any level named

# How a heading is compared with the template's: without its number, spaces, quotation marks and
# final stop, full-width digits and ASCII brackets as one (“（一）“三公”经费…说明。” = “三公经费…说明”).
DROPPED = frozenset(" \t\r\n\u3000\u00a0\u200b“”‘’\"'「」『』")
SAME = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "％": "%", "(": "（", ")": "）", ":": "：", ";": "；", "．": "."})
_HEADING_NUMBER = re.compile("^" + NUMBERING)
# The same numbers one by one, as readers and rules tell a heading's level or a list's item by them.
PART_NUMBER = rf"第[{CHINESE_DIGITS}]+部分"  # 第一部分: a part
SECTION_NUMBER = rf"[{CHINESE_DIGITS}]+、"  # 一、: a section
SUBSECTION_NUMBER = rf"[（(][{CHINESE_DIGITS}]+[）)]"  # （一）: a subsection
ARTICLE_NUMBER = rf"第[{CHINESE_DIGITS}]+条"  # 第一条: an article of a rule quoted
COUNTED_POINT = rf"[{CHINESE_DIGITS}]是"  # 一是、二是: the points of a list
TABLES_PART = r"(?:部门|单位)(?:预算|决算)表"  # the part that holds the nine tables


def heading_words(heading: str) -> str:
    """A heading as a template names it: without its number, spaces, quotation marks and final stop."""
    words = "".join(char for char in heading if char not in DROPPED).translate(SAME)
    return _HEADING_NUMBER.sub("", words).rstrip("。：.")


# A chart's caption printed as a line of its own: “（图1：收、支决算总计变动情况图）（柱状图）”, “图2 收入决算结构图”.
FIGURE_CAPTION = rf"^(?:[（(]图\s*[\d{CHINESE_DIGITS}]+[^（）()]*[）)](?:[（(][^（）()]*[）)])*|图\s*\d+\s*[：:、.．\s][^。；]{{0,40}})$"
# Ideographs: a line without one (“519”, “2019%”, “[image: image4.png]520”) is a chart's axis or
# a picture's leftover, not words of the text.
IDEOGRAPH = r"[\u3400-\u9fff\uf900-\ufaff]"
SENTENCE_END = "。；！？"


# The levels of the functional classification as a report marks them: “（类）”, “（208类）”, “（05款）”.
LEVELS = ("类", "款", "项")
LEVEL_MARK = r"（(?P<code>\d{1,3})?(?P<level>类|款|项)）"
LEVEL_MARK_LOOSE = r"[（(]\s*(类|款|项)\s*[）)]"  # group 1: the level, spaces allowed inside the brackets
LEVEL_MARK_BARE = r"[（(](类|款|项)[）)]"  # group 1: the level
LEVEL_MARK_SQUEEZED = r"\([类款项]\)|科目"  # a level mark, or 科目, in squeezed text (half-width brackets)
LEVEL_CHAIN = r'[“\"](?P<chain>[^”\"]{4,80}?-[^”\"]{2,80}?)[”\"]科目'  # “A-B-C”科目: the levels joined by dashes
DASH = r"\s*[-－—–]\s*"  # “类-款-项”: the levels joined by dashes

# Dates as every report prints them: a year (2024年, 2024年度), a month, the day a figure stands at.
YEAR_PRINTED = r"((?:19|20)\d{2})年"  # group 1: the year
YEAR_OR_YEARLY = r"(?<![\d.])((?:19|20)\d{2})年(度)?"  # group 1: the year, group 2: 度
ANY_YEAR = r"(?:19|20)\d\d年"
WORDS_BEFORE_YEAR = r"(\D{2,60}?)(?:19|20)\d{2}年"  # group 1: the words (a unit's name) before a year
MONTH = r"\d{1,2}月"
AS_AT = r"截至((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"  # “截至2024年12月31日”: year, month, day
YEARLY = "年度"
PAGE_NUMBER = r"^(?:[-—–]?\d+[-—–]?|第\d+页(?:共\d+页)?|\d+/\d+)$"  # “- 3 -”, “第3页共9页”, “3/9”
CONTENTS = "目录"  # the title of the contents page
CONTENTS_TITLE = r"^目\s*录$"
TABLE_NUMBER = r"^(?:表|附表)?\s*[\d一二三四五六七八九十]+[\s、.．-]*"  # “表1 ”, “附表2、” before a table's name
EXPLANATION = "说明"  # a heading may end “…说明。” (情况说明) and still be a heading

# The header words of the standard tables: the code column (科目编码, or 类/款/项 each), the name
# column, the 项目 column of a two-sided table, and the total row.
CODE_HEAD = r"(编码|[类款项])$"
NAME_HEAD = r"名称$"
ITEM_HEAD = "项目"
TOTAL_ROW = "^合计$"
CODE_WORD = "编码"  # the code column's own header (科目编码)
NAME_WORD = "名称"  # the name column's own header (科目名称)
HEAD_LEFTOVERS = frozenset({*LEVELS, ITEM_HEAD, "科目" + CODE_WORD, CODE_WORD})  # header words a page text leaves on a row's line
# A clause does not begin with an amount and its unit (“603.14万元，占…”, “15.16%；”) or a closing mark:
# a line that does was cut from the line before it.
CLAUSE_CANNOT_START = rf"^(?:{NUMBER}(?![\d年月日、.．]|$)|[，。；、：:）)》”%])"
AFTER_FIGURE = ".,%年月日"  # what may follow a number that is not a row's label glued to its figure (2024年, 5%)
UNIT_NAME = "单位名称"  # what a cover names: the unit (a 编制单位 line, the 单位名称 column)
EXPENDITURE = "支出"  # the word that ends a 类's name (一般公共服务支出), often left out in the text
OTHER = "其他"  # the catalogue's catch-all 科目 (其他一般公共服务支出)

# The scopes of a report: a 部门 (a department with its units) or a 单位 (one unit).
DEPARTMENT, UNIT = "部门", "单位"
UNIT_REPORT = r"单位(?:预算|决算)"
DEPARTMENT_REPORT = r"部门(?:预算|决算)"
OWN = "本"  # 本部门, 本单位: the report's own
SCOPE_NAMES = ("部门", "单位", "预算单位", "预算主管部门")  # words where a unit's name may stand, naming none

# How a government body's name is built: a city (上海市) and a district (普陀区) before its own
# name — a city's name holds no 区 or 县: in “普陀区城市管理行政执法局” the 市 of 城市 closes no
# city —, the words a body's name ends with, the scope a name may carry in brackets (（本级）), and
# the parts a body may be called without (万里街道 for 万里街道办事处).
CITY_DISTRICT = r"^(?P<city>[^市区县]{2,4}市)?(?P<district>[^市区县]{1,4}(?:新区|区|县))?(?P<core>.+)$"
BODY_SUFFIX = r"(?:局|委员会|委|办公室|办事处|中心|街道|镇|乡|人民政府|政府|院|所|馆|队|站|会|部|室|处|厅|社|校|园|团|台)$"
SCOPE_SUFFIX = r"[（(](?:部门|单位|本级|本部)[）)]$"
SAME_BODY_TAILS = {"街道": ("办事处",)}

# A blank form's placeholders: upper-case XX (not inside a word: XXL is no placeholder) or
# full-width; lower-case xx is left alone, it is in every disclosure address (…/xxgk/…).  A year
# left incomplete (“20  年”, “20XX年”, “20__年度”) is a placeholder too, and a row of dots.
PLACEHOLDER = (
    r"(?<![A-Za-z0-9])XX+(?![A-Za-z0-9])|[Ｘ×＊]{2,}|\*{2,}|某某|○○"
    r"|(?<![\d.])(?:19|20)(?:[ \u3000]+|[_＿]+|[XxＸｘ×]+)年|(?<![\d.])20年度"
    r"|^[。.…]{3,}$"  # a row of the template's 单位构成 left as “。。。” (a whole line of dots)
)
# Every placeholder holds one of these: one scan for all of them before the pattern runs.
PLACEHOLDER_MARKS = ("XX", "Ｘ", "×", "＊", "**", "某某", "○○", "0 ", "9 ", "0\u3000", "9\u3000", "0_", "9_", "0＿", "9＿", "0X", "9X", "0x", "9x", "0ｘ", "9ｘ", "20年度", "。。", "..", "。.", ".。", "…")
NAME_PLACEHOLDER = r"XX|ＸＸ|××|某某|○○|\*\*"  # in a unit's name (any case)

# Chinese function words: a phrase one of them joins is another wording, not a slip (预算和绩效管理).
JOINING = "和及与、或并的之"
# 因公出国（境）经费 for 因公出国（境）费: 经费 and 费 are one word.
FEE, FUNDS = "费", "经费"
# A reason that ends by naming the change again (“…经费增加。”): its direction word.
REASON_ENDS_WITH_DIRECTION = r"经费(增加|减少|保持不变|持平|不变)[。;；]?$"

# The performance self-assessment (绩效自评): a claim that every target was met, and the kinds of
# indicator (二级指标) the Ministry's frame names.
ALL_ACHIEVED = r"均达标|全部达标|均已达标|均已完成|全部完成|无偏离绩效目标|未发现问题|圆满完成"
INDICATOR_KINDS = ("数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "满意度")
COST_KIND = "成本"

# A year compared with: the words before it (“与2023年度相比”, “比2024年预算”) and after it (“2023年当年预算执行数”).
YEAR_COMPARED_BEFORE = r"(?:与|比|较|同比|相比|对比|比上年|比较)$"
YEAR_COMPARED_AFTER = r"(?:当年)?预算执行数"

# The money unit printed over a table: “单位：万元”, “金额单位：元”.
MONEY_UNIT_LABEL = r"(?:金额)?单位[:：]"
MONEY_UNITS = r"万元|元"
WAN = "万"  # 万元 as the text often prints it: “5.6万”
YUAN = "元"  # what “5.6万” lacks (FR809's expected “5.6万元”)
WAN_YUAN = "万元"  # the amount unit of the text (FR809's expected “支出决算为135.25万元”)
AMOUNT_UNIT = "万元?"  # after an amount in the text
COPULA = "(?:为)?"  # “总预算为1170.00万元” or “总预算1170.00万元”
TABLE = "表"  # the word a table's title ends with
FORM_TITLE = r"^[^\d，。；：:,;、（）()“”]{4,30}表$"  # a form's title (“财政项目支出绩效目标申报表”): words ending in 表
NOTE_MARK = r"^(?:注|说明)\s*[:：]"  # a note under a table: “注：本表…”
SECTION_TITLE_ENDS = ("说明", "情况")  # how a section's title ends (情况说明, 执行情况): a heading, not a table's row
# A page number printed alone in a page text's margin: at most three digits (a year is no page number).
MARGIN_PAGE_NUMBER = r"^(?:[-—–]?\d{1,3}[-—–]?|第\d+页(?:共\d+页)?|\d+/\d+)$"
# The parts a report's text carries, by kind, as the Ministry's forms name them: where a medium
# without them (a workbook of tables) says they were not checked.  A template may name its own.
TEXT_PARTS = {
    "final": {"narrative": "情况说明", "other": "其他重要事项", "performance": "预算绩效管理情况"},
    "budget": {"budget.statement": "预算编制说明", "budget.other": "其他相关情况说明"},
}

# Direction words and their sign; 持平 and its kin state no change.
UP = frozenset({"增加", "增长", "上升", "提高", "大于", "高于", "超过"})
DOWN = frozenset({"减少", "下降", "降低", "小于", "低于"})
LEVEL = frozenset({"持平", "等于", "相等", "一致", "相同", "保持不变", "不变"})
# Each direction word's family: the words for up, down and level that are said of the same comparison
# (FR806's expected word is the one of the reported word's family that the figures show).
DIRECTION_FAMILIES = (
    ("增加", "减少", "持平"), ("增长", "下降", "持平"), ("上升", "下降", "持平"), ("提高", "降低", "持平"),
    ("大于", "小于", "等于"), ("高于", "低于", "等于"), ("超过", "低于", "等于"),
)
# The direction words a template offers as alternatives, one in brackets after the other (增加（减少）, FR804).
ALTERNATIVE_DIRECTIONS = ("增加", "减少", "增长", "下降", "上升", "降低", "大于", "小于", "高于", "低于", "等于", "持平")
NONE_WORDS = frozenset({"无", "没有"})  # “无公务车辆”: a count of nothing
NONE = Decimal(0)
FLAT = Decimal("0.00")  # what “持平” states: a change of nothing, printed to the cent as the amounts are


# The words after which a figure is a rate (its % must follow) or an amount (its 万元 must follow),
# and those after which it may be either (FR809 reads a figure printed without its unit).
RATE_CUES = r"增长|下降|上升|降低|增幅|降幅|完成(?:年初|全年|调整)?预算的|执行率为?|完成率为?|占(?:[^,，。；;:：\d%]{0,16}?的)?(?:比重|比例)?为?"
MONEY_CUES = r"年初预算(?:数)?为|全年预算(?:数)?为|支出决算(?:数)?为|决算数为|预算数为|预算安排|预算执行数为|收入支出总计|本年收入合计|本年支出合计|收入预算|支出预算|经费支出|采购金额"
EITHER_CUES = r"增加|减少"
# The units a printed figure carries (万元, %, and the counts of the “三公” sentences: 个, 辆, 家, 人).
FIGURE_UNIT = r"(?:万元|元|%|％|个|辆|家|人)"


def sign(word: str | None) -> int:
    """−1 for a word that says less (减少, 下降 …), else +1."""
    return -1 if word in DOWN else 1


def number(printed: str) -> Decimal:
    """A printed number as the Decimal it states, thousands separators dropped."""
    return Decimal(printed.replace(",", ""))


def amount(name: str) -> str:
    return rf"(?P<{name}>{NUMBER})万元?"


def pct(name: str) -> str:
    return rf"(?P<{name}>{NUMBER})%"


def count(name: str) -> str:
    return rf"(?<![\d.,])(?P<{name}>\d{{1,9}})(?![\d.])"


def alternatives(names: Mapping[str, str]) -> str:
    """The printed names as one alternation, longest first (一般公共预算财政拨款收入 before 财政拨款收入)."""
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


def share(of: str = "") -> str:
    """“，占15.16%” or “，占本年支出合计的100.00%”: a share of the total the figure is counted in
    (a share that names another base is not read)."""
    named = f"(?:{of}的?)?" if of else ""
    return rf"(?:，占{named}{pct('share_pct')})?"


YEAR = r"(?:(?:比|与|较)(?:\d{4}年度?|上年度?|上一年度?)(?:相比|比较)?|同比)，?"
# Atomic: the cue takes all of “原因是：”, so that a cue with nothing after it gives no reason (not “是”).
REASON_CUE = r"(?>(?:其?主要(?:变动|增减|变化)?原因|原因)(?:是|为|如下)?：?)"
# The words that announce a reason or a purpose (a text that stops after them gives none), and
# the first item of a list that may follow them in the next paragraph.
ANNOUNCING = r"主要(?:变动|增减|变化)?原因(?:是|为|如下)?|主要用于|原因是"
LIST_START = r"^\s*(?:一是|其一|首先|第一|[1１][.、．)）]|[（(][1１一][）)]|①)"
CHANGE = (
    rf"各?(?:(?P<change_word>增加|减少)了?{amount('change')}(?:，(?P<pct_word>增长|下降)了?{pct('change_pct')})?"
    rf"|(?P<pct_only>增长|下降|增加|减少)了?{pct('change_pct_alone')}"
    r"|(?P<flat>(?:基本)?持平))"
)
CHANGE_REASON = rf"(?:[。，；]?{REASON_CUE}(?P<change_reason>[^。]*[^。：]))?"
CLAUSE_REASON = rf"(?:[。，；]?{REASON_CUE}(?P<change_reason>[^。；]*[^。；：]))?"  # one clause of a list (；between)
BUDGET_REASON = rf"决算数?(?P<budget_direction>大于|小于|等于)预算数?的?{REASON_CUE}(?P<budget_reason>[^。]*[^。：])"
# A reason a clause starts with, after a figure stated against its budget (“年初预算为9.00万元，支出决算为
# 10.00万元。主要原因：…”, “原因是：…”, “增加的主要原因：…”): about the budget, the only comparison
# such a figure is stated in.  Never the tail of “决算数大于预算数的主要原因” ({budget_reason}).
BUDGET_CAUSE = rf"{START}(?:(?P<budget_direction>增加|减少|增长|下降|大于|小于|高于|低于|超过)的)?{REASON_CUE}(?P<budget_reason>[^。]*[^。：])"
BUDGET_FLAT = r"(?P<budget_reason>决算数?与预算数?(?P<budget_direction>(?:基本)?持平|相等|一致))"
COMPLETION = rf"完成(?:了)?(?P<completion_of>年初预算|全年预算|调整预算|预算)(?:数)?的?{pct('completion_pct')}"
PURPOSE = r"主要用于：?(?P<purpose>[^。]*[^。：])"

# What each completion base is called.
COMPLETION_OF = {"年初预算": "budget", "全年预算": "adjusted_budget", "调整预算": "adjusted_budget", "预算": None}

_FIXED = {
    "number": NUMBER, "start": START, "item": ITEM, "numbering": NUMBERING, "subject_ahead": SUBJECT_AHEAD, "mark_ahead": MARK_AHEAD, "year": YEAR, "change": CHANGE, "change_reason": CHANGE_REASON, "clause_reason": CLAUSE_REASON,
    "budget_reason": BUDGET_REASON, "budget_cause": BUDGET_CAUSE, "budget_flat": BUDGET_FLAT, "completion": COMPLETION, "purpose": PURPOSE,
}
_SLOT = re.compile(r"\{([a-z_]+)(?::([^{}]*))?\}")


class SlotError(ValueError):
    """A statement pattern names a slot the lexicon does not have."""


def expand(pattern: str, names: Mapping[str, str] | None = None) -> str:
    """``pattern`` with its ``{slots}`` filled (``{2,40}`` and other repeats are left alone)."""

    def fill(match: re.Match[str]) -> str:
        slot, argument = match.group(1), match.group(2)
        if slot in _FIXED and argument is None:
            return _FIXED[slot]
        if slot in ("amount", "pct", "count") and argument:
            return {"amount": amount, "pct": pct, "count": count}[slot](argument)
        if slot == "share":
            return share(argument or "")
        if slot == "names" and names:
            return f"(?P<name>{alternatives(names)})"
        raise SlotError(f"{{{slot}{':' + argument if argument else ''}}}")

    return _SLOT.sub(fill, pattern)


# Statement groups (``use:``): what every template says of a figure against its budget.
GROUPS: dict[str, tuple[str, ...]] = {
    "budget": (
        r"年初预算(?:数)?为{amount:budget}",
        r"(?:全年|调整)预算(?:数)?为{amount:adjusted_budget}",
        r"(?:支出)?决算(?:数)?为{amount:value}",
        "{completion}",
        "{budget_reason}",
        "{budget_cause}",
        "{budget_flat}",
    ),
}
