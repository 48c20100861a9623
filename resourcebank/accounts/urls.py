from django.urls import path

from resourcebank.accounts import views

app_name = "accounts"

urlpatterns = [
    path("logg-inn/", views.MemberLoginView.as_view(), name="login"),
    path("logg-ut/", views.MemberLogoutView.as_view(), name="logout"),
    path("min-side/", views.AccountView.as_view(), name="account"),
    path(
        "min-side/avmelding/<str:token>/",
        views.pack_unsubscribe,
        name="pack_unsubscribe",
    ),
    path(
        "logg-inn/glemt-passord/",
        views.MemberPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "logg-inn/glemt-passord/sendt/",
        views.MemberPasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "logg-inn/glemt-passord/<uidb64>/<token>/",
        views.MemberPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "logg-inn/glemt-passord/ferdig/",
        views.MemberPasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
