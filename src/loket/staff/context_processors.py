"""What every staff page's header and footer need, computed only when a page shows them."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from loket.staff import queries


def staff(request: HttpRequest) -> dict[str, object]:
    def details() -> dict[str, object]:
        user = request.user
        return {
            "places": queries.places(user) if user.is_authenticated else [],
            "idle_seconds": settings.LOKET_STAFF_SESSION_IDLE,
            "idle_hours": f"{settings.LOKET_STAFF_SESSION_IDLE / 3600:g}",
        }

    return {"staff": SimpleLazyObject(details), "TIME_ZONE": settings.TIME_ZONE}
