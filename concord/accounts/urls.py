from django.contrib.auth import views as auth_views
from django.urls import path

from . import views, views_second_factor

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("verify/", views_second_factor.verify, name="otp-verify"),
    path("enrol/", views_second_factor.enrol, name="otp-enrol"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.password_change, name="password-change"),
    path("profile/", views.profile, name="profile"),
    path("affiliation/", views.switch_affiliation, name="affiliation-switch"),
    path("mail/", views.change_mail_settings, name="mail-settings"),
    path("tokens/", views.create_token, name="token-create"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="token-revoke"),
]
