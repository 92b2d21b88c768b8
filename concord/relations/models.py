"""Partner organizations and their instruments, observer and partner status, working groups and
meetings, General Assembly resolutions, and the secret addresses of personal calendar feeds.

The instruments signed with partners are agreements of the agreements module, linked here, never
copied. Minutes of a meeting are a document of the documents module."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, MarkedModel, in_language

from .states import (
    ApplicationStatus,
    Half,
    ItemStatus,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    PartnerKind,
    StatusKind,
    VoteKind,
)


class Partner(BilingualName):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    short_ru = models.CharField(_("abbreviation (Russian)"), max_length=40, blank=True)
    short_en = models.CharField(_("abbreviation (English)"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PartnerKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
    )
    website = models.URLField(_("website"), blank=True)
    contacts_ru = models.TextField(_("contacts (Russian)"), blank=True)
    contacts_en = models.TextField(_("contacts (English)"), blank=True)
    instruments = models.ManyToManyField(
        "agreements.Agreement",
        verbose_name=_("agreements and memoranda"),
        blank=True,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        ordering = ["position", "code"]

    @property
    def short(self) -> str:
        return in_language(self.short_ru, self.short_en) or self.name

    @property
    def contacts(self) -> str:
        return in_language(self.contacts_ru, self.contacts_en)


class StatusApplication(EditCounted):
    """An application for observer or partner status under the organization's regulations, and the
    decision on it. The applicant is a partner organization or a state, named as the record has it."""

    partner = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    applicant_ru = models.CharField(_("applicant (Russian)"), max_length=200)
    applicant_en = models.CharField(_("applicant (English)"), max_length=200, blank=True)
    kind = models.CharField(_("status applied for"), max_length=12, choices=StatusKind.choices)
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_ru = models.CharField(_("decision (Russian)"), max_length=300, blank=True)
    decision_en = models.CharField(_("decision (English)"), max_length=300, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("status application")
        verbose_name_plural = _("status applications")
        ordering = ["-applied_on", "pk"]

    @property
    def applicant(self) -> str:
        return in_language(self.applicant_ru, self.applicant_en)

    @property
    def decision(self) -> str:
        return in_language(self.decision_ru, self.decision_en)


class WorkingGroup(models.Model):
    """A working group is a body of the organization (organization.Body); here its mandate, its
    creation and its members per state."""

    body = models.OneToOneField(
        "organization.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    mandate_ru = models.TextField(_("mandate (Russian)"), blank=True)
    mandate_en = models.TextField(_("mandate (English)"), blank=True)
    created_on = models.DateField(_("created on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["body__position"]

    def __str__(self) -> str:
        return self.body.name

    @property
    def mandate(self) -> str:
        return in_language(self.mandate_ru, self.mandate_en)


class GroupMember(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("state"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    person_ru = models.CharField(_("member (Russian)"), max_length=200, blank=True)
    person_en = models.CharField(_("member (English)"), max_length=200, blank=True)
    role_ru = models.CharField(_("post (Russian)"), max_length=200, blank=True)
    role_en = models.CharField(_("post (English)"), max_length=200, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("working group member")
        ordering = ["state__name_ru", "pk"]

    def __str__(self) -> str:
        return f"{self.group}: {self.state}"

    @property
    def person(self) -> str:
        return in_language(self.person_ru, self.person_en)

    @property
    def role(self) -> str:
        return in_language(self.role_ru, self.role_en)


class Meeting(MarkedModel, EditCounted):
    """A meeting with partners or of a working group. What the sources do not give stays empty and
    pages say "not stated"."""

    kind = models.CharField(_("kind"), max_length=16, choices=MeetingKind.choices)
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), blank=True, related_name="meetings"
    )
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    date_approximate = models.BooleanField(_("date approximate"), default=False)
    place_ru = models.CharField(_("place (Russian)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    format = models.CharField(
        _("format"), max_length=12, choices=MeetingFormat.choices, default=MeetingFormat.UNKNOWN
    )
    chair_ru = models.CharField(_("chair (Russian)"), max_length=200, blank=True)
    chair_en = models.CharField(_("chair (English)"), max_length=200, blank=True)
    participants_ru = models.TextField(_("participants (Russian)"), blank=True)
    participants_en = models.TextField(_("participants (English)"), blank=True)
    guests_ru = models.TextField(_("guests (Russian)"), blank=True)
    guests_en = models.TextField(_("guests (English)"), blank=True)
    agenda_ru = models.TextField(_("agenda (Russian)"), blank=True)
    agenda_en = models.TextField(_("agenda (English)"), blank=True)
    decisions_ru = models.TextField(_("decisions (Russian)"), blank=True)
    decisions_en = models.TextField(_("decisions (English)"), blank=True)
    minutes = models.ForeignKey(
        "documents.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta(MarkedModel.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]
        constraints = [
            *MarkedModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["group", "number"],
                condition=Q(number__isnull=False),
                name="relations_meeting_number_once",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="relations_meeting_dates"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def place(self) -> str:
        return in_language(self.place_ru, self.place_en)

    @property
    def chair(self) -> str:
        return in_language(self.chair_ru, self.chair_en)

    @property
    def participants(self) -> str:
        return in_language(self.participants_ru, self.participants_en)

    @property
    def guests(self) -> str:
        return in_language(self.guests_ru, self.guests_en)

    @property
    def agenda(self) -> str:
        return in_language(self.agenda_ru, self.agenda_en)

    @property
    def decisions(self) -> str:
        return in_language(self.decisions_ru, self.decisions_en)


class FollowUp(models.Model):
    """A task a meeting set: who does what by when, and when it was done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    text_ru = models.TextField(_("task (Russian)"))
    text_en = models.TextField(_("task (English)"), blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    task = models.ForeignKey(
        "programmes.ActionTask",
        verbose_name=_("action-plan task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return in_language(self.text_ru, self.text_en)


class WorkPlan(EditCounted):
    """A working group's plan for a half-year."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="work_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half-year"), choices=Half.choices)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("work plan")
        ordering = ["-year", "-half"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year", "half"], name="relations_work_plan_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}/{self.half}"


class WorkPlanItem(EditCounted):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="items")
    text_ru = models.TextField(_("item (Russian)"))
    text_en = models.TextField(_("item (English)"), blank=True)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.PLANNED
    )
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("work plan item")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return in_language(self.text_ru, self.text_en)


class GroupReport(models.Model):
    """A group's report to its council for a period: a document of the documents module."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="reports")
    council = models.ForeignKey(
        "organization.Body",
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period_from = models.DateField(_("period from"))
    period_to = models.DateField(_("period to"))
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report to the council")
        ordering = ["-period_to", "-pk"]

    def __str__(self) -> str:
        return f"{self.group}: {self.period_from}–{self.period_to}"


class AssemblySession(models.Model):
    """A session of the UN General Assembly and the membership of the UN during it, which bounds a
    vote's counts."""

    number = models.PositiveSmallIntegerField(_("session"), unique=True)
    opened_on = models.DateField(_("opened on"))
    membership = models.PositiveSmallIntegerField(_("UN member states"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("General Assembly session")
        ordering = ["number"]

    def __str__(self) -> str:
        return str(self.number)


class Resolution(EditCounted):
    session = models.ForeignKey(
        AssemblySession, on_delete=models.PROTECT, related_name="resolutions"
    )
    number = models.CharField(_("number"), max_length=20, blank=True)  # "59/50"; blank: not found
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    date_note_ru = models.CharField(_("date as known (Russian)"), max_length=100, blank=True)
    date_note_en = models.CharField(_("date as known (English)"), max_length=100, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    vote = models.CharField(_("adopted by"), max_length=12, choices=VoteKind.choices)
    in_favour = models.PositiveSmallIntegerField(_("in favour"), null=True, blank=True)
    against = models.PositiveSmallIntegerField(_("against"), null=True, blank=True)
    abstaining = models.PositiveSmallIntegerField(_("abstaining"), null=True, blank=True)
    absent = models.PositiveSmallIntegerField(_("absent"), null=True, blank=True)
    against_names_ru = models.TextField(_("voting against (Russian)"), blank=True)
    against_names_en = models.TextField(_("voting against (English)"), blank=True)
    sponsors_ru = models.TextField(_("sponsors (Russian)"), blank=True)
    sponsors_en = models.TextField(_("sponsors (English)"), blank=True)
    follow_up_ru = models.TextField(_("Secretariat's follow-up (Russian)"), blank=True)
    follow_up_en = models.TextField(_("Secretariat's follow-up (English)"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("General Assembly resolution")
        verbose_name_plural = _("General Assembly resolutions")
        ordering = ["session__number", "adopted_on", "pk"]

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def date_note(self) -> str:
        return in_language(self.date_note_ru, self.date_note_en)

    @property
    def against_names(self) -> str:
        return in_language(self.against_names_ru, self.against_names_en)

    @property
    def sponsors(self) -> str:
        return in_language(self.sponsors_ru, self.sponsors_en)

    @property
    def follow_up(self) -> str:
        return in_language(self.follow_up_ru, self.follow_up_en)


class CalendarFeed(models.Model):
    """A personal calendar address: only the SHA-256 of its secret is kept; revoked, it answers 404."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"calendar address {self.pk}"
