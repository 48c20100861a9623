from django.urls import path

from resourcebank.accounts import views

app_name = "accounts"

urlpatterns = [
    path("logg-inn/", views.MemberLoginView.as_view(), name="login"),
    path("logg-ut/", views.MemberLogoutView.as_view(), name="logout"),
]
