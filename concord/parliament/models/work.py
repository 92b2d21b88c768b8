"""The Assembly's work: sessions with their agendas, model laws and recommendations with their
national follow-up, the programme of approximation of legislation, cooperation with the Secretariat,
and the reports on ratification."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, in_language

from ..states import ActKind, ActStatus, Closeness, RequestStatus
from .structure import AssemblyBody, Member, Sourced


class Session(Sourced):
    """A plenary of the Assembly or a meeting of its Council or a commission."""

    body = models.ForeignKey(AssemblyBody, on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    held_on = models.DateField(_("held on"))
    place_ru = models.CharField(_("place (Russian)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.body} {self.held_on:%d.%m.%Y}"

    @property
    def place(self) -> str:
        return in_language(self.place_ru, self.place_en)

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)


class AgendaItem(Sourced):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"))
    title_ru = models.CharField(_("item (Russian)"), max_length=500)
    title_en = models.CharField(_("item (English)"), max_length=500, blank=True)
    outcome_ru = models.TextField(_("outcome (Russian)"), blank=True)
    outcome_en = models.TextField(_("outcome (English)"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position"]

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def outcome(self) -> str:
        return in_language(self.outcome_ru, self.outcome_en)


class ModelAct(EditCounted, Sourced):
    """A model law or recommendation: its text is a document of the documents module (drafted clause
    by clause, amended by delegations); the competent commission examines it, the Assembly adopts it."""

    kind = models.CharField(_("kind"), max_length=16, choices=ActKind.choices)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    document = models.OneToOneField(
        "documents.Document", verbose_name=_("text"), on_delete=models.PROTECT, related_name="+"
    )
    commission = models.ForeignKey(
        AssemblyBody,
        verbose_name=_("competent commission"),
        on_delete=models.PROTECT,
        related_name="acts",
    )
    # False where the sources do not say which commission examined the act: the one recorded is
    # the commission whose field it falls in, and the pages say it is assumed.
    commission_stated = models.BooleanField(_("commission stated in the sources"), default=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActStatus.choices, default=ActStatus.DRAFT
    )
    examined_on = models.DateField(_("examined on"), null=True, blank=True)
    examined_at = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.PROTECT, related_name="examined"
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_at = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.PROTECT, related_name="adopted"
    )

    class Meta:
        verbose_name = _("model law or recommendation")
        verbose_name_plural = _("model laws and recommendations")
        ordering = ["-adopted_on", "title_ru"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)


class Harmonisation(Sourced):
    """A member state's national law following a model act: which law, when, how closely."""

    act = models.ForeignKey(ModelAct, on_delete=models.PROTECT, related_name="harmonisations")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    law_ru = models.CharField(_("national law (Russian)"), max_length=500)
    law_en = models.CharField(_("national law (English)"), max_length=500, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=300, blank=True)
    closeness = models.CharField(
        _("how closely"), max_length=12, choices=Closeness.choices, blank=True
    )

    class Meta:
        verbose_name = _("national law following a model act")
        verbose_name_plural = _("harmonisation records")
        ordering = ["act", "state__name_ru", "adopted_on"]

    @property
    def law(self) -> str:
        return in_language(self.law_ru, self.law_en)


class ApproximationProgramme(BilingualName, Sourced):
    """The programme of approximation of the member states' legislation over several years."""

    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    planned = models.PositiveSmallIntegerField(_("items planned"), null=True, blank=True)
    published_total = models.PositiveSmallIntegerField(
        _("acts adopted, as published"), null=True, blank=True
    )
    published_note_ru = models.TextField(_("published figures (Russian)"), blank=True)
    published_note_en = models.TextField(_("published figures (English)"), blank=True)

    class Meta:
        verbose_name = _("programme of approximation of legislation")
        verbose_name_plural = _("programmes of approximation of legislation")
        ordering = ["-first_year"]

    @property
    def published_note(self) -> str:
        return in_language(self.published_note_ru, self.published_note_en)


class ProgrammeItem(Sourced):
    programme = models.ForeignKey(
        ApproximationProgramme, on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    title_ru = models.CharField(_("item (Russian)"), max_length=500)
    title_en = models.CharField(_("item (English)"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    act = models.ForeignKey(
        ModelAct, null=True, blank=True, on_delete=models.PROTECT, related_name="items"
    )

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["programme", "position"]

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)


class JointPlan(Sourced):
    """A plan of joint work of the Assembly and the Secretariat for a year."""

    year = models.PositiveSmallIntegerField(_("year"))
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    items_ru = models.TextField(_("items (Russian), one a line"), blank=True)
    items_en = models.TextField(_("items (English), one a line"), blank=True)

    class Meta:
        verbose_name = _("joint plan")
        verbose_name_plural = _("joint plans")
        ordering = ["-year"]

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def lines(self) -> list[str]:
        return [x for x in in_language(self.items_ru, self.items_en).splitlines() if x.strip()]


class InformationRequest(EditCounted):
    """A member of parliament's request for information to the Secretariat, and its answer. The
    texts are kept as written, in the language the writer chose."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="requests")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    question = models.TextField(_("question"))
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request for information")
        verbose_name_plural = _("requests for information")
        ordering = ["-asked_at", "-pk"]


class RatificationReport(models.Model):
    """The Assembly's periodic report to the councils on ratification: a draft in the documents
    module written from the depositary's record as of a date."""

    as_of = models.DateField(_("as of"))
    document = models.OneToOneField(
        "documents.Document", on_delete=models.PROTECT, related_name="+"
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("report on ratification")
        verbose_name_plural = _("reports on ratification")
        ordering = ["-as_of", "-pk"]

    def __str__(self) -> str:
        return f"{self.as_of:%d.%m.%Y}"
