"""Every message finrecon prints, in Chinese and English.

``t(key, lang, **params)`` fills a template; the Chinese reads the way an accountant writes, the
English says the same for a reviewer who does not read Chinese.  A figure is named by its row or
group and its field's title in the message's language (``Stated.label_in``): rows and texts keep
the report's own words (Chinese in both languages), titles come from each field's ``title`` and
``en`` (``model.figure.Field``).
"""

from __future__ import annotations

import os
import re
from typing import Mapping

LANGS = ("zh", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ loading
    "load.dir": ("这是一个目录，不是报告文件", "this is a directory, not a report file"),
    "load.not_regular": ("不是普通文件（管道、设备等不能作为报告读取）", "not a regular file (pipes and devices cannot be read as reports)"),
    "load.too_big": ("文件过大（{size} 字节，上限 {limit} 字节，可用 --max-bytes 调整）", "file too large ({size} bytes, limit {limit}; raise it with --max-bytes)"),
    "load.missing": ("文件不存在", "no such file"),
    "load.permission": ("没有读取权限", "permission denied"),
    "load.loop": ("符号链接循环，无法读取", "symbolic link loop"),
    "load.os": ("无法读取：{reason}", "cannot read: {reason}"),
    "load.bom_invalid": ("文件以 {codec} 标记开头，但内容不是有效的 {codec}", "the file starts with a {codec} mark but is not valid {codec}"),
    "load.not_utf8": ("文件不是 UTF-8 文本（含无法解码的字节）", "the file is not UTF-8 text (undecodable bytes)"),
    "load.gb18030": (
        "文件不是 UTF-8 编码（看起来是 GBK/GB18030）；请另存为 UTF-8 后再检查，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件",
        "the file is not UTF-8 (it looks like GBK/GB18030); save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 old.yaml > new.yaml",
    ),
    "load.control_char": ("文件含不允许的控制字符 U+{code}", "the file contains a forbidden control character U+{code}"),
    "load.syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "load.yaml": ("YAML 错误：{problem}", "YAML error: {problem}"),
    "load.template": ("模板无法使用：{problem}", "unusable template: {problem}"),
    "load.template_kind": (
        "模板 {template} 用于{kind}，而文件封面印的是{printed}（模板 {other} 可读取）：去掉 --template，或改用 --template {other}",
        "template {template} reads a {kind}, but this file's cover prints a {printed} (template {other} reads it): drop --template, or give --template {other}",
    ),
    "kind.final": ("部门决算", "部门决算 (final accounts)"),
    "kind.budget": ("部门预算", "部门预算 (budget)"),
    "load.depth": ("嵌套过深（上限 {limit} 层，可用 --max-depth 调整）", "nested too deeply (limit {limit}; raise it with --max-depth)"),
    "load.nodes": ("YAML 节点过多（上限 {limit}，别名按展开计算，可用 --max-nodes 调整）", "too many YAML nodes (limit {limit}, aliases counted as expanded; raise it with --max-nodes)"),
    "load.tag": ("不支持的 YAML 标签 {tag}（finrecon 不构造任何对象）", "unsupported YAML tag {tag} (finrecon constructs no objects)"),
    "load.duplicate": ("重复的键 “{key}”{first}", "duplicate key '{key}'{first}"),
    "load.duplicate_first": ("（首次出现在第 {line} 行）", " (first at line {line})"),
    "load.complex_key": ("键必须是简单文本，不能是映射或列表", "a key must be plain text, not a mapping or a list"),
    "load.alias_key": ("键不能是别名", "a key cannot be an alias"),
    "load.undefined_alias": ("未定义的锚点 “{anchor}”", "undefined anchor '{anchor}'"),
    "load.documents": ("一个文件只能包含一个 YAML 文档", "a file may hold one YAML document only"),
    "load.not_report": ("不是部门决算报告（没有 meta:），已跳过", "not a report (no meta:), skipped"),
    "load.not_report_file": (
        "不是报告文件（扩展名 {suffix}）：finrecon 读取的报告文件为 {suffixes}",
        "not a report file (extension {suffix}): finrecon reads {suffixes} reports",
    ),
    "cli.xlsx_terminal": ("xlsx 是二进制文件，不能输出到终端：请用 -o 文件名.xlsx 写入文件", "xlsx is a binary file and is not written to a terminal: give -o FILE.xlsx"),
    "load.not_mapping": ("报告应为一个 YAML 映射（以 meta: 等键开头）", "a report is a YAML mapping (starting with meta: …)"),
    "load.unknown_key": ("未知的键 “{key}”{hint}", "unknown key '{key}'{hint}"),
    "load.did_you_mean": ("；是否想写 “{close}”？", "; did you mean '{close}'?"),
    "load.known_keys": ("；可用的键：{keys}", "; known keys: {keys}"),
    "load.missing_field": ("缺少必填项 “{name}”", "missing required '{name}'"),
    "load.want_mapping": ("此处应为映射（键: 值）", "a mapping (key: value) is expected here"),
    "load.want_list": ("此处应为列表（- 项）", "a list (- item) is expected here"),
    "load.want_text": ("此处应为文本", "text is expected here"),
    "load.want_integer": ("此处应为整数", "an integer is expected here"),
    "load.want_boolean": ("此处应为 true 或 false", "true or false is expected here"),
    "load.literal": ("取值只能是 {expected}", "the value must be {expected}"),
    "list.or": (" 或 ", " or "),
    "list.and": ("、", ", "),
    "load.min": ("取值应不小于 {limit}", "the value must be at least {limit}"),
    "load.max": ("取值应不大于 {limit}", "the value must be at most {limit}"),
    "load.share_of": ("share_of 指向不存在的数字 “{reference}”", "share_of names no figure of this report: '{reference}'"),
    "value.bool": ("应为数字，不是真/假值", "a number is expected, not true/false"),
    "value.finite": ("应为有限数字", "a finite number is expected"),
    "value.digits": ("应为阿拉伯数字（如 455.47），实际为 {value}", "a number in digits (like 455.47) is expected, not {value}"),
    "value.number": ("应为数字，实际为 {kind}", "a number is expected, not {kind}"),
    "value.count": ("应为非负整数，实际为 {value}", "a non-negative whole number is expected, not {value}"),
    "value.code": ("科目编码应为数字串（如 2010601），实际为 {value}", "a classification code is digits (like 2010601), not {value}"),
    "value.income_both": ("“财政拨款收入”与其分项（一般公共预算/政府性基金/国有资本经营）只能写一种", "give either 'appropriation' or its funds (general_budget / government_fund / state_capital), not both"),
    "pdf.not_pdf": ("不是 PDF 文件；extract 读取 {suffixes}", "not a PDF; extract reads {suffixes}"),
    "pdf.empty": ("文件为空（0 字节），不是 PDF", "the file is empty (0 bytes), not a PDF"),
    "pdf.not_pdf_file": ("文件名为 .pdf，但内容不是 PDF", "the file is named .pdf but is not a PDF"),
    "pdf.encrypted": ("PDF 已加密，需要密码才能打开；请提供未加密的文件", "the PDF is encrypted and needs a password; give an unencrypted copy"),
    "pdf.corrupt": ("不是可读取的 PDF（文件已损坏或被截断）", "not a readable PDF (the file is damaged or truncated)"),
    "pdf.no_pages": ("PDF 没有页面", "the PDF has no pages"),
    "pdf.too_many_pages": ("PDF 有 {pages} 页，超过上限 {limit} 页（可用 --max-pages 调整）", "the PDF has {pages} pages, more than the limit of {limit} (raise it with --max-pages)"),
    "pdf.bad_page": ("此页无法读取（PDF 已损坏）", "this page cannot be read (the PDF is damaged)"),
    "pdf.no_text": ("PDF 没有文字层（可能是扫描件或图片）；finrecon 不做文字识别（OCR），请提供含文字的 PDF 或 YAML", "the PDF has no text layer (a scan or images); finrecon does not offer OCR: give a PDF with text, or YAML"),
    "pdf.unmapped": ("PDF 的字体无法映射为文字（文字层不可读）；请提供可复制文字的 PDF 或 YAML", "the PDF's fonts map to no characters (the text layer cannot be read): give a PDF whose text can be copied, or YAML"),
    "pdf.unknown": ("不是 finrecon 能读取的部门决算或部门预算（封面为“{cover}”）", "not a 部门决算 or 部门预算 finrecon can read (the cover says '{cover}')"),
    "pdf.no_cover": ("封面、目录、表格和文件名中都找不到{missing}；可用 --unit / --year 指定", "neither the cover, the contents, the tables nor the file name give the {missing}: give it with --unit / --year"),
    "pdf.page_glyphs": ("此页有 {count} 个字符，超过上限 {limit}（文件可能被构造为放大内容）", "this page draws {count} glyphs, more than the limit of {limit} (the file may be built to amplify)"),
    "pdf.glyphs": ("PDF 共有超过 {limit} 个字符（到此页为止 {count} 个），超过上限（文件可能被构造为放大内容）", "the PDF draws more than {limit} glyphs ({count} up to this page; the file may be built to amplify)"),
    "pdf.page_objects": ("此页有 {count} 个绘图对象，超过上限 {limit}（文件可能被构造为放大内容）", "this page draws {count} objects, more than the limit of {limit} (the file may be built to amplify)"),
    "pdf.paragraph": ("一段文字超过 {limit} 个字符，不是报告的段落（文件可能被构造为放大内容）", "a paragraph longer than {limit} characters is no paragraph of a report (the file may be built to amplify)"),
    "pdf.page_content": ("此页要解析的内容超过 {limit} 字节（含反复绘制的表单对象；文件可能被构造为放大内容）", "this page's content, forms drawn counted each time, is more than {limit} bytes (the file may be built to amplify)"),
    "pdf.content": ("PDF 要解析的内容超过 {limit} 字节（含多页共用的内容；文件可能被构造为放大内容）", "the PDF's content, shared pages and forms counted each time drawn, is more than {limit} bytes (the file may be built to amplify)"),
    "pdf.unmeasured": ("PDF 的对象 {object} 无法按 PDF 标准解析，无法事先估计解析页面的代价（文件可能被构造为放大内容）", "object {object} of the PDF cannot be parsed as the PDF standard defines it, so what its pages cost to lay out cannot be measured beforehand (the file may be built to amplify)"),
    "pdf.unmeasured_pages": ("PDF 的页面树无法按标准读取（PDFium 读到 {pages} 页，按标准只有 {counted} 页），无法事先估计解析页面的代价（文件可能被构造为放大内容）", "the PDF's page tree cannot be read as the standard defines it (PDFium finds {pages} pages, the standard {counted}), so what its pages cost to lay out cannot be measured beforehand (the file may be built to amplify)"),
    "pdf.unmeasured_file": ("PDF 的结构无法按标准读取，无法事先估计解析页面的代价（文件已损坏，或被构造为放大内容）", "the PDF's structure cannot be read as the standard defines it, so what its pages cost to lay out cannot be measured beforehand (the file is damaged, or built to amplify)"),
    "pdf.form_depth": ("此页的表单对象嵌套超过 {limit} 层（文件可能被构造为放大内容）", "this page draws forms within forms more than {limit} deep (the file may be built to amplify)"),
    "pdf.inflated": ("PDF 的内容解压后超过 {limit} 字节（压缩炸弹？）", "the PDF's content inflates to more than {limit} bytes (a compression bomb?)"),
    "load.memory": ("读取此文件时内存不足（文件可能被构造为放大内容）；请报告此问题", "ran out of memory reading this file (it may be built to amplify); please report it"),
    "media.too_many_blocks": ("文件中段落和表格超过 {limit} 个，不是一份报告", "the file holds more than {limit} paragraphs and tables: no report is so long"),
    "media.too_many_elements": ("网页的元素超过 {limit} 个，不是一份报告", "the page holds more than {limit} elements: no report is so long"),
    "media.no_year": ("文件中没有印出年度：请与含封面的 Word 文件一起检查（如 a.docx+a.xlsx），或在文件名中写明年度", "no year is printed: check it with the Word file that has the cover (a.docx+a.xlsx), or put the year in the file's name"),
    "media.no_text": ("文件中没有文字或表格", "the file holds no text and no table"),
    "media.nothing_read": (
        "未读到可核对的报告内容：既没有模板中的表格，也没有情况说明等正文段落（只有标题或封面）",
        "no report to check was read: no table of the template and no paragraph of text (a title or cover only)",
    ),
    "media.old_format": ("不支持旧的 {suffix} 格式：请在 Office/WPS 中另存为 {hint} 后再检查", "the old {suffix} format is not read: save it as {hint} in Office/WPS and check that"),
    "media.not_package": ("不是有效的 {kind} 文件（不是 Office 压缩包，或已损坏）", "not a valid {kind} file (no Office package, or damaged)"),
    "media.bomb": ("Office 压缩包展开后过大或压缩比异常（{size} 字节，上限 {limit} 字节）", "the Office package expands too far or compresses suspiciously ({size} bytes, limit {limit})"),
    "media.doctype": ("文件中含 XML 文档类型声明（DOCTYPE/ENTITY），出于安全不予读取：{part}", "the file declares an XML document type (DOCTYPE/ENTITY), which is not read, for safety: {part}"),
    "media.too_many_cells": ("表格过大（超过 {limit} 个单元格），不予读取", "the tables are too large (more than {limit} cells) to read"),
    "media.xml": ("文件的 XML 无法解析：{problem}", "the file's XML cannot be parsed: {problem}"),
    "media.html": ("网页无法解析：{problem}", "the web page cannot be parsed: {problem}"),
    "media.html_empty": ("网页没有任何内容", "the web page is empty"),
    "media.combine": ("多个文件合并检查时，每个部分须为 .docx、.xlsx 或 .html：{part}", "files checked as one report must each be .docx, .xlsx or .html: {part}"),
    "media.formula": ("{cell} 是公式（{formula}），文件中没有保存计算结果，未读取；请在 Excel 中打开并保存后再检查", "{cell} is a formula ({formula}) with no saved result, so it is not read: open and save the workbook in Excel, then check"),
    "txt.encoding": ("无法识别文本的编码（不是 UTF-8、GB18030/GBK 或其他可确定的编码）；请另存为 UTF-8", "the text's encoding cannot be told (not UTF-8, GB18030/GBK, or any other with confidence): save it as UTF-8"),
    "txt.too_many_lines": ("文本超过 {limit} 行，不是一份报告", "the text has more than {limit} lines: no report is so long"),
    "txt.unplaced": ("{rows} 行的数字个数与表头的 {columns} 列不符（空单元格在文本中不留痕迹），未读取，如：{first}", "{rows} rows print a number of figures other than the header's {columns} columns (a blank cell leaves no trace in text), so they are not read, e.g. {first}"),
    "txt.form": ("模板未定义此表，表格未读取，如：{first}", "the template does not define this table, so it is not read, e.g. {first}"),
    "txt.summed": ("{rows} 行的空单元格在文本中不留痕迹，其数字按本表各列的合计（类 = 所属款之和，款 = 所属项之和，合计 = 各类之和）唯一确定所在列，如：{first}", "{rows} rows lost their blank cells in text; their figures were put in the one set of columns the table's column sums allow (a 类 = its 款, a 款 = its 项, 合计 = the 类), e.g. {first}"),
    "unread.figures": ("{rows} 行的数字个数与表头的 {columns} 列不符（空单元格在文本中不留痕迹），未读取", "{rows} row(s) print a number of figures other than the header's {columns} columns (a blank cell leaves no trace in text), so they are not read"),
    "unread.form": ("模板未定义此表，表格未读取", "the template does not define this table, so it is not read"),
    "unread.summed": ("{rows} 行的空单元格在文本中不留痕迹，其数字按本表各列的合计（类 = 所属款之和，款 = 所属项之和，合计 = 各类之和）唯一确定所在列", "{rows} row(s) lost their blank cells in text; their figures were put in the one set of columns the table's column sums allow (a 类 = its 款, a 款 = its 项, 合计 = the 类)"),
    "unread.header": ("表头在文本中无法对应到数字列（{columns} 列），表格未读取", "the header cannot be matched to the figures' columns in text ({columns} columns), so the table is not read"),
    "unread.assumed.coded": ("{rows} 行的空单元格在文本中不留痕迹，其数字按本表各列的合计（类 = 所属款之和，款 = 所属项之和，合计 = 各类之和）及与他处所印数字的等式（{identities}）唯一确定所在列", "{rows} row(s) lost their blank cells in text; their figures were put in the one set of columns the table's column sums (a 类 = its 款, a 款 = its 项, 合计 = the 类) and its equalities with figures printed elsewhere ({identities}) allow"),
    "unread.assumed.classes": ("{rows} 行的空单元格在文本中不留痕迹，其数字按本表各列的合计（{total} = 各类之和）及与他处所印数字的等式（{identities}）唯一确定所在列", "{rows} row(s) lost their blank cells in text; their figures were put in the one set of columns the table's column sums ({total} = the 类) and its equalities with figures printed elsewhere ({identities}) allow"),
    "txt.header": ("表头在文本中无法对应到数字列（{columns} 列），表格未读取，如：{first}", "the header cannot be matched to the figures' columns in text ({columns} columns), so the table is not read, e.g. {first}"),
    "catalog.shape": ("科目目录应为 YAML 映射（functional: / economic: / renamed:，或 编码: 名称）", "a catalogue is a YAML mapping (functional: / economic: / renamed:, or code: name)"),
    "catalog.entry": ("科目目录中的条目 “{entry}” 应为 数字编码: 名称，或 数字编码: {{name: 名称, from: 年份, until: 年份}}", "catalogue entry '{entry}' must be code: name, or code: {{name: …, from: year, until: year}}"),
    "catalog.csv_row": ("CSV 行应为 编码,名称[,曾用名,更名年份[,启用年份,停用年份]]", "a CSV row is code,name[,former,since[,from,until]]"),
    "catalog.since": ("年份应为四位数字，实际为 “{since}”", "a year must be four digits, not '{since}'"),
    "discover.empty_dir": ("目录中没有报告文件（{suffixes}）", "no report found: no {suffixes} file in this folder"),
    "discover.no_match": ("没有文件与此模式匹配", "no file matches this pattern"),
    # ------------------------------------------------------------------ rules
    "FR101": ("{left} 为 {reported}，{right} 之和为 {expected}，相差 {difference}，超出四舍五入误差", "{left} is {reported}, but {right} add up to {expected} (off by {difference}, beyond rounding)"),
    "FR102": ("{left} 为 {reported}，其下 {count} 个科目之和为 {expected}，相差 {difference}，超出四舍五入误差", "{left} is {reported}, but the {count} rows under it add up to {expected} (off by {difference}, beyond rounding)"),
    "FR103": ("{left} 为 {reported}，本行各列（{columns}）之和为 {expected}，相差 {difference}", "{left} is {reported}, but the row's columns ({columns}) add up to {expected} (off by {difference})"),
    "FR104": ("{left} = {reported}，而 {right} = {expected}，相差 {difference}", "{left} = {reported}, but {right} = {expected} (off by {difference})"),
    "FR201": ("{part}占{base}的比例应为 {expected}%，报告为 {reported}%", "{part} as a share of {base} should be {expected}%, the report says {reported}%"),
    "FR301": ("{figure}增减额应为 {expected}（{value} − {prior}），报告为 {reported}", "{figure}: the change should be {expected} ({value} − {prior}), the report says {reported}"),
    "FR302": ("{figure}增减率应为 {expected}%（以上年数 {prior} 为基数），报告为 {reported}%", "{figure}: the change should be {expected}% (on last year's {prior}), the report says {reported}%"),
    "FR401": ("{figure}预算完成率应为 {expected}%，报告为 {reported}%", "{figure}: the budget completion should be {expected}%, the report says {reported}%"),
    "FR402": ("{figure}预算执行率应为 {expected}%，报告为 {reported}%", "{figure}: the execution rate should be {expected}%, the report says {reported}%"),
    "FR402.paid": ("{figure}完成进度（支付数 ÷ 预算数）应为 {expected}%，报告为 {reported}%", "{figure}: the progress (paid ÷ budget) should be {expected}%, the report says {reported}%"),
    "FR403": ("{left}为 {reported}，而另处所写{right}为 {expected}，相差 {difference}", "{left} is {reported}, but elsewhere {right} is {expected} (off by {difference})"),
    "FR501": ("{left_table}中{left}为 {reported}，与{right_table}中{right} {expected} 不一致，相差 {difference}", "{left} in {left_table} is {reported}, but {right} in {right_table} is {expected} (off by {difference})"),
    "FR502": ("{text}中{left}为 {reported}，{table}中为 {expected}，相差 {difference}", "{left}: the {text} gives {reported}, {table} gives {expected} (off by {difference})"),
    "FR503.exceeds": (
        "机关运行经费 {reported} 大于{right} {expected}（多 {difference}）；机关运行经费只含行政单位和参公事业单位的公用经费，不应超过公用经费",
        "operating costs {reported} exceed {right} {expected} (by {difference}); operating costs are the public expenses of administrative units only and cannot exceed all public expenses",
    ),
    "FR503.differs": (
        "所属单位均为行政单位或参公事业单位，机关运行经费 {reported} 应等于{right} {expected}，相差 {difference}",
        "every unit is administrative, so operating costs {reported} should equal {right} {expected} (off by {difference})",
    ),
    "FR601": ("{project}：{indicator}（{kind}）目标为“{target}”，实际为“{actual}”，未达到目标", "{project}: {indicator} ({kind}) targeted '{target}', achieved '{actual}': target missed"),
    "FR602": ("{project}：{indicator} 目标为数值“{target}”，实际只写“{actual}”，无法判断是否达标", "{project}: {indicator} targets a number '{target}' but reports only '{actual}': cannot tell whether it was met"),
    "FR603": ("{left} 为 {reported}，成本指标（{right}）之和为 {expected}，相差 {difference}", "{left} is {reported}, but the cost indicators ({right}) add up to {expected} (off by {difference})"),
    "FR604": ("自评称“{claim}”，但有 {count} 项指标未达到目标：{missed}", "the self-assessment says '{claim}', yet {count} indicator(s) missed their target: {missed}"),
    "FR604.missed": ("{project}·{indicator}：目标“{target}”，实际“{actual}”", "{project} · {indicator}: target '{target}', actual '{actual}'"),
    "FR701": ("科目 {code} 的名称应为“{expected}”，报告写作“{reported}”", "classification {code} is named '{expected}', the report writes '{reported}'"),
    "FR702.length": ("科目编码 {code} 有 {length} 位，应为 {allowed} 位", "classification code {code} has {length} digits; it should have {allowed}"),
    "FR702.level": ("此处应列{expected}级科目（{digits} 位编码），{code} 是{actual}级", "this list holds {expected} codes ({digits} digits); {code} is a {actual}"),
    "FR702.orphan": ("{level} {code} 所属的{parent_level} {parent} 未列出", "{level} {code} is listed without its {parent_level} {parent}"),
    "FR703": ("“{reported}”{since}已更名为“{expected}”", "'{reported}' was renamed '{expected}'{since}"),
    "FR703.since": ("自 {year} 年起", " in {year}"),
    "FR704": (
        "{count} 个科目编码不在 {year} 年的科目目录（{catalog}）中，无法核对名称：{codes}；可用 --catalog 补充",
        "{count} classification code(s) not in the catalogue ({catalog}) for {year}, so their names cannot be checked: {codes}; add them with --catalog",
    ),
    "FR704.name": (
        "“{name}”不在科目目录（{catalog}）中{tables}，无法核对：是否写错、已停用？确有此科目可用 --catalog 补充",
        "'{name}' is in no catalogue ({catalog}){tables}, so it cannot be checked: misspelt or retired? If it is real, add it with --catalog",
    ),
    "FR704.tables": ("，报告的表中也没有此科目", " nor in the report's tables"),
    "FR705": ("“{name}”是{actual}级科目，原文写作“{name}（{word}）”", "'{name}' is a {actual}, but the text labels it （{word}）"),
    "FR901": ("{figure} {value} 有 {decimals} 位小数，报告只打印 {limit} 位", "{figure} {value} has {decimals} decimals; the report prints {limit}"),
    "FR902": ("{figure}的{base}为 0，百分比无意义，不应印为 {reported}%，应改用文字说明", "{figure}: the {base} is 0, so the percentage is undefined: print words, not {reported}%"),
    "FR902.budget": ("预算数", "budget"),
    "FR902.prior": ("上年数", "prior-year figure"),
    "FR902.base": ("基数", "base"),
    "FR903": ("{table}为空表，但没有空表说明", "{table} is empty but carries no statement saying why"),
    "FR904": ("模板“{template}”要求的“{title}”（{path}）缺失", "template '{template}' requires '{title}' ({path}), which is missing"),
    "FR905.split": ("公务用车购置及运行费未拆分为购置费和运行费", "official vehicle costs are not split into purchase and operation"),
    "FR905.counts": ("{figure}不为零，但未说明{missing}", "{figure} is not zero, but the report does not give the {missing}"),
    "FR905.reception": ("公务接待费不为零，但未分国内接待与外事接待说明批次和人次", "official reception costs are not zero, but are not split into domestic and foreign with batches and people"),
    "FR906.change": ("{figure}与上年相比有增减，但未说明原因", "{figure} changed from last year, but no reason is given"),
    "FR906.budget": ("{figure}决算数 {value} 与预算数 {budget} 不同，但未说明原因", "{figure}: {value} differs from the budget {budget}, but no reason is given"),
    "FR907": ("文字中有未替换的占位符“{placeholder}”：{text}", "a template placeholder '{placeholder}' was left in: {text}"),
    "FR908": ("{figure}为负数 {value}；只有增减额和增减率可以为负", "{figure}: {value} is negative; only changes may be negative"),
    "FR920": ("第 {page} 页没有任何文字（空白页）", "page {page} prints nothing (a blank page)"),
    "FR921": ("第 {page} 页与第 {same_as} 页内容完全相同（重复页）", "page {page} prints exactly what page {same_as} prints"),
    "FR922": ("第 {page} 页有文字超出页面范围，阅读者看不到：{text}", "on page {page}, text runs off the page where no reader sees it: {text}"),
    "FR923": ("{where}的表格中有无法对应到行列的数字，未被核对：{text}", "{where}, figures of a table could not be placed in a row and column, so they are not checked: {text}"),
    "FR923.header": ("{where}的表格表头与模板不符，表格未被读取和核对：{text}", "{where}, a table's head is not the template's, so the table is not read or checked: {text}"),
    "FR923.page": ("第 {page} 页", "on page {page}"),
    "FR923.place": ("{place} 处", "at {place}"),
    "FR923.absent": ("此输入只有文字、没有表格，以下表格的核对未进行：{text}", "this input carries text but no tables, so the checks of these tables did not run: {text}"),
    "FR923.no_text": ("此输入只有表格、没有文字，以下部分的核对未进行：{text}", "this input carries tables but no text, so the checks of these parts did not run: {text}"),
    "FR923.summed": ("{where}的表格按各列合计确定了数字所在列，这些合计关系是读取的前提，不再核对：{text}", "{where}, a table's figures were placed in their columns by its column sums, which were therefore assumed, not checked: {text}"),
    "FR923.drawing": ("第 {page} 页的线条或单元格过多，此页表格未被读取和核对", "page {page} draws more lines or cells than the reader reads, so its tables are not read or checked"),
    "coverage.head": ("读取覆盖情况：{file}", "coverage: {file}"),
    "coverage.numbers": (
        "  数字：印出 {printed} 个，已对应到表格单元格或语句 {placed} 个（{share}%）；其中表格内印出 {table_printed} 个，已对应 {table_placed} 个",
        "  numbers: {placed} of {printed} printed were placed in a table cell or a statement ({share} %); in tables {table_placed} of {table_printed}",
    ),
    "coverage.sentences": ("  含数字的句子：{sentences} 句，已理解 {understood} 句（{share}%）", "  sentences with figures: {understood} of {sentences} understood ({share} %)"),
    "coverage.page": ("  第 {page} 页", "  page {page}"),
    "coverage.number": ("第 {line} 行：数字 {number} 未读取（{text}）", "line {line}: {number} not read ({text})"),
    "coverage.sentence": ("第 {line} 行：句子未理解：{text}", "line {line}: sentence not understood: {text}"),
    "coverage.number_at": ("{place}：数字 {number} 未读取（{text}）", "{place}: {number} not read ({text})"),
    "coverage.sentence_at": ("{place}：句子未理解：{text}", "{place}: sentence not understood: {text}"),
    "FR923.sep": ("；", "; "),
    "FR923.reason": ("：{reason}", ": {reason}"),
    "FR923.skipped": ("；因此未核对 {count} 项：{checks}", "; so {count} checks were skipped: {checks}"),
    "FR926": ("从第 {page} 页起是另一份报告（封面：“{text}”）：只读取和核对了第一份", "from page {page} on the file holds another report (its cover: '{text}'): only the first is read and checked"),
    "FR925": ("第 {page} 页再次印出“{text}”：重复的表格未被读取和核对", "page {page} prints '{text}' again: the second printing is not read or checked"),
    "FR924.missing": ("目录列有“{title}”，但报告中没有这张表", "the contents list '{title}', but the report prints no such table"),
    "FR924.unlisted": ("报告印有“{title}”，但目录中没有列出", "the report prints '{title}', but the contents do not list it"),
    "FR910": ("豁免注释缺少理由：# finrecon: ignore[{rules}] 之后应写明为何接受", "a waiver needs a reason: write why after # finrecon: ignore[{rules}]"),
    "FR911": ("豁免注释 ignore[{rules}] 没有豁免任何问题，可删除", "the waiver ignore[{rules}] waives nothing and can go"),
    # ---- sentences / narrative from text
    "FR902.adjusted": (
        "{figure}写作“完成年初预算的{reported}%”，但年初预算为 0；{reported}% 是决算 {value} 占全年预算 {adjusted} 的比例，应写作“完成全年预算的{reported}%”",
        "{figure}: the rate of {reported}% is said to be of the initial budget (年初预算), which is 0; {reported}% is {value} of the full-year budget (全年预算) {adjusted}, and the text should say so",
    ),
    "FR105": ("{left} 为 {reported}，超过了{right} {expected}（多 {difference}），部分不应大于总数", "{left} = {reported}, more than {right} = {expected} (by {difference}): a part cannot exceed its whole"),
    "FR504.touch": (
        "{left}在情况说明中两处印得不同：此处为 {reported}，前文为 {expected}；二者只在舍入边界相接，按舍入规则不算矛盾（提示，非错误），但同一数字宜印成一样",
        "{left} is printed twice in the text: {reported} here, {expected} before; the two only touch at the rounding boundary, consistent by the rounding rule (a note, not an error), yet one figure should be printed one way",
    ),
    "FR504": ("{left}在情况说明中两处印得不同：此处为 {reported}，前文为 {expected}，相差 {difference}", "{left} is printed twice in the text, differently: {reported} here, {expected} before (off by {difference})"),
    "FR101.exact": ("{left} 为 {reported}，{right} 之和为 {expected}，相差 {difference}", "{left} is {reported}, but {right} add up to {expected} (off by {difference})"),
    "hint.of_adjusted_budget": ("{pct}% = {value} / {other}（全年预算）：完成率是对全年预算的，原文却写作年初预算", "{pct}% = {value} / {other} (the full-year budget): the rate is of 全年预算, the text says 年初预算"),
    "hint.of_budget": ("{pct}% = {value} / {other}（年初预算）：完成率是对年初预算的，原文却写作全年预算", "{pct}% = {value} / {other} (the initial budget): the rate is of 年初预算, the text says 全年预算"),
    # ---- budgets: money units, the budget's own rules and hints (部门预算 / 单位预算)
    "FR706": ("预算编制说明所列科目“{wording}”在预算表中找不到对应的类、款、项", "the 预算编制说明 names '{wording}', which matches no 类/款/项 of the budget's tables"),
    "FR706.amount": ("金额 {value} 万元与预算表中“{name}（{code}）”相符，疑为该科目", "its amount {value} 万元 is that of {code} {name} in the tables: that row is meant, it seems"),
    "FR912": ("{table}注明“{statement}”，但表中列有数字：{figure} {value}", "{table} says '{statement}', yet prints figures: {figure} {value}"),
    "unit.in": ("（单位：{unit}）", " (in {unit})"),
    "unit.from": ("{tables}以{unit}列示", "{tables} in {unit}"),
    "unit.converted": ("（单位：{unit}；{converted}，已按 1 万元 = 10000 元精确折算）", " (in {unit}; {converted}, converted exactly at 1 万元 = 10 000 元)"),
    "hint.swapped": ("{pct}% = ({prior} − {current}) / {current}：疑似本年数与上年数颠倒", "{pct}% = ({prior} − {current}) / {current}: this year's and last year's figures swapped, it seems"),
    "hint.same_item_base": ("{pct}% = ({value} − {other}) / {other}，以本项的{title} {other} 作了基数：疑似用错了基数", "{pct}% = ({value} − {other}) / {other}: the item's {title} {other} used as the base, it seems"),
    "hint.same_item_current": ("{pct}% = ({other} − {prior}) / {prior}，用的是本项的{title} {other} 而不是 {value}：疑似用错了数字", "{pct}% = ({other} − {prior}) / {prior}: the item's {title} {other} used instead of {value}, it seems"),
    "hint.digit_inserted": ("{figure}若为 {meant}（而非 {printed}），增减率恰为 {pct}%：疑似{figure}多录入了一位数字", "with {figure} {meant} (not {printed}) the change is exactly {pct}%: a digit inserted into {figure}, it seems"),
    "hint.digit_dropped": ("{figure}若为 {meant}（而非 {printed}），增减率恰为 {pct}%：疑似{figure}漏录了一位数字", "with {figure} {meant} (not {printed}) the change is exactly {pct}%: a digit dropped from {figure}, it seems"),
    "hint.figure_prior": ("上年数", "last year's figure"),
    "hint.figure_current": ("本年数", "this year's figure"),
    # ---- FR8xx wording
    "FR801": ("“{words}”中的年份应为 {expected} 年（{why}），报告写作 {reported} 年", "'{words}': the year should be {expected} ({why}); the report prints {reported}"),
    "FR801.own": ("报告年度", "the report's own year"),
    "FR801.prior": ("比较的是上一年度", "a comparison with the year before"),
    "FR801.asset": ("资产统计时点", "the date the assets are counted at"),
    "FR802": ("单位名称写作“{reported}”，封面为“{expected}”：{why}", "the unit is printed as '{reported}', the cover says '{expected}': {why}"),
    "FR802.level_phrase": ("本报告是区（县）级单位的报告，文字写作“{reported}”：应为“{expected}”（疑似沿用市级模板）", "a district unit's report printing '{reported}': it should read '{expected}' (the city's template, it seems)"),
    "FR802.changed": ("有一个字不同", "one character differs"),
    "FR802.part": ("少了名称的末段，成了其上级机关的名称", "its last part is missing, which names the body above it"),
    "FR802.level": ("写成了上级（市级）单位的名称", "the name of the level above (the city's)"),
    "FR802.district": ("写成了另一个区（县）的单位", "a unit of another district"),
    "FR802.other": ("写成了另一个单位的名称", "another unit's name"),
    "FR803": ("本报告是{scope}，但文字写作“{words}”：应使用“{word}”表述", "this is {scope}, but the text says '{words}': write it as a {word} report"),
    "FR803.unit": ("单位预算（决算）", "a 单位 (unit) report"),
    "FR803.department": ("部门预算（决算）", "a 部门 (department) report"),
    "FR804": ("模板的备选表述“{words}”未选定，应按实际情况只保留一种", "the template's alternatives '{words}' were left unchosen: keep the one that applies"),
    "FR805": ("模板的填写说明“{words}”未删除", "the template's instruction '{words}' was left in"),
    "FR806.prior": ("“{word}”与数字不符：上年（或比较基数）为 {base}，本年为 {value}", "'{word}' contradicts the figures: {base} before, {value} now"),
    "FR806.budget": ("“{word}”与数字不符：预算数为 {base}，决算数为 {value}", "'{word}' contradicts the figures: budget {base}, actual {value}"),
    "FR806.change": ("“{word}”与所述增减 {value} 的方向相反", "'{word}' goes against the stated change {value}"),
    "FR807": ("“{words}”之后没有写明内容", "'{words}' is followed by nothing"),
    "FR808.doubled": ("标点重复：“{marks}”", "doubled punctuation: '{marks}'"),
    "FR808.no_stop": ("段落末尾缺少句号（以“{last}”结尾）", "the paragraph does not end with 。 (it ends with '{last}')"),
    "FR808.semicolon": ("段落以“{last}”结尾，应以句号结束", "the paragraph ends with '{last}' instead of 。"),
    "FR808.unpaired": ("“{mark}”没有与之配对的引号或括号", "'{mark}' has no partner quote or bracket"),
    "FR809.percent": ("“{words}”缺少单位“%”", "'{words}' lacks its %"),
    "FR809.money": ("“{words}”缺少金额单位（万元）", "'{words}' lacks its money unit (万元)"),
    "FR809.either": ("“{words}”缺少单位（万元或%）", "'{words}' lacks its unit (万元 or %)"),
    "FR809.yuan": ("“{words}”缺少“元”，应写作“万元”", "'{words}' lacks its 元: write 万元"),
    "FR809.yuan_many": ("“{words}”等 {count} 处金额缺少“元”，应写作“万元”", "'{words}' and {count} amounts in all lack their 元: write 万元"),
    "FR810": ("“{reported}”疑为“{expected}”之误", "'{reported}' looks like a misspelling of '{expected}'"),
    "FR813": ("“{name}”标题金额为 {headline} 万元，而“{year}年预算安排”为 {again} 万元，二者不一致", "'{name}' is headed {headline} 万元, but its '{year}年预算安排' is {again} 万元"),
    "FR813.two": ("“{name}”标题金额为 {headline} 万元，而{words}为 {again} 万元，二者不一致", "'{name}' is headed {headline} 万元, but its {words} is {again} 万元"),
    "FR813.arranged": ("“{year}年预算安排”", "'{year}年预算安排'"),
    "FR813.actual": ("“支出决算”", "'支出决算'"),
    "FR813.touch": (
        "“{name}”标题金额 {headline} 万元与{words} {again} 万元只在舍入边界相接：按舍入规则不算矛盾（提示，非错误），但同一数字宜印成一样",
        "'{name}': the headline {headline} 万元 and its {words} {again} 万元 only touch at the rounding boundary: consistent by the rounding rule (a note, not an error), yet one figure should be printed one way",
    ),
    "FR814.purpose": ("第{number}项“{name}”的用途说明“{words}”与第{first}项“{first_name}”一字不差，且写的是后者：疑似照抄未改", "item {number} '{name}' has item {first}'s purpose word for word ('{words}'), which describes '{first_name}': copied, it seems"),
    "FR814.reason": ("第{number}项“{name}”的原因说明“{words}”与第{first}项“{first_name}”一字不差，且写的是后者：疑似照抄未改", "item {number} '{name}' has item {first}'s reason word for word ('{words}'), which is about '{first_name}': copied, it seems"),
    # ------------------------------------------------------------------ parts of a whole in another table (rules/parts.py)
    "FR505": (
        "{left_table}中{left}为 {reported}，超过了{right_table}中{right} {expected}（多 {difference}）：前者是后者的一部分，不应更大",
        "{left} in {left_table} is {reported}, more than {right} in {right_table} = {expected} (by {difference}): it is a part of it and cannot exceed it",
    ),
    # ------------------------------------------------------------------ pages and cells (rules/pages.py)
    "FR913": (
        "{table}中 {count} 个单元格只印了 {decimals} 位小数：{cells}；本表其余 {others} 个单元格印 {usual} 位",
        "{table}: {count} cell(s) printed with {decimals} decimals ({cells}) where {others} other cells print {usual}",
    ),
    "FR914": (
        "文字写{figures}为 0，而{table}中这 {count} 格空白：二者并不矛盾，但宜在表中同样印出 0.00（提示）",
        "the text gives {figures} as 0, but {table} leaves these {count} cell(s) blank: not a contradiction, but the table should print 0.00 too (a note)",
    ),
    "FR921.untitled": ("第 {page} 页重复印出了第 {same_as} 页标题以下的全部内容，只是没有标题（近似重复页）", "page {page} prints everything page {same_as} prints below its title, without the title (a page printed twice)"),
    "FR804.joined": ("模板的两个备选表述连在一起印成了“{words}”，应按实际情况只保留一种", "the template's two alternatives are printed run together as '{words}': keep the one that applies"),
    # ------------------------------------------------------------------ across years (rules/years.py)
    "FR311": (
        "本报告所列{label}的上年数为 {reported} {unit}（{here}），而{year}年报告所印为 {expected} {other_unit}（{there}），相差 {difference} {unit}",
        "the prior-year figure of {label} is {reported} {unit} ({here}), but the {year} report prints {expected} {other_unit} ({there}): {difference} {unit} apart",
    ),
    "FR311.estimate": (
        "本报告所列{label}的上年执行数为 {reported} {unit}（{here}），而{year}年决算所印为 {expected} {other_unit}（{there}），相差 {difference} {unit}（提示：预算编制时的执行数可能是预计数）",
        "last year's execution of {label} is {reported} {unit} ({here}), but the {year} 决算 prints {expected} {other_unit} ({there}): {difference} {unit} apart (a note: a budget's execution figure may be an estimate)",
    ),
    "FR311.where_page": ("{file} 第 {page} 页第 {line} 行", "{file}, page {page}, line {line}"),
    "FR311.where_line": ("{file} 第 {line} 行", "{file}, line {line}"),
    "FR311.where_place": ("{file} {place}", "{file}, {place}"),
    "FR312": (
        "科目 {code} 本报告名为“{name}”（{here}），{year}年报告名为“{old}”（{there}），目录中并无此更名：两年中必有一处编码或名称有误",
        "classification {code} is named '{name}' here ({here}) but '{old}' in the {year} report ({there}), and the catalogue knows no such renaming: one year has the code or the name wrong",
    ),
    "FR312.code": (
        "“{name}”本报告编码为 {code}（{here}），{year}年报告编码为 {old}（{there}），且 {old} 本年已不再出现：两年中必有一处编码有误",
        "'{name}' has code {code} here ({here}) but {old} in the {year} report ({there}), and {old} is gone this year: one year has the code wrong",
    ),
    # ------------------------------------------------------------------ hints
    "hint.other_base": ("{pct}% = {part} / {candidate}（{candidate_label}），而不是 / {base}（{base_label}）：疑似用错了基数", "{pct}% = {part} / {candidate} ({candidate_label}), not / {base} ({base_label}): the wrong base, it seems"),
    "hint.current_base": ("{pct}% = {change} / {current}（本年数），而增减率应以上年数 {prior} 为基数：疑似用本年数作了基数", "{pct}% = {change} / {current} (this year), but a change is taken on last year's {prior}: this year used as the base, it seems"),
    "hint.inverted": ("{pct}% = {denominator} / {numerator}：疑似分子分母颠倒", "{pct}% = {denominator} / {numerator}: numerator and denominator swapped, it seems"),
    "hint.truncated": ("{point}% 截尾为 {truncated}%：应四舍五入", "{point}% was truncated to {truncated}%: round half up instead"),
    "hint.transposed": ("{printed}% 与计算值 {expected}% 两位数字颠倒：疑似录入错误", "{printed}% and the computed {expected}% differ by two swapped digits: a typing slip, it seems"),
    "hint.amount_as_pct": ("{pct}% 与增减额 {change} 相同：疑似把增减额（万元）印成了百分比", "{pct}% equals the change amount {change}: the amount printed as a percentage, it seems"),
    "hint.unit_slip": ("{figure} {value} 疑似以元填写（本报告以万元为单位）：除以 10000 后恰好相符", "{figure} {value} looks written in 元 where the report uses 万元: divided by 10 000 it fits exactly"),
    # ------------------------------------------------------------------ output
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    "column.rule": ("规则", "Rule"),
    "column.where": ("位置", "Where"),
    "column.reported": ("报告值", "Reported"),
    "column.expected": ("应为", "Expected"),
    "column.difference": ("差额", "Difference"),
    "column.message": ("说明", "Message"),
    "column.file": ("文件", "File"),
    "column.line": ("行", "Line"),
    "column.page": ("页", "Page"),
    "column.excerpt": ("原文", "Printed text"),
    "column.severity": ("严重程度", "Severity"),
    "column.path": ("路径", "Path"),
    "column.hint": ("可能原因", "Likely cause"),
    "column.status": ("状态", "Status"),
    "column.unit": ("单位", "Unit"),
    "column.year": ("年度", "Year"),
    "html.contents": ("目录", "Contents"),
    "html.by_page": ("按页", "By page"),
    "html.by_rule": ("按规则", "By rule"),
    "html.show": ("显示：", "Show:"),
    "html.suppressed": ("已豁免/基线", "waived/baselined"),
    "html.page": ("第 {page} 页", "page {page}"),
    "html.full_page": ("查看整页", "full page"),
    "html.pages": ("有问题的页面", "Pages with findings"),
    "html.no_picture": ("（此页未能显示）", "(this page could not be shown)"),
    "html.source": ("源文件", "source"),
    "html.top": ("回到目录", "back to contents"),
    "html.undrawn": ("本报告最多绘制 {pages} 页；其余页面上的问题只列出文字。可分批检查以查看全部页面。", "this report draws at most {pages} pages; the findings of the others are shown in words. Check fewer files at once to see every page."),
    "line": ("第 {line} 行", "line {line}"),
    "page_line": ("第 {page} 页第 {line} 行", "page {page}, line {line}"),
    "place.page": ("第 {page} 页第 {line} 行", "p.{page} line {line}"),
    "place.line_column": ("第 {line} 行第 {column} 列", "line {line}, column {column}"),
    "place.paragraph": ("第 {paragraph} 段", "paragraph {paragraph}"),
    "place.table_row": ("表 {table} 第 {row} 行", "table {table} row {row}"),
    "excerpt": ("原文：{excerpt}", "Printed: {excerpt}"),
    "hint": ("提示：{hint}", "Likely cause: {hint}"),
    "clean": ("{file}：未发现问题", "{file}: no findings"),
    "summary": (
        "{error} 个错误，{warning} 个警告，{info} 个提示 — 检查了 {files} 个文件",
        "{error} errors, {warning} warnings, {info} notes in {files} file(s)",
    ),
    "summary.unreadable": ("，{count} 个无法读取", ", {count} unreadable"),
    "summary.suppressed": ("（另有 {count} 项已豁免或已列入基线）", " ({count} more waived or baselined)"),
    "status.waived": ("已豁免", "waived"),
    "status.baselined": ("已列入基线", "baselined"),
    "status.open": ("待处理", "open"),
    "status.unreadable": ("无法读取", "unreadable"),
    "report.title": ("finrecon 部门决算核对报告", "finrecon final-accounts check"),
    "report.title.budget": ("finrecon 部门预算核对报告", "finrecon budget check"),
    "report.title.mixed": ("finrecon 核对报告", "finrecon report check"),
    "cli.no_rule": ("没有以 “{prefix}” 开头的规则；用 finrecon rules 查看全部规则", "no rule starts with '{prefix}'; see finrecon rules"),
    "cli.unknown_rule": ("没有规则 “{rule}”；用 finrecon rules 查看全部规则", "there is no rule '{rule}'; see finrecon rules"),
    "cli.internal": ("内部错误（{error}）；请报告此问题", "internal error ({error}); please report it"),
    "cli.interrupted": ("已中断", "interrupted"),
    "cli.dash_file": ("没有选项 {name}；以“-”开头的文件名请写在 -- 之后，或写作 ./{name}", "no such option: {name}; a file whose name begins with '-' goes after --, or as ./{name}"),
    "cli.bad_export": ("--export 应写作 格式:路径，如 csv:findings.csv；格式可为 {formats}", "--export takes FORMAT:PATH, e.g. csv:findings.csv; formats: {formats}"),
    "cli.overwrite_input": ("拒绝写入 {path}：它是被检查的报告之一", "refusing to write {path}: it is one of the reports being checked"),
    "cli.write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "cli.exists": ("{path} 已存在，未覆盖", "{path} exists; not overwritten"),
    "cli.exists_force": ("{path} 已存在，未覆盖（确需覆盖请加 --force）", "{path} exists; not overwritten (add --force to overwrite it)"),
    "cli.explain_untranslated": ("（这条规则还没有中文说明，以下为英文说明）", "(this rule has no Chinese explanation yet; in English:)"),
    "cli.written": ("已写入 {path}", "wrote {path}"),
    "cli.config": ("配置文件 {path} 有误：{reason}", "configuration {path} is invalid: {reason}"),
    "cli.baseline_bad": ("基线文件 {path} 无法使用：{reason}", "baseline {path} is unusable: {reason}"),
}


def t(key: str, lang: str = "zh", /, **params: object) -> str:
    """The message ``key`` in ``lang``, filled with ``params``."""
    zh, en = MESSAGES[key]
    return (en if lang == "en" else zh).format(**params)


def default_lang(environ: Mapping[str, str] = os.environ) -> str:
    """zh for a zh_* locale, en otherwise (LC_ALL, then LC_MESSAGES, then LANG)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Msg:
    """A message not yet rendered: a key and its parameters (which may be messages themselves)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str = "zh") -> str:
        values = {name: value.render(lang) if isinstance(value, Msg) else value for name, value in self.params.items()}
        return t(self.key, lang, **values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.params!r})"


# A place as a Word file or web page names it, in no language (``Place.label``): “paragraph 52”,
# “table 3 row 5”, “L54 /html/body/div/p[45]” (a web page's source line and element path), with
# the file's name before a colon where a report is read from several files (“a.docx:paragraph 52”).
# A workbook's “收入决算表!C7” is the sheet's own name and needs no words.
_PLACE_LABEL = re.compile(
    r"^(?P<file>.*?:)??(?:paragraph (?P<paragraph>\d+)|table (?P<table>\d+) row (?P<row>\d+)|L(?P<line>\d+)(?P<path> .*)?)$", re.S
)


def place_label(label: str, lang: str = "zh") -> str:
    """A medium's place label (``Place.label``) in ``lang``: “第 52 段” / “paragraph 52”."""
    match = _PLACE_LABEL.match(label)
    if match is None:
        return label
    found = match.groupdict()
    if found["paragraph"] is not None:
        words = t("place.paragraph", lang, paragraph=int(found["paragraph"]))
    elif found["table"] is not None:
        words = t("place.table_row", lang, table=int(found["table"]), row=int(found["row"]))
    else:
        words = t("line", lang, line=int(found["line"])) + (found["path"] or "")
    return (found["file"] or "") + words


def label_line(label: str | None) -> int | None:
    """The line of the file a place label names (a web page's “L54 …”), else ``None``: a Word
    paragraph or a workbook's cell is no line of the file."""
    match = _PLACE_LABEL.match(label or "")
    return int(match.group("line")) if match is not None and match.group("line") is not None else None
