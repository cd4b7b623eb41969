"""Staff pages that move answers in and out in the wide format of ``transfer.py``.

For the survey's managers only (project admins, the coordinator of its municipality): paper
forms typed into a spreadsheet come in here, and the anonymised answers go out for analysis
elsewhere. Both are recorded in the audit log (counts only).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yhdessa.core.audit import log_action
from yhdessa.core.forms import SpreadsheetFileField
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.core.spreadsheets import DOWNLOAD_TYPES
from yhdessa.surveys import selectors, transfer

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class AnswerFileForm(forms.Form):
    file = SpreadsheetFileField(
        label=gettext_lazy("Vastaustiedosto"),
        help_text=gettext_lazy("CSV- tai XLSX-tiedosto, enintään 5 Mt."),
        max_bytes=MAX_UPLOAD_BYTES,
    )


@login_required
def survey_answers(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_to_manage(request.user, pk)
    posted = request.method == "POST"
    form = AnswerFileForm(request.POST, request.FILES) if posted else AnswerFileForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = transfer.import_file(survey, upload.name, upload.read())
        except transfer.ImportRefused as refused:
            for message in refused.messages:
                form.add_error("file", message)
        else:
            log_action(
                actor=request.user,
                action="surveys.answers.imported",
                target=survey,
                data={"responses": result.responses, "per_wave": result.per_wave},
            )
            messages.success(
                request,
                _("Tuotiin %(count)s vastausta.") % {"count": result.responses},
            )
            return redirect("surveys:answers", pk=survey.pk)
    context = {
        "survey": survey,
        "waves": list(survey.waves.order_by("position", "pk")),
        "form": form,
        "columns": [
            column.name for column in transfer.survey_columns(list(selectors.survey_items(survey)))
        ],
    }
    return render(request, "surveys/answers.html", context, status=400 if form.errors else 200)


@login_required
def survey_answers_export(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    survey = selectors.survey_to_manage(request.user, pk)
    wave = None
    if wave_key := request.GET.get("wave"):
        wave = get_object_or_404(survey.waves, key=wave_key)
    header, rows = transfer.export_rows(survey, wave)
    content = (
        transfer.write_csv(header, rows) if fmt == "csv" else transfer.write_xlsx(header, rows)
    )
    log_action(
        actor=request.user,
        action="surveys.answers.exported",
        target=survey,
        data={"format": fmt, "wave": wave.key if wave else None, "rows": len(rows)},
    )
    stem = slugify(f"{survey.title} {wave.key if wave else ''} {_('vastaukset')}")[:80]
    return HttpResponse(
        content,
        content_type=DOWNLOAD_TYPES[fmt],
        headers={
            "Content-Disposition": content_disposition_header(
                as_attachment=True, filename=f"{stem.strip('-')}.{fmt}"
            )
        },
    )
