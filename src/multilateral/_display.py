"""One helper for each recurring display job: a number in LaTeX, a table as text, HTML and LaTeX,
a vector or a value in a result's repr.

Games show their payoff tables (``str``, ``_repr_html_``, ``to_latex``) and results their
values (``to_latex``, ``_repr_latex_``) through these helpers, so that every table is built
the same way: exact numbers exactly (``2/3`` in text and HTML, ``\\frac{2}{3}`` in LaTeX,
sympy expressions by sympy's printers), floats to a few significant digits, labels escaped
(HTML by :func:`html.escape`, LaTeX by :func:`latex_escape`), LaTeX tables with the
``booktabs`` rules. Numbers as text come from :func:`multilateral._numeric.format_number`.
A result's repr stays one short line at n = 193 (:func:`repr_values`, :func:`repr_exact`): at
most :data:`REPR_VALUES` values of a vector, then how many there are; an exact value longer
than :data:`REPR_EXACT_CHARS` characters by its float, marked.

Bottom layer: imports only the standard library and :mod:`._numeric` (sympy lazily, for
sympy objects only).
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ._numeric import format_number

__all__ = [
    "REPR_EXACT_CHARS",
    "REPR_VALUES",
    "cut_rows",
    "html_table",
    "latex_escape",
    "latex_number",
    "latex_table",
    "repr_exact",
    "repr_values",
    "text_table",
]

_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
                  "|": r"\textbar{}",
                  # a cell opening with "[" after \\ or \midrule would be read as their
                  # optional argument (a length: "Missing number")
                  "[": "{[}"}

#: Values of one vector (a mixed strategy, an allocation, a distribution) a result's repr lists.
REPR_VALUES = 12
#: Exact values longer than this (a Fraction with hundreds of digits at n = 193) are shown by
#: their float in a result's repr.
REPR_EXACT_CHARS = 40

#: Numerators and denominators longer than this are written by their float, marked ``\approx``.
_LATEX_EXACT_DIGITS = 12


def latex_escape(text: str) -> str:
    r"""Text with every character LaTeX reads as markup escaped (for text mode).

    Line breaks and other control characters become spaces: a blank line would end the
    paragraph inside a table or a caption.

    Examples
    --------
    >>> print(latex_escape("x_1 & 50%"))
    x\_1 \& 50\%
    """
    return "".join(_LATEX_SPECIAL.get(ch, " " if ch.isspace() or not ch.isprintable() else ch)
                   for ch in str(text))


def latex_number(value: Any, digits: int = 6) -> str:
    r"""A number in LaTeX math mode: exact values exactly, floats to ``digits`` significant digits.

    Integers as integers, rationals (:class:`~fractions.Fraction`, sympy's ``Rational``) as
    ``\frac{p}{q}`` (one whose numerator or denominator runs past 12 digits as its float
    marked ``\approx``: a table for a paper never passes a rounded value off as exact), sympy
    expressions by :func:`sympy.latex`, floats in scientific notation as ``m \times 10^{e}``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> latex_number(Fraction(2, 3)), latex_number(Fraction(-1, 2)), latex_number(3)
    ('\\frac{2}{3}', '-\\frac{1}{2}', '3')
    >>> latex_number(Fraction(10007, 10008)), latex_number(Fraction(1, 3 * 10**15))
    ('\\frac{10007}{10008}', '\\approx 3.33333 \\times 10^{-16}')
    >>> latex_number(1.5e-7), latex_number(float("inf"))
    ('1.5 \\times 10^{-7}', '\\infty')
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, numbers.Rational):
        f = Fraction(value)
        if f.denominator == 1:
            return str(f.numerator)
        if max(len(str(abs(f.numerator))), len(str(f.denominator))) > _LATEX_EXACT_DIGITS:
            try:
                return rf"\approx {latex_number(float(f), digits)}"
            except OverflowError:  # beyond float: exact, however long
                pass
        sign = "-" if f < 0 else ""
        return rf"{sign}\frac{{{abs(f.numerator)}}}{{{f.denominator}}}"
    if isinstance(value, numbers.Real) and not _is_sympy(value):
        x = float(value)
        if math.isinf(x):
            return r"\infty" if x > 0 else r"-\infty"
        if math.isnan(x):
            return r"\mathrm{nan}"
        text = format_number(x, digits)
        if "e" in text:
            mantissa, exponent = text.split("e")
            power = rf"10^{{{int(exponent)}}}"
            return power if mantissa == "1" else rf"{mantissa} \times {power}"
        return text
    if _is_sympy(value):
        import sympy

        return str(sympy.latex(value))
    return latex_escape(str(value))


def _is_sympy(value: Any) -> bool:
    return type(value).__module__.split(".")[0] == "sympy"


def repr_exact(exact: object, approx: float, digits: int = 6) -> str:
    """An exact value for a repr as written (``2/3``; a sympy expression as sympy prints it),
    unless it runs past :data:`REPR_EXACT_CHARS` characters: then its float (``digits``
    significant digits) marked as standing for the exact value kept in the result.

    Examples
    --------
    >>> from fractions import Fraction
    >>> repr_exact(Fraction(2, 3), 2 / 3)
    '2/3'
    >>> repr_exact(Fraction(1, 3**90), 3.0**-90, 4)
    '~1.146e-43 (exact)'
    """
    text = str(exact)
    return text if len(text) <= REPR_EXACT_CHARS else f"~{approx:.{digits}g} (exact)"


def repr_values(values: Any, exact: Any = None, *, digits: int = 4,
                limit: int = REPR_VALUES) -> str:
    """A vector for a repr, ``[a, b, ...]``: the exact values where there are some (``2/3``,
    by :func:`repr_exact`), else the floats to ``digits`` significant digits; at most
    ``limit`` of them, then how many there are, so that a repr stays short in a large game.

    Examples
    --------
    >>> from fractions import Fraction
    >>> repr_values([0.5, 2 / 3], exact=[Fraction(1, 2), Fraction(2, 3)])
    '[1/2, 2/3]'
    >>> repr_values([1 / 3] * 193, limit=3)
    '[0.3333, 0.3333, 0.3333, ... (193 values)]'
    """
    if exact is not None:
        items = [*_flat(exact)]
        shown = [repr_exact(e, float(e), digits) for e in items[:limit]]
    else:
        items = [*_flat(values)]
        shown = [format_number(float(v), digits) for v in items[:limit]]
    more = f", ... ({len(items)} values)" if len(items) > limit else ""
    return "[" + ", ".join(shown) + more + "]"


def _flat(values: Any) -> list[Any]:
    """The elements of an array of any shape or of nested lists and tuples, in order."""
    if hasattr(values, "ravel"):
        return list(values.ravel().tolist())
    out: list[Any] = []
    for v in values:
        out.extend(_flat(v) if isinstance(v, (list, tuple)) or hasattr(v, "ravel") else [v])
    return out


def cut_rows(rows: Sequence[Sequence[str]], limit: int | None, what: str = "rows", *,
             total: int | None = None) -> list[list[str]]:
    """The first ``limit`` rows of a long table and a one-cell marker row saying how many
    are left out (all rows when ``limit`` is None).

    ``total`` is the full table's number of rows when ``rows`` holds only its first ones (so
    that a caller need not format rows nobody sees).

    Examples
    --------
    >>> cut_rows([["a"], ["b"], ["c"]], 2, "members")
    [['a'], ['b'], ['... (1 more members)']]
    >>> cut_rows([["a"], ["b"]], 2, total=1000)
    [['a'], ['b'], ['... (998 more rows)']]
    """
    out = [list(r) for r in rows[:limit]] if limit is not None else [list(r) for r in rows]
    total = len(rows) if total is None else total
    if limit is None or total <= limit:
        return out
    return [*out, [f"... ({total - limit} more {what})"]]


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], *,
               align: str | None = None) -> str:
    """Rows of cells as aligned plain text, two spaces between columns.

    Parameters
    ----------
    header : sequence of str
        The column headings (one per column).
    rows : sequence of sequence of str
        The cells, already formatted; a row of one cell ``"..."`` marks rows left out.
    align : str, optional
        One letter per column, ``"l"`` or ``"r"`` (default: the first column left, the others
        right).

    Examples
    --------
    >>> print(text_table(["", "C", "D"], [["C", "3, 3", "0, 5"], ["D", "5, 0", "1, 1"]]))
           C     D
    C   3, 3  0, 5
    D   5, 0  1, 1
    """
    n = len(header)
    align = align or "l" + "r" * (n - 1)
    full = [list(header)] + [list(r) for r in rows if len(r) == n]
    widths = [max(len(r[j]) for r in full) for j in range(n)]

    def line(cells: Sequence[str]) -> str:
        if len(cells) != n:  # a marker row ("...")
            return "  ".join(cells)
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w)
                         for c, w, a in zip(cells, widths, align, strict=True)).rstrip()

    return "\n".join([line(header), *(line(r) for r in rows)])


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], *,
               caption: str | None = None, row_headers: bool = True) -> str:
    """Rows of cells as an HTML ``<table>``; every label and cell is escaped.

    Parameters
    ----------
    header : sequence of str
        The column headings.
    rows : sequence of sequence of str
        The cells as plain text (escaped here); a row shorter than the header spans it.
    caption : str, optional
        A ``<caption>``.
    row_headers : bool
        Whether each row's first cell is a heading (``<th>``).

    Examples
    --------
    >>> print(html_table(["", "C"], [["C", "3, 3"]], caption="a<b"))
    <table>
    <caption>a&lt;b</caption>
    <thead><tr><th></th><th>C</th></tr></thead>
    <tbody>
    <tr><th>C</th><td>3, 3</td></tr>
    </tbody>
    </table>
    """
    esc = html.escape
    out = ["<table>"]
    if caption is not None:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        if len(row) != len(header):
            out.append(f'<tr><td colspan="{len(header)}">{esc(" ".join(row))}</td></tr>')
            continue
        cells = [(f"<th>{esc(c)}</th>" if j == 0 and row_headers else f"<td>{esc(c)}</td>")
                 for j, c in enumerate(row)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def latex_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, align: str,
                caption: str | None = None, top: Sequence[str] = (),
                footer: Sequence[Sequence[str]] = ()) -> str:
    r"""A ``table`` environment with a booktabs ``tabular``: LaTeX cells, already formatted.

    Needs only the ``booktabs`` package.

    Parameters
    ----------
    header : sequence of str
        The column headings, as LaTeX (escape text with :func:`latex_escape`).
    rows : sequence of sequence of str
        The cells, as LaTeX.
    align : str
        The ``tabular`` column specification, e.g. ``"lcc"``.
    caption : str, optional
        The table's caption, as plain text (escaped here).
    top : sequence of str
        Lines put between ``\toprule`` and the header (e.g. a ``\multicolumn`` heading).
    footer : sequence of sequence of str
        Rows after a second ``\midrule`` (e.g. a fit's N and log-likelihood).

    Examples
    --------
    >>> print(latex_table(["Member", "Index"], [["A", r"$\frac{1}{2}$"]], align="lr"))
    \begin{table}[ht]
    \centering
    \begin{tabular}{lr}
    \toprule
    Member & Index \\
    \midrule
    A & $\frac{1}{2}$ \\
    \bottomrule
    \end{tabular}
    \end{table}
    """
    lines = [r"\begin{table}[ht]", r"\centering"]
    if caption is not None:
        lines.append(rf"\caption{{{latex_escape(caption)}}}")
    lines += [rf"\begin{{tabular}}{{{align}}}", r"\toprule", *top,
              " & ".join(header) + r" \\", r"\midrule"]
    lines += [" & ".join(row) + r" \\" for row in rows]
    if footer:
        lines += [r"\midrule", *(" & ".join(row) + r" \\" for row in footer)]
    lines += [r"\bottomrule", r"\end{tabular}", r"\end{table}"]
    return "\n".join(lines)
