"""What the lecturer gets: the grades, a report of the class, a feedback file per learner.

``grades.csv`` has a row per learner, a column per exercise (1 when it
passes, 0 otherwise) and a total, as a gradebook imports it.
``grades.json`` holds the same for scripts, with the verdicts and the
mistakes' ids. ``report.html`` shows the class at a glance (each
exercise's pass rate, the mistakes most learners made, each linked to the
section of the book that derives the equation), then a row per learner;
it needs no script and no network, and reads on a phone. The words are in
the language chosen, and so are the numbers (``83,3 %`` in French).
"""

from __future__ import annotations

import csv
import html
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..._i18n import _, ngettext
from .. import EXERCISES, MISTAKES
from ..report import section_url
from .grading import VERDICTS


@dataclass
class LearnerGrade:
    """One learner's grades: a verdict and the mistakes' ids for each exercise."""

    learner: str
    file: str
    error: str | None = None
    language: str = "en"
    exercises: dict[str, dict[str, Any]] = field(default_factory=dict)
    feedback: str = ""

    @property
    def total(self) -> int:
        return sum(e["verdict"] == "passed" for e in self.exercises.values())


def number(x: float, language: str, decimals: int = 0) -> str:
    """A number in the language's format: ``1 234,5`` in French, ``1 234,5`` in Ukrainian."""
    text = f"{x:,.{decimals}f}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    if language == "uk":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def percent(x: float, language: str) -> str:
    """A share as a percentage: ``83%``, ``83 %`` (French), ``83%`` (Ukrainian)."""
    shown = number(100 * x, language)
    return shown + ("\u202f%" if language == "fr" else "%")


def write_csv(grades: list[LearnerGrade], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["learner", *EXERCISES, "total"])
        for grade in grades:
            passed = [int(grade.exercises.get(n, {}).get("verdict") == "passed") for n in EXERCISES]
            writer.writerow([grade.learner, *passed, grade.total])


def write_json(grades: list[LearnerGrade], path: Path, run: dict[str, Any]) -> None:
    learners = []
    for grade in grades:
        entry = {k: v for k, v in asdict(grade).items() if k not in ("feedback", "language")}
        if grade.error is None:
            del entry["error"]
        entry["total"] = grade.total
        learners.append(entry)
    data = {"learners": learners, **run, "exercises_in_order": list(EXERCISES)}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def pass_rates(grades: list[LearnerGrade]) -> dict[str, float]:
    read = [g for g in grades if g.error is None]
    return {
        name: sum(g.exercises[name]["verdict"] == "passed" for g in read) / max(len(read), 1)
        for name in EXERCISES
    }


def common_mistakes(grades: list[LearnerGrade]) -> list[tuple[str, int]]:
    """The mistakes' ids, with the number of learners who made each, most frequent first."""
    counts: Counter[str] = Counter()
    for grade in grades:
        counts.update({m for e in grade.exercises.values() for m in e["mistakes"]})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;
 line-height:1.5;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
.bars{list-style:none;padding:0;margin:0}
.bars li{display:grid;grid-template-columns:minmax(0,14rem) minmax(0,1fr) 4.5rem;gap:.5rem;
 align-items:center;margin:.25rem 0}
.bars .name{overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:.85rem}
.bars .track{background:#e8e8e8;height:1rem;border-radius:2px}
.bars .fill{background:#1f5fa8;height:100%;border-radius:2px}
.bars .mistake .fill{background:#a83a1f}
.bars .value{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;border:1px solid #ccc}
.scroll:focus{outline:3px solid #1f5fa8}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.passed{background:#e6f4e6}td.failed{background:#fbe9e7}
td.error{background:#fff3cd}
a{color:#0b4f9c}
@media (max-width:40rem){.bars li{grid-template-columns:minmax(0,1fr) 4.5rem}
 .bars .name{grid-column:1/3}}
"""


def _bars(rows: list[tuple[str, float, str]], kind: str) -> str:
    """Bars of plain HTML: a name (HTML), a share of the track, the value shown."""
    items = []
    for name, share, value in rows:
        width = f"{100 * share:.1f}%"
        items.append(
            f'<li class="{kind}"><span class="name">{name}</span>'
            f'<span class="track" aria-hidden="true"><span class="fill" style="display:block;'
            f'width:{width}"></span></span><span class="value">{html.escape(value)}</span></li>'
        )
    return '<ul class="bars">' + "".join(items) + "</ul>"


def html_report(grades: list[LearnerGrade], run: dict[str, Any], language: str) -> str:
    """The report of the class, in the language of the messages (:func:`set_language`)."""
    e = html.escape
    read = [g for g in grades if g.error is None]
    rates = pass_rates(grades)
    title = _("Grades of the class")
    summary = ngettext("{n} submission graded", "{n} submissions graded", len(grades)).format(
        n=number(len(grades), language)
    )
    unread = len(grades) - len(read)
    if unread:
        summary += "; " + ngettext("{n} could not be read", "{n} could not be read", unread).format(
            n=number(unread, language)
        )
    seed = _("Hidden cases drawn with the seed {seed}.").format(seed=run["seed"])
    rates_heading = _("The share of the class that passes each exercise")
    mistakes_heading = _("The mistakes most learners made")
    no_mistake = _("No mistake that the checker knows was made.")
    learner, total_ = _("learner"), _("total")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{e(title)}</h1>",
        f"<p>{e(summary)}. {e(seed)}</p>",
        f"<h2>{e(rates_heading)}</h2>",
        _bars(
            [(f"<code>{e(n)}</code>", rates[n], percent(rates[n], language)) for n in EXERCISES],
            "rate",
        ),
    ]
    mistakes = common_mistakes(grades)[:10]
    out.append(f"<h2>{e(mistakes_heading)}</h2>")
    if mistakes:
        rows = []
        for key, count in mistakes:
            mistake = MISTAKES[key]
            link = (
                f'<a href="{e(section_url(*mistake.section))}"><code>{e(key)}</code></a>: '
                f"{e(_(mistake.meaning))}"
            )
            share = count / max(len(read), 1)
            value = ngettext("{n} learner", "{n} learners", count).format(n=number(count, language))
            rows.append((link, share, value))
        out.append(_bars(rows, "mistake"))
    else:
        out.append(f"<p>{e(no_mistake)}</p>")
    caption = _("Each learner's verdicts")
    head = "".join(f'<th scope="col"><code>{e(n)}</code></th>' for n in EXERCISES)
    out += [
        f'<h2 id="learners">{e(caption)}</h2>',
        '<div class="scroll" role="region" aria-labelledby="learners" tabindex="0">',
        f'<table><thead><tr><th scope="col">{e(learner)}</th>{head}'
        f'<th scope="col">{e(total_)}</th></tr></thead><tbody>',
    ]
    for grade in grades:
        cells = [f'<th scope="row">{e(grade.learner)}</th>']
        if grade.error is not None:
            said = _("cannot be read: {error}").format(error=grade.error)
            cells.append(f'<td class="error" colspan="{len(EXERCISES) + 1}">{e(said)}</td>')
        else:
            for name in EXERCISES:
                verdict = grade.exercises[name]["verdict"]
                found = grade.exercises[name]["mistakes"]
                text = e(_(VERDICTS[verdict]))
                if found:
                    text += "<br>" + ", ".join(f"<code>{e(m)}</code>" for m in found)
                kind = "passed" if verdict == "passed" else "failed"
                cells.append(f'<td class="{kind}">{text}</td>')
            total = _("{passed} of {n}").format(
                passed=number(grade.total, language), n=number(len(EXERCISES), language)
            )
            cells.append(f"<td>{e(total)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody></table></div></main></body></html>"]
    return "\n".join(out) + "\n"


def feedback(learner: str, graded: dict[str, Any], seed: int, language: str) -> str:
    """A learner's feedback, in the language of the messages: verdicts, mistakes, reports."""
    lines = [_("Feedback for {learner}").format(learner=learner), ""]
    for name in EXERCISES:
        mistakes = ", ".join(graded[name].result.mistakes)
        verdict = _(VERDICTS[graded[name].verdict])
        said = _("{exercise}: {verdict}").format(exercise=name, verdict=verdict)
        lines.append(said + (f" ({mistakes})" if mistakes else ""))
    sections: dict[str, str] = {}
    for name in EXERCISES:
        for key in graded[name].result.mistakes:
            mistake = MISTAKES[key]
            sections[_(mistake.title)] = section_url(*mistake.section)
    if sections:
        lines += ["", _("The sections to reread:")]
        lines += [f"  {title}: {url}" for title, url in sections.items()]
    for name in EXERCISES:
        said = graded[name].said
        lines += ["", "-" * 72, f"{name}: {said}" if said else str(graded[name].result)]
    lines += ["", _("Hidden cases drawn with the seed {seed}.").format(seed=seed)]
    return "\n".join(lines) + "\n"
