"""Typing for views behind login_required: request.user is a signed-in CCHC user."""

from django.http import HttpRequest

from cchc.org.models import User


class AuthedRequest(HttpRequest):
    user: User
