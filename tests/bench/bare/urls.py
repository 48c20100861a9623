from django.shortcuts import render
from django.urls import path

ITEMS = [
    {"title": f"Ressurs nummer {number}", "summary": "Et kort sammendrag av ressursen."}
    for number in range(1, 31)
]


def bare_page(request):
    return render(request, "bare.html", {"items": ITEMS})


urlpatterns = [path("", bare_page)]
