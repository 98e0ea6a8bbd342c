"""What every contest page starts from: the scoped fetches and the one form page's context."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from ...models import Contest, ContestEntry, ContestRound

FORM = "recognition/contest/form.html"  # every contest form (contest, entry, round, prize) shares one page


def contest_or_404(request, pk) -> Contest:
    return get_object_or_404(Contest.objects.visible_to(request.user).select_related("owner"), pk=pk)


def entry_or_404(contest: Contest, entry_pk) -> ContestEntry:
    return get_object_or_404(contest.entries.select_related("submitted_by", "contest__owner"), pk=entry_pk)


def round_or_404(contest: Contest, round_pk) -> ContestRound:
    return get_object_or_404(contest.rounds.select_related("contest__owner"), pk=round_pk)


def saved(request, message: str, target):
    """on_success of the contest's form pages: say so and go back to `target` (the contest, or a list)."""

    def done(_result):
        messages.success(request, message)
        return redirect(target)

    return done


def back_to_contest(contest: Contest, heading: str, **extra) -> dict:
    return {"heading": heading, "back": contest.get_absolute_url(), "contest": contest, **extra}
