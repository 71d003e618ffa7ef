"""The tour as a self-contained HTML report (``multilateral tour --report DIR``).

:func:`write_report` runs every section of :data:`multilateral.tour.SECTIONS`, puts each
section's text in its own part of one ``index.html`` page with the works it draws on, and adds
figures as PNG files next to the page when matplotlib is installed (the ``plot`` extra). The
page has no scripts, styles or links outside the folder: copy the folder and it still works.

Notes
-----
The report is written atomically: figures first, then ``index.html`` through a temporary file
in the same folder and :func:`os.replace`, so a reader never sees half a page.

The tests (``tests/test_report.py``) parse the page with :mod:`html.parser` and check that
every section is present and that every ``<img src>`` is a PNG file in the folder;
``tests/test_report_browser.py`` loads the page in headless Chromium and checks that every
figure decodes (CI installs Chromium; elsewhere that test is skipped without it).

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24.
.. [2] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
   externalities. *Journal of Conflict Resolution* 17(3), 381-428.

Examples
--------
>>> import tempfile, pathlib
>>> from multilateral.report import write_report
>>> with tempfile.TemporaryDirectory() as folder:
...     page = write_report(folder, progress=False)
...     page.name, "Shadow of the future" in page.read_text(encoding="utf-8")
('index.html', True)
"""

from __future__ import annotations

import html
import io
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from ._namespace import public_dir

__all__ = ["CITATIONS", "DEFAULT_FOLDER", "write_report"]
__dir__ = public_dir(__all__)

#: Where ``multilateral tour`` writes the report when ``--report`` is not given.
DEFAULT_FOLDER = "multilateral-tour"

_OYE = ("Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies. "
        "<i>World Politics</i> 38(1), 1-24.")
_OLSON = ("Olson, M. (1965). <i>The Logic of Collective Action</i>. Harvard University "
          "Press.")
_SCHELLING = ("Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with "
              "externalities. <i>Journal of Conflict Resolution</i> 17(3), 381-428.")
_BUCHANAN = ("Buchanan, J. M. (1965). An economic theory of clubs. <i>Economica</i> 32(125), "
             "1-14.")

#: The works each tour section draws on, by section title (HTML, already escaped).
CITATIONS: dict[str, tuple[str, ...]] = {
    "Estimating a deterrence game (Signorino)": (
        "Signorino, C. S. (1999). Strategic interaction and the statistical analysis of "
        "international conflict. <i>American Political Science Review</i> 93(2), 279-297.",
        "Kenkel, B. and Signorino, C. S. (2014). Estimating extensive form games in R. "
        "<i>Journal of Statistical Software</i> 56(8), 1-27.",
    ),
    "Payoff structure (Oye)": (_OYE,),
    "Number of players (Oye, Olson)": (
        _OYE, _OLSON, _SCHELLING,
        "Diekmann, A. (1985). Volunteer's dilemma. <i>Journal of Conflict Resolution</i> "
        "29(4), 605-610.",
        "Isaac, R. M. and Walker, J. M. (1988). Group size effects in public goods provision: "
        "the voluntary contributions mechanism. <i>Quarterly Journal of Economics</i> 103(1), "
        "179-199.",
    ),
    "Shadow of the future (Oye)": (
        _OYE,
        "Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. <i>Review of "
        "Economic Studies</i> 38(1), 1-12.",
        "Axelrod, R. and Keohane, R. O. (1985). Achieving cooperation under anarchy: "
        "strategies and institutions. <i>World Politics</i> 38(1), 226-254.",
        "Axelrod, R. and Hamilton, W. D. (1981). The evolution of cooperation. <i>Science</i> "
        "211, 1390-1396.",
    ),
    "Group size and collective goods (Olson, Chamberlin)": (
        _OLSON,
        "Chamberlin, J. (1974). Provision of collective goods as a function of group size. "
        "<i>American Political Science Review</i> 68(2), 707-716.",
        "Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public "
        "goods. <i>Journal of Public Economics</i> 29(1), 25-49.",
        "Diekmann, A. (1985). Volunteer's dilemma. <i>Journal of Conflict Resolution</i> "
        "29(4), 605-610.",
        "Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an "
        "escape from the tragedy of the commons. <i>PNAS</i> 108(26), 10421-10425.",
        "Friedlingstein, P. et al. (2025). Global Carbon Budget 2024. <i>Earth System Science "
        "Data</i> 17, 965-1039.",
    ),
    "Diffuse vs specific reciprocity (Keohane, Ruggie)": (
        "Keohane, R. O. (1986). Reciprocity in international relations. <i>International "
        "Organization</i> 40(1), 1-27.",
        "Ruggie, J. G. (1992). Multilateralism: the anatomy of an institution. "
        "<i>International Organization</i> 46(3), 561-598.",
        "Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics "
        "in indirect reciprocity. <i>Journal of Theoretical Biology</i> 231(1), 107-120.",
    ),
    "Institutions: voting power, vetoes and agreements": (
        "Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of "
        "power in a committee system. <i>American Political Science Review</i> 48(3), 787-792.",
        "Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis. "
        "<i>Rutgers Law Review</i> 19(2), 317-343.",
        "Carraro, C. and Siniscalco, D. (1993). Strategies for the international protection "
        "of the environment. <i>Journal of Public Economics</i> 52(3), 309-328.",
        "Charter of the United Nations (1945, amended 1965), Article 27.",
    ),
    "Crisis off-ramps (correlated equilibrium)": (
        "Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies. "
        "<i>Journal of Mathematical Economics</i> 1(1), 67-96.",
    ),
    "Crisis bargaining: war and audience costs (Fearon)": (
        "Fearon, J. D. (1995). Rationalist explanations for war. <i>International "
        "Organization</i> 49(3), 379-414.",
        "Fearon, J. D. (1994). Domestic political audiences and the escalation of "
        "international disputes. <i>American Political Science Review</i> 88(3), 577-592.",
    ),
    "Transparency: imperfect public monitoring (Oye, Green-Porter)": (
        _OYE,
        "Green, E. J. and Porter, R. H. (1984). Noncooperative collusion under imperfect price "
        "information. <i>Econometrica</i> 52(1), 87-100.",
        "Abreu, D., Pearce, D. and Stacchetti, E. (1990). Toward a theory of discounted "
        "repeated games with imperfect monitoring. <i>Econometrica</i> 58(5), 1041-1063.",
        "Mailath, G. J. and Samuelson, L. (2006). <i>Repeated Games and Reputations</i>. "
        "Oxford University Press, section 7.2.",
    ),
    "Sanctions: cost and credibility (Oye, Farrell-Maskin, van Damme)": (
        _OYE,
        "Farrell, J. and Maskin, E. (1989). Renegotiation in repeated games. <i>Games and "
        "Economic Behavior</i> 1(4), 327-360.",
        "van Damme, E. (1989). Renegotiation-proof equilibria in repeated prisoners' dilemma. "
        "<i>Journal of Economic Theory</i> 47(1), 206-217.",
    ),
    "Nested cores: the G7 inside the G20 (Bendor-Mookherjee, Kahler)": (
        "Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of ongoing "
        "collective action. <i>American Political Science Review</i> 81(1), 129-154.",
        "Kahler, M. (1992). Multilateralism with small and large numbers. <i>International "
        "Organization</i> 46(3), 681-708.",
    ),
    "Common interests: transaction costs and linkage (Oye, Tollison-Willett)": (
        _OYE,
        "Tollison, R. D. and Willett, T. D. (1979). An economic theory of mutually "
        "advantageous issue linkages in international negotiations. <i>International "
        "Organization</i> 33(4), 425-449.",
        "Sebenius, J. K. (1983). Negotiation arithmetic: adding and subtracting issues and "
        "parties. <i>International Organization</i> 37(2), 281-316.",
    ),
    "Reciprocity in sizable groups (Boyd-Richerson)": (
        "Boyd, R. and Richerson, P. J. (1988). The evolution of reciprocity in sizable groups. "
        "<i>Journal of Theoretical Biology</i> 132(3), 337-356.",
        "Joshi, N. V. (1987). Evolution of cooperation by reciprocation within structured "
        "demes. <i>Journal of Genetics</i> 66(1), 69-84.",
        "Axelrod, R. and Hamilton, W. D. (1981). The evolution of cooperation. <i>Science</i> "
        "211, 1390-1396.",
    ),
    "Breadth against depth, and tipping (Downs-Rocke-Barsoom, Heal-Kunreuther)": (
        "Downs, G. W., Rocke, D. M. and Barsoom, P. N. (1998). Managing the evolution of "
        "multilateralism. <i>International Organization</i> 52(2), 397-419.",
        "Heal, G. and Kunreuther, H. (2010). Social reinforcement: cascades, entrapment, and "
        "tipping. <i>American Economic Journal: Microeconomics</i> 2(1), 86-99.",
    ),
    "Pledge-and-review: from Kyoto to Paris (Harstad, Barrett-Dannenberg)": (
        "Harstad, B. (2023). Pledge-and-review bargaining: from Kyoto to Paris. <i>Economic "
        "Journal</i> 133.",
        "Barrett, S. and Dannenberg, A. (2016). An experimental investigation into 'pledge and "
        "review' in climate negotiations. <i>Climatic Change</i> 138(1-2), 339-351.",
    ),
    "Formal against informal: duration, escape and legal form (Koremenos, Rosendorff-Milner, "
    "Abbott-Snidal)": (
        "Koremenos, B. (2005). Contracting around international uncertainty. <i>American "
        "Political Science Review</i> 99(4), 549-565.",
        "Rosendorff, B. P. and Milner, H. V. (2001). The optimal design of international trade "
        "institutions: uncertainty and escape. <i>International Organization</i> 55(4), "
        "829-857.",
        "Abbott, K. W. and Snidal, D. (2000). Hard and soft law in international governance. "
        "<i>International Organization</i> 54(3), 421-456.",
    ),
    "Climate clubs: tariffs on outsiders (Nordhaus, Buchanan, Barrett)": (
        "Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international climate "
        "policy. <i>American Economic Review</i> 105(4), 1339-1370.",
        _BUCHANAN,
        "Barrett, S. (1997). The strategy of trade sanctions in international environmental "
        "agreements. <i>Resource and Energy Economics</i> 19(4), 345-361.",
    ),
    "Legitimacy as information: the Security Council against a coalition (Thompson, "
    "Chapman)": (
        "Thompson, A. (2006). Coercion through IOs: the Security Council and the logic of "
        "information transmission. <i>International Organization</i> 60(1), 1-34.",
        "Chapman, T. L. (2009). Audience beliefs and international organization legitimacy. "
        "<i>International Organization</i> 63(4), 733-764.",
    ),
    "Regime complexes: outside options, the IMF and the AIIB (Lipscy, Morse-Keohane)": (
        "Lipscy, P. Y. (2015). Explaining institutional change: policy areas, outside options, "
        "and the Bretton Woods institutions. <i>American Journal of Political Science</i> "
        "59(2).",
        "Morse, J. C. and Keohane, R. O. (2014). Contested multilateralism. <i>Review of "
        "International Organizations</i> 9(4), 385-412.",
    ),
    "Forum shopping: NAFTA or the WTO, and the precedent (Busch)": (
        "Busch, M. L. (2007). Overlapping institutions, forum shopping, and dispute settlement "
        "in international trade. <i>International Organization</i> 61(4), 735-761 (abstract, "
        "p. 735).",
    ),
    "Cooperation among rivals: relative gains (Grieco, Snidal, Powell)": (
        "Grieco, J. M. (1988). Anarchy and the limits of cooperation: a realist critique of the "
        "newest liberal institutionalism. <i>International Organization</i> 42(3), 485-507.",
        "Snidal, D. (1991). Relative gains and the pattern of international cooperation. "
        "<i>American Political Science Review</i> 85(3), 701-726.",
        "Powell, R. (1991). Absolute and relative gains in international relations theory. "
        "<i>American Political Science Review</i> 85(4), 1303-1320.",
        "Correlates of War Project (2017). State System Membership List, v2016 (majors2016.csv). "
        "https://correlatesofwar.org/data-sets/state-system-membership/",
    ),
    "Rival clubs: the Mekong fora, hedging and exclusivity (Buchanan, Kuik)": (
        _BUCHANAN,
        "Kuik, C.-C. (2008). The essence of hedging: Malaysia and Singapore's response to a "
        "rising China. <i>Contemporary Southeast Asia</i> 30(2), 159-185.",
    ),
    "The value of exclusivity: open or exclusive rival clubs (Buchanan, Kuik)": (
        _BUCHANAN,
        "Kuik, C.-C. (2008). The essence of hedging: Malaysia and Singapore's response to a "
        "rising China. <i>Contemporary Southeast Asia</i> 30(2), 159-185.",
        "Blume, L. E. (1993). The statistical mechanics of strategic interaction. <i>Games and "
        "Economic Behavior</i> 5(3), 387-424.",
    ),
    "Escalation under strategic risk and the optimal mediator (Chassang-Padro i Miquel, "
    "Horner-Morelli-Squintani)": (
        "Chassang, S. and Padró i Miquel, G. (2010). Conflict and deterrence under strategic "
        "risk. <i>Quarterly Journal of Economics</i> 125(4), 1821-1858.",
        "Hörner, J., Morelli, M. and Squintani, F. (2015). Mediation and peace. <i>Review of "
        "Economic Studies</i> 82(4), 1483-1501.",
    ),
    "Arms races and negotiations (Baliga-Sjostrom)": (
        "Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. <i>Review of "
        "Economic Studies</i> 71(2), 351-369.",
    ),
}

_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
    "pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:90%}"
    "figure{margin:1.5em 0}img{max-width:100%;height:auto}"
    "figcaption{font-size:90%;color:#555}.note{background:#fff4d6;padding:.5em 1em}"
    "h2{border-bottom:1px solid #ccc;padding-bottom:.2em}"
)


@dataclass
class _Figure:
    filename: str
    alt: str
    caption: str


@dataclass
class _Section:
    title: str
    text: str
    citations: tuple[str, ...]
    figures: list[_Figure] = field(default_factory=list)


def write_report(
    folder: str | os.PathLike[str], *, progress: bool = True, texts: Mapping[str, str] | None = None
) -> Path:
    """Run the tour and write it as an HTML report in ``folder``.

    Parameters
    ----------
    folder : str or path-like
        Where to write ``index.html`` and the figures (``*.png``); created if missing.
        Existing files of the same names are replaced; other files are left alone.
    progress : bool, default True
        Print a counter such as ``[3/10] Shadow of the future (Oye)`` to stderr as each step
        starts.
    texts : mapping of str to str, optional
        The sections' texts when the tour has just run (``run_tour``'s return value), so
        that they are not computed twice.

    Returns
    -------
    pathlib.Path
        The path of ``index.html``.

    See Also
    --------
    multilateral.tour.run_tour : the tour as text.
    multilateral.cli.main : the command that writes it.

    Notes
    -----
    Figures need matplotlib (the ``plot`` extra, drawn with the Agg backend); without it the
    report is written without figures and says so.
    """
    out_dir = Path(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    figure_jobs = _figure_jobs()
    plt = _pyplot_or_none()
    total = len(_sections_source()) + (len(figure_jobs) if plt is not None else 0) + 1
    step = 0

    def tick(label: str) -> None:
        nonlocal step
        step += 1
        if progress:
            print(f"[{step}/{total}] {label}", file=sys.stderr, flush=True)

    sections: list[_Section] = []
    for title, run in _sections_source().items():
        tick(title)
        if texts is not None and title in texts:
            sections.append(_Section(title, texts[title], CITATIONS.get(title, ())))
            continue
        buf = io.StringIO()
        try:
            run(buf)
        except Exception as err:  # a failing section should not lose the whole report
            buf.write(f"\n[this section failed: {type(err).__name__}: {err}]\n")
        sections.append(_Section(title, buf.getvalue(), CITATIONS.get(title, ())))

    extra = _Section("Figures", "", ())
    by_title = {s.title: s for s in sections}
    if plt is not None:
        for job in figure_jobs:
            tick(f"figure: {job.alt}")
            fig = plt.figure(figsize=(7, 4.2))
            try:
                job.draw(fig)
                fig.tight_layout()
                _save_png(fig, out_dir / job.filename)
            finally:
                plt.close(fig)
            by_title.get(job.section, extra).figures.append(
                _Figure(job.filename, job.alt, job.caption))
    if extra.figures:
        sections.append(extra)

    tick("index.html")
    page = _render(sections, with_figures=plt is not None)
    target = out_dir / "index.html"
    _atomic_write(target, page.encode("utf-8"))
    return target


# -- figures ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _FigureJob:
    section: str
    filename: str
    alt: str
    caption: str
    draw: Callable[[Any], None]


def _figure_jobs() -> list[_FigureJob]:
    return [
        _FigureJob(
            "Number of players (Oye, Olson)", "critical-discount.png",
            "Critical discount factor against group size, fixed multiplier and fixed MPCR",
            "The least discount factor at which grim conditional cooperation is an equilibrium "
            "of a linear public good among n members (n = 2..193): with the multiplier held "
            "at r = 3 it rises with the group (towards 1/3); with the marginal per-capita "
            "return held at 1/2 it falls (Isaac and Walker 1988's two normalizations; at "
            "n = 2 that good is not worth providing, so the curve starts at n = 3). The rise "
            "is Olson's dilution of r/n, not one of Oye's channels.",
            _draw_critical_discount,
        ),
        _FigureJob(
            "Group size and collective goods (Olson, Chamberlin)", "provision-by-crowding.png",
            "Per-member provision against group size for several crowding levels",
            "Per-member consumption of a voluntarily provided good, G / n^theta, among n "
            "identical members (income 1, Cobb-Douglas a = 1/2): it falls with n when the "
            "good is crowded (theta = 1), not when it is pure (theta = 0) (Chamberlin 1974).",
            _draw_provision,
        ),
        _FigureJob(
            "Number of players (Oye, Olson)", "schelling-public-goods.png",
            "Schelling diagram of a 10-player public goods game with multiplier 3",
            "Schelling diagram of a linear public goods game, 10 players, r = 3: the "
            "defector's line lies above the cooperator's whatever the others do, so defection "
            "is dominant (Schelling 1973).",
            _draw_schelling,
        ),
    ]


def _draw_critical_discount(fig: Any) -> None:
    from .models import ConditionalCooperation

    ax = fig.add_subplot()
    sizes = range(2, 194)
    for label, make in (
        ("fixed multiplier r = 3", lambda n: ConditionalCooperation(n=n, r=3)),
        ("fixed MPCR = 1/2", lambda n: ConditionalCooperation(n=n, mpcr=Fraction(1, 2))),
    ):
        xs, ys = [], []
        for n in sizes:
            cd = make(n).critical_discount()
            if cd.attainable:
                xs.append(n)
                ys.append(cd.delta)
        ax.plot(xs, ys, label=label)
    ax.set_xlabel("group size n")
    ax.set_ylabel("critical discount factor")
    ax.set_ylim(-0.02, 1.02)
    ax.legend()
    ax.set_title("Conditional cooperation: the shadow of the future needed")


def _draw_provision(fig: Any) -> None:
    from .models import PublicGoodProvision

    ax = fig.add_subplot()
    sizes = range(2, 194)
    for theta in (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1):
        ys = [float(PublicGoodProvision.identical(n, 1, Fraction(1, 2), theta)
                    .per_member_provision()) for n in sizes]
        ax.plot(list(sizes), ys, label=f"theta = {theta}")
    ax.set_xscale("log")
    ax.set_xlabel("group size n (log scale)")
    ax.set_ylabel("per-member provision G / n^theta")
    ax.legend()
    ax.set_title("Olson vs Chamberlin: provision and crowding")


def _draw_schelling(fig: Any) -> None:
    from .games.anonymous import AnonymousGame
    from .plot import schelling_diagram

    schelling_diagram(AnonymousGame.public_goods(10, r=3), ax=fig.add_subplot())


def _pyplot_or_none() -> Any:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save_png(fig: Any, path: Path) -> None:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    _atomic_write(path, buf.getvalue())


# -- page ------------------------------------------------------------------------------------------
def _sections_source() -> dict[str, Callable[[Any], None]]:
    from .tour import SECTIONS

    return dict(SECTIONS)


def _slug(text: str) -> str:
    chars = [c.lower() if c.isalnum() else "-" for c in text]
    return "-".join(filter(None, "".join(chars).split("-")))


def _render(sections: list[_Section], *, with_figures: bool) -> str:
    from . import __version__

    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>multilateral {esc(__version__)}: a tour</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>multilateral {esc(__version__)}: a tour</h1>",
        "<p>Every model of the tour run on its cases; the numbers are computed, not copied. "
        "Each section lists the works it draws on.</p>",
    ]
    if not with_figures:
        parts.append('<p class="note">matplotlib is not installed, so this report has no '
                     'figures: <code>pip install "multilateral[plot]"</code> and run '
                     "<code>multilateral tour</code> again to add them.</p>")
    parts.append("<nav><ol>")
    for s in sections:
        parts.append(f'<li><a href="#{_slug(s.title)}">{esc(s.title)}</a></li>')
    parts.append("</ol></nav>")
    for s in sections:
        parts.append(f'<section id="{_slug(s.title)}">')
        parts.append(f"<h2>{esc(s.title)}</h2>")
        if s.text:
            parts.append(f"<pre>{esc(s.text.strip(chr(10)))}</pre>")
        for f in s.figures:
            parts.append(
                f'<figure><img src="{esc(f.filename)}" alt="{esc(f.alt)}">'
                f"<figcaption>{esc(f.caption)}</figcaption></figure>"
            )
        if s.citations:
            parts.append("<h3>References</h3><ul>")
            parts.extend(f"<li>{c}</li>" for c in s.citations)
            parts.append("</ul>")
        parts.append("</section>")
    # after loading, the page records how many figures the browser decoded (read by the
    # headless-browser test; harmless to a reader)
    parts.append(
        "<script>window.addEventListener('load', function () {"
        " var imgs = Array.from(document.images);"
        " var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; });"
        " document.body.dataset.figuresRendered = ok.length + '/' + imgs.length; });</script>"
    )
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
