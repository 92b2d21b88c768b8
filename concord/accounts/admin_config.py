from django.contrib.admin.apps import AdminConfig


class ConcordAdminConfig(AdminConfig):
    """The admin, with a site that only Secretariat administrators may enter."""

    default_site = "concord.accounts.admin_site.ConcordAdminSite"
