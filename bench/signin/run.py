"""Staff sign-in time: a password sign-in from the form post to the answer, against /healthz in the same run.

    uv run python bench/signin/run.py [--sign-ins 40] [--source DIR] [--label NAME]

It starts `loket serve` of the checkout at DIR (default: this one) on its embedded defaults (SQLite) in a
folder of its own, makes a superuser with a known password through `loket manage shell`, then signs in
`--sign-ins` times one after another, each time as a new browser: a GET of the sign-in page for its CSRF token,
then the timed POST of the username and password, up to the redirect that answers it. The sign-in page is
`/staff/login/` where it exists, else Wagtail's `/admin/login/` (the checkout before Loket had its own), so the
same script measures before and after. /healthz is timed in the same run as the floor. Run it with `--source`
pointing at a worktree of an older commit to compare: `git worktree add /tmp/before <commit>`.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.services import free_port, wait_for_port  # noqa: E402

PASSWORD = "bench-wachtwoord-van-lengte"
MAKE_USER = (
    "from django.contrib.auth import get_user_model; "
    f"get_user_model().objects.create_superuser('bench', 'bench@example.org', '{PASSWORD}')"
)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def sign_in(base: str, path: str, fields: dict[str, str]) -> float:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect)
    page = opener.open(f"{base}{path}").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    request = urllib.request.Request(f"{base}{path}", data=data, headers={"Referer": f"{base}{path}"})  # noqa: S310
    started = time.perf_counter()
    try:
        opener.open(request)
        raise AssertionError("the sign-in did not redirect: wrong password or a changed form")
    except urllib.error.HTTPError as answer:
        assert answer.code == 302, answer.code
    return time.perf_counter() - started


def healthz(base: str) -> float:
    started = time.perf_counter()
    urllib.request.urlopen(f"{base}/healthz").read()  # noqa: S310 - our own server
    return time.perf_counter() - started


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sign-ins", type=int, default=40)
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout whose `loket serve` is measured")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
        env["LOKET_VAR_DIR"] = str(Path(folder) / "var")
        loket = ["uv", "run", "--frozen", "--project", str(args.source), "loket"]
        subprocess.run([*loket, "manage", "migrate", "-v0"], env=env, cwd=folder, check=True)
        subprocess.run([*loket, "manage", "shell", "-c", MAKE_USER], env=env, cwd=folder, check=True)
        port = free_port()
        server = subprocess.Popen(
            [*loket, "serve", "--port", str(port)], env=env, cwd=folder, stdout=subprocess.DEVNULL
        )
        try:
            wait_for_port(port, timeout=120)
            base = f"http://127.0.0.1:{port}"
            try:
                urllib.request.urlopen(f"{base}/staff/login/")  # noqa: S310
                path, fields = "/staff/login/", {"login": "bench", "password": PASSWORD}
            except urllib.error.HTTPError:
                path, fields = "/admin/login/", {"username": "bench", "password": PASSWORD}
            sign_in(base, path, fields)  # warm up
            times = [sign_in(base, path, fields) for _ in range(args.sign_ins)]
            floor = [healthz(base) for _ in range(args.sign_ins)]
        finally:
            server.terminate()
            server.wait(20)
    print(f"{args.label or args.source}: {path}, {args.sign_ins} password sign-ins one after another")
    print(f"  sign-in POST   {percentiles(times)}")
    print(f"  /healthz       {percentiles(floor)}")


if __name__ == "__main__":
    main()
