"""What the project leaves behind in words: publications, interview findings, lessons learned
and the vision.

Publications, lessons and vision words belong to the whole project, not to any one
municipality: a municipal report ("kuntakohtaiset tulokset") leaves them out and says they
are in the project's report. Repeating them in every municipal report would let a reader who
adds the municipal reports up count the project's 21 publications six times. Interviews have
a municipality, so a municipal report shows the findings of its own interviews.

Interview counts are counts of people and go through the findings page's own protection
(``interview_selectors.findings``: a theme is hidden with its complement). A quote is shown
only when the project marked it publishable, and only when the number of interviews it comes
from is shown too: among fewer interviews than the threshold a quote points at a person.

Queries: publications 3 (counts, list, printed figures), interviews 5, lessons 1, vision 1,
however many records.
"""

from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yhdessa.core.charts import Series, grouped_bars
from yhdessa.projects.reported import reported_beside
from yhdessa.reports.document import Chart, Figure, ItemList, Section, Table, Value
from yhdessa.reports.scope import ReportScope
from yhdessa.toolkit import interview_selectors, tip_selectors
from yhdessa.toolkit.interview_selectors import Findings
from yhdessa.toolkit.models import Publication, PublicationKind, Sector, VisionWord

#: The key of the printed total of publications (``projects.ReportedFigure``).
PUBLICATIONS_TOTAL = "publications.total"


def _project_wide(scope: ReportScope, section: Section, message: str) -> bool:
    """Whether the section is the project's alone: in a municipal report it stays empty and
    says where to find it."""
    if scope.municipality is None:
        return False
    section.empty_message = message
    return True


# --- Publications -----------------------------------------------------------------------------


def build_publications(scope: ReportScope, section: Section) -> None:
    """The project's publications by kind and channel, and each of them."""
    if _project_wide(
        scope, section, _("Julkaisut ovat koko hankkeen, ja ne ovat hankkeen loppuraportissa.")
    ):
        return
    section.empty_message = _("Hankkeelle ei ole kirjattu julkaisuja.")
    counts = tip_selectors.publication_counts_by_kind_and_channel(scope.project)
    total = sum(row["count"] for row in counts)
    scope.comparisons += reported_beside(scope.project, {PUBLICATIONS_TOTAL: total})
    if not counts:
        return
    section.figures.append(
        Figure(
            "total",
            _("Julkaisuja yhteensä"),
            total,
            source_url=scope.staff_url("toolkit:publication_list", scope.project.slug),
        )
    )
    section.tables.append(_counts_table(counts))
    section.charts.append(_counts_chart(counts))
    section.tables.append(_publications_table(scope))


def _counts_table(counts: list[dict]) -> Table:
    kinds = dict(PublicationKind.choices)
    return Table(
        key="by_kind_and_channel",
        title=_("Julkaisut lajeittain ja kanavittain"),
        columns=[_("Laji"), _("Kanava"), _("Julkaisuja")],
        rows=[
            [str(kinds.get(row["kind"], row["kind"])), row["channel"], row["count"]]
            for row in counts
        ],
        label_columns=2,
    )


def _counts_chart(counts: list[dict]) -> Chart:
    kinds = dict(PublicationKind.choices)
    return Chart(
        key="by_kind_and_channel",
        title=_("Julkaisut lajeittain ja kanavittain"),
        svg=grouped_bars(
            [f"{kinds.get(row['kind'], row['kind'])}: {row['channel']}" for row in counts],
            [Series(_("Julkaisuja"), [row["count"] for row in counts])],
            value_label=_("Julkaisuja"),
        ),
        table_key="by_kind_and_channel",
        description=_(
            "Pylväskaavio: julkaisujen määrä lajin ja kanavan mukaan. Luvut ovat kaavion alla "
            "olevassa taulukossa."
        ),
    )


def _publications_table(scope: ReportScope) -> Table:
    # Oldest first, as a report tells its story; undated ones (a yearbook) last on every
    # database.
    publications = tip_selectors.publications_of(scope.project).order_by(
        F("published_on").asc(nulls_last=True), "title", "pk"
    )
    return Table(
        key="publications",
        title=_("Julkaisuluettelo"),
        columns=[
            _("Julkaistu"),
            _("Otsikko"),
            _("Laji"),
            _("Kanava"),
            _("Pysyvä tunniste"),
            _("Verkko-osoite"),
        ],
        rows=[_publication_row(publication) for publication in publications],
        row_urls=[
            scope.staff_url("toolkit:publication_edit", publication.pk)
            for publication in publications
        ],
        label_columns=2,
    )


def _publication_row(publication: Publication) -> list:
    # "" rather than None for what is not known: None means a value hidden by protection.
    return [
        publication.published_on or "",
        publication.title,
        publication.get_kind_display(),
        publication.channel,
        publication.identifier,
        publication.url or publication.identifier_url,
    ]


# --- Interviews -------------------------------------------------------------------------------


def build_interviews(scope: ReportScope, section: Section) -> None:
    """Interview findings: interviews by sector, themes by how many interviews raised them,
    the theme raised most and the publishable quotes. Nothing that names a person."""
    found = interview_selectors.findings(scope.project, municipality=scope.municipality)
    if found.interviews == 0:
        section.empty_message = (
            _("Kunnan toimijoita ei haastateltu hankkeessa.")
            if scope.municipality is not None
            else _("Hankkeelle ei ole kirjattu haastatteluja.")
        )
        return
    _add_interview_figures(scope, section, found)
    if found.interviews is None:
        return  # too few interviews: their breakdowns and quotes would point at people
    section.tables.append(_sector_table(found))
    if found.findings:
        section.tables.append(_theme_table(found))
        section.charts.append(_theme_chart(found))
    if found.quotes:
        section.lists.append(
            ItemList(
                "quotes",
                _("Lainauksia haastatteluista"),
                [f"”{quote.text}” ({', '.join(quote.themes)})" for quote in found.quotes],
            )
        )


def _add_interview_figures(scope: ReportScope, section: Section, found: Findings) -> None:
    section.figures.append(
        Figure(
            "interviews",
            _("Haastatteluja"),
            found.interviews,
            source_url=scope.staff_url("toolkit:interview_list", scope.project.slug),
            note=""
            if found.interviews is not None
            else _("Haastatteluja on niin vähän, ettei niiden tuloksia julkaista."),
        )
    )
    if found.main_theme is not None:
        mentions = found.main_theme.interviews  # None when small: then not told
        section.figures.append(
            Figure(
                "key_finding",
                _("Keskeisin kehittämiskohde (eniten mainittu teema)"),
                found.main_theme.theme.name,
                source_url=scope.staff_url("toolkit:theme_table", scope.project.slug),
                note=(
                    ngettext(
                        "mainittiin %(count)s haastattelussa",
                        "mainittiin %(count)s haastattelussa",
                        mentions,
                    )
                    % {"count": mentions}
                    if mentions is not None
                    else ""
                ),
            )
        )


def _sector_table(found: Findings) -> Table:
    rows: list[list[Value]] = [[str(label), found.by_sector[key]] for key, label in Sector.choices]
    rows.append([_("Yhteensä"), found.interviews])
    return Table(
        key="by_sector",
        title=_("Haastattelut haastateltavan organisaation mukaan"),
        columns=[_("Organisaation laji"), _("Haastatteluja")],
        rows=rows,
    )


def _theme_table(found: Findings) -> Table:
    return Table(
        key="themes",
        title=_("Teemat sen mukaan, kuinka monessa haastattelussa ne mainittiin"),
        columns=[_("Teema"), _("Haastatteluja"), _("Osuus haastatteluista (%)")],
        rows=[
            [finding.theme.name, finding.interviews, _share(finding.interviews, found.interviews)]
            for finding in found.findings
        ],
        note=_(
            "Haastattelussa voitiin mainita useita teemoja, joten luvut eivät summaudu "
            "haastattelujen määräksi."
        ),
    )


def _theme_chart(found: Findings) -> Chart:
    return Chart(
        key="themes",
        title=_("Teemat haastatteluissa"),
        svg=grouped_bars(
            [finding.theme.name for finding in found.findings],
            [Series(_("Haastatteluja"), [finding.interviews for finding in found.findings])],
            value_label=_("Haastatteluja, joissa teema mainittiin"),
            hidden_label=_("piilotettu"),
        ),
        table_key="themes",
        description=_(
            "Pylväskaavio: kuinka monessa haastattelussa kukin teema mainittiin. Pienet "
            "määrät on piilotettu. Luvut ovat kaavion alla olevassa taulukossa."
        ),
    )


def _share(count: int | None, total: int | None) -> float | None:
    """A hidden count (or total) keeps its share hidden: the share would give it away."""
    if count is None or not total:
        return None
    return round(100 * count / total, 1)


# --- Lessons ----------------------------------------------------------------------------------


def build_lessons(scope: ReportScope, section: Section) -> None:
    """Lessons learned under their categories, in the categories' order."""
    if _project_wide(
        scope, section, _("Opit ovat koko hankkeen, ja ne ovat hankkeen loppuraportissa.")
    ):
        return
    section.empty_message = _("Hankkeelle ei ole kirjattu opittuja asioita.")
    groups = interview_selectors.lessons_by_category(scope.project)
    if not groups:
        return
    section.figures.append(
        Figure(
            "lessons",
            _("Opittuja asioita"),
            sum(len(lessons) for _label, lessons in groups),
            source_url=scope.staff_url("toolkit:knowledge_staff", scope.project.slug),
        )
    )
    section.lists += [
        ItemList(lessons[0].category, label, [lesson.text for lesson in lessons])
        for label, lessons in groups
    ]


# --- Vision -----------------------------------------------------------------------------------


def build_vision(scope: ReportScope, section: Section) -> None:
    """The vision workshop's words with how often each was said.

    The word cloud picture of the vision page is not included: it is a PNG, and a report
    chart is SVG. The table carries the same words and counts.
    """
    if _project_wide(
        scope, section, _("Visio on koko hankkeen, ja se on hankkeen loppuraportissa.")
    ):
        return
    section.empty_message = _("Hankkeelle ei ole kirjattu visiosanoja.")
    words = list(interview_selectors.vision_words(scope.project))
    if not words:
        return
    section.figures.append(
        Figure(
            "words",
            _("Visiosanoja"),
            len(words),
            source_url=scope.staff_url("toolkit:knowledge_staff", scope.project.slug),
        )
    )
    section.tables.append(_words_table(words))


def _words_table(words: list[VisionWord]) -> Table:
    """The words and their counts; the columns themselves say which counts are estimates
    (a note alone would not reach the JSON or the workbook)."""
    estimated = [word.frequency_is_estimate for word in words]
    columns = [_("Sana"), _("Mainintoja")]
    rows: list[list[Value]] = [[word.word, word.frequency] for word in words]
    note = ""
    if all(estimated):
        columns[1] = _("Mainintoja (arvio)")
        note = _("Mainintojen määrät ovat arvioita: niitä ei laskettu työpajassa.")
    elif any(estimated):
        columns.append(_("Määrä on arvio"))
        rows = [
            [*row, _("kyllä") if guess else ""] for row, guess in zip(rows, estimated, strict=True)
        ]
        note = _("Osa mainintojen määristä on arvioita: niitä ei laskettu työpajassa.")
    return Table(
        key="words",
        title=_("Visiotyöpajan sanat ja niiden maininnat"),
        columns=columns,
        rows=rows,
        note=note,
    )
