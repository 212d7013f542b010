"""What a check found, as a report: a line per case, the mistakes named, notes.

A :class:`CheckResult` prints as text, shows itself as a small table in
Jupyter, and raises with its report for a test (:meth:`raise_for_failure`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

from .._i18n import _, language, ngettext
from . import mistakes as known

#: Where the book is read online: a link from a notebook works wherever it was opened.
BOOK = "https://dnn-textbook.github.io/dnn_textbook/"


def section_url(doc: str, anchor: str) -> str:
    """The address of a section of the book, in the edition of the library's language."""
    return f"{BOOK}{language()}/{doc}.html#{anchor}"


@dataclass(frozen=True)
class CaseReport:
    """One line of a report: a case, its inputs, and what came back."""

    label: str
    inputs: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class CheckResult:
    """What :func:`~dnn_textbook.exercises.check` found: passed, mistakes, and the report."""

    exercise: str
    cases: tuple[CaseReport, ...]
    mistakes: tuple[str, ...]
    notes: tuple[str, ...] = ()
    #: the functions of the course it calls that are wrong, deepest first, with their mistakes;
    #: then ``cases`` and ``mistakes`` are those of its own code, with right ones in their place
    callees: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def passed(self) -> bool:
        """True when every case gives what was expected, with the learner's own callees."""
        return self.own_passed and not self.callees

    @property
    def own_passed(self) -> bool:
        """True when the function's own code is right (with right callees in their place)."""
        return all(case.passed for case in self.cases)

    def blaming(self, called: CheckResult) -> CheckResult:
        """This result, judged with a right ``called.exercise`` in place of the learner's."""
        wrong = called.callees + (
            () if called.own_passed else ((called.exercise, called.mistakes),)
        )
        return replace(self, callees=wrong)

    def not_written(self) -> CheckResult:
        """This result, for a function that is still the course's template."""
        said = _("not written yet: only the lines of the course's template are there")
        cases = tuple(
            replace(case, detail=said) if not case.passed else case for case in self.cases
        )
        return replace(self, cases=cases, mistakes=())

    def _callee_lines(self) -> list[str]:
        lines = []
        for function, mistakes in self.callees:
            found = ", ".join(mistakes) if mistakes else _("check it on its own")
            lines.append(
                _("The mistake is in {function}, which {name} calls ({mistakes}).").format(
                    function=function, name=self.exercise, mistakes=found
                )
            )
        if self.callees:
            right = ", ".join(function for function, _mistakes in self.callees)
            key = "own code right" if self.own_passed else "own code judged"
            lines.append(
                _("With a right {functions} in its place, {name}'s own code is right.")
                if key == "own code right"
                else _("With a right {functions} in its place, {name}'s own code gives:")
            )
            lines[-1] = lines[-1].format(functions=right, name=self.exercise)
        return lines

    def _mistake_lines(self) -> list[tuple[str, str, str]]:
        return [
            (key, _(known.MEANINGS[key][0]), _(known.SECTIONS[known.MEANINGS[key][1]]))
            for key in self.mistakes
        ]

    def _summary(self) -> str:
        n, ok = len(self.cases), sum(case.passed for case in self.cases)
        summary = ngettext("{name}: {ok} of {n} case passes", "{name}: {ok} of {n} cases pass", n)
        return summary.format(name=self.exercise, ok=ok, n=n)

    def __str__(self) -> str:
        lines = [self._summary(), ""] + self._callee_lines()
        for i, case in enumerate(self.cases, start=1):
            mark = "✓" if case.passed else "✗"
            head = _("case {i}, {label}").format(i=i, label=case.label)
            lines.append(f"  {mark} " + _("{case}: {detail}").format(case=head, detail=case.detail))
        for key, meaning, title in self._mistake_lines():
            lines += ["", _("Mistake {id}: {meaning}").format(id=key, meaning=meaning)]
            lines.append("  " + _("See the section: {title}").format(title=title))
        lines += [""] + [_("Note: {note}").format(note=note) for note in self.notes]
        return "\n".join(lines).rstrip()

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td>{'✓' if c.passed else '✗'}</td><td>{i}</td><td>{e(c.label)}</td>"
            f"<td><code>{e(c.inputs)}</code></td><td>{e(c.detail)}</td></tr>"
            for i, c in enumerate(self.cases, start=1)
        )
        head = "".join(
            f"<th>{e(h)}</th>" for h in ("", "#", _("case"), _("inputs"), _("what came back"))
        )
        out = [f"<p><strong>{e(self._summary())}</strong></p>"]
        out += [f"<p>{e(line)}</p>" for line in self._callee_lines()]
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        for key, meaning, title in self._mistake_lines():
            doc, anchor = known.MEANINGS[key][1]
            link = f'<a href="{e(section_url(doc, anchor))}">{e(title)}</a>'
            label = e(_("Mistake {id}:").format(id=key))
            out.append(f"<p><strong>{label}</strong> {e(meaning)} {link}</p>")
        out += [f"<p>{e(_('Note: {note}').format(note=note))}</p>" for note in self.notes]
        return "\n".join(out)

    def raise_for_failure(self) -> None:
        """Raise :class:`AssertionError` with the report when a case fails."""
        if not self.passed:
            raise AssertionError(str(self))
