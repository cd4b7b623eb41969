"""The service's own identity: its name, brand, contact details and legal pages.

One ``SiteProfile`` row (pk 1) and one ``LegalPage`` row per page. Neither has to exist: a
fresh installation shows the default texts of ``defaults.py`` until an administrator saves
their own (selectors.py builds the unsaved defaults).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yhdessa.siteinfo.images import branding_upload_to

#: The colours of site.css today; brand.css overrides them only when an administrator
#: chose others.
DEFAULT_PRIMARY = "#005a78"
DEFAULT_HEADER = "#f3f6f8"


class SiteProfile(models.Model):
    name = models.CharField(_("palvelun nimi"), max_length=80, default="Yhdessä")
    logo = models.ImageField(_("logo"), upload_to=branding_upload_to, blank=True)
    logo_alt = models.CharField(
        _("logon tekstivastine"),
        max_length=200,
        blank=True,
        help_text=_("Mitä logossa lukee tai näkyy, esimerkiksi ”Esimerkkikunnan logo”."),
    )
    front_image = models.ImageField(_("etusivun kuva"), upload_to=branding_upload_to, blank=True)
    front_image_alt = models.CharField(
        _("etusivun kuvan tekstivastine"),
        max_length=300,
        blank=True,
        help_text=_("Kerro lyhyesti, mitä kuvassa on."),
    )
    primary_colour = models.CharField(
        _("pääväri"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        help_text=_("Linkit ja painikkeet. Muoto #rrggbb."),
    )
    header_colour = models.CharField(
        _("ylä- ja alapalkin taustaväri"),
        max_length=7,
        default=DEFAULT_HEADER,
        help_text=_("Vaalea väri, jonka päällä teksti ja linkit näkyvät. Muoto #rrggbb."),
    )
    controller = models.TextField(
        _("rekisterinpitäjä ja sen yhteystiedot"),
        help_text=_("Organisaation nimi, postiosoite, sähköposti ja puhelinnumero."),
    )
    data_protection_officer = models.TextField(
        _("tietosuojavastaavan yhteystiedot"),
    )
    privacy_authority = models.TextField(
        _("tietosuojan valvontaviranomainen"),
        help_text=_("Viranomainen, jolle rekisteröity voi tehdä valituksen."),
    )
    accessibility_feedback = models.TextField(
        _("saavutettavuuspalautteen kanava"),
        help_text=_("Mihin käyttäjä voi ilmoittaa saavutettavuuspuutteesta."),
    )
    accessibility_authority = models.TextField(
        _("saavutettavuuden valvontaviranomainen"),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("palvelun tiedot")
        verbose_name_plural = _("palvelun tiedot")

    def __str__(self) -> str:
        return self.name


class PageKey(models.TextChoices):
    """The legal pages; the value is also the page's address (``/tietosuoja/<value>/``)."""

    REGISTRATIONS = "ilmoittautumiset", _("Tietosuojaseloste: ilmoittautumiset tapahtumiin")
    SURVEYS = "kyselyt", _("Tietosuojaseloste: kyselyt")
    INTERVIEWS = "haastattelut", _("Tietosuojaseloste: haastattelut")
    ACCESSIBILITY = "saavutettavuus", _("Saavutettavuusseloste")
    CONTACT = "yhteystiedot", _("Yhteystiedot")


PRIVACY_KEYS = (PageKey.REGISTRATIONS, PageKey.SURVEYS, PageKey.INTERVIEWS)


class LegalPage(models.Model):
    """A privacy notice, the accessibility statement or the contact page, in three languages.

    The body is plain text: a blank line starts a paragraph, ``## `` a heading and ``- `` a
    list item (text.py), so an administrator needs no HTML and cannot break the page.
    """

    Key = PageKey

    key = models.CharField(_("sivu"), max_length=20, choices=PageKey.choices, unique=True)
    title = models.CharField(_("otsikko"), max_length=200)
    body = models.TextField(
        _("teksti"),
        help_text=_(
            "Tyhjä rivi aloittaa uuden kappaleen. Rivi, joka alkaa merkeillä ## , on "
            "väliotsikko, ja rivi, joka alkaa viivalla ja välilyönnillä (- ), on luettelon kohta."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("seloste tai tietosivu")
        verbose_name_plural = _("selosteet ja tietosivut")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title
