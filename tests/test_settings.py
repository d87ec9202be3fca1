from tests.services import run_python

READ_SETTINGS = """
import django; django.setup()
from django.conf import settings
print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS, settings.DEBUG)
print(settings.EMAIL_BACKEND, getattr(settings, "EMAIL_HOST", ""), getattr(settings, "EMAIL_PORT", ""))
print(settings.CACHES["default"]["BACKEND"], settings.DATABASES["default"]["ENGINE"])
"""

SECRET = "a-production-secret-that-is-long-enough-0123456789"


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_python(READ_SETTINGS, {"LOKET_ENV": "production", "ALLOWED_HOSTS": "loket.example"}, tmp_path)
    assert result.returncode != 0
    assert "LOKET_ENV=production needs these environment variables: SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = run_python(READ_SETTINGS, {"LOKET_ENV": "production", "SECRET_KEY": SECRET}, tmp_path)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_a_short_secret(tmp_path):
    env = {"LOKET_ENV": "production", "SECRET_KEY": "short", "ALLOWED_HOSTS": "loket.example"}
    result = run_python(READ_SETTINGS, env, tmp_path)
    assert result.returncode != 0
    assert "at least 32 characters" in result.stderr


def test_production_turns_on_secure_cookies_and_hsts(tmp_path):
    env = {"LOKET_ENV": "production", "SECRET_KEY": SECRET, "ALLOWED_HOSTS": "loket.example"}
    result = run_python(READ_SETTINGS, env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "True True 31536000 False"


def test_the_embedded_default_needs_nothing_configured(tmp_path):
    result = run_python(READ_SETTINGS, {"LOKET_VAR_DIR": str(tmp_path / "var")}, tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("django.core.mail.backends.filebased.EmailBackend")
    assert lines[2] == "django.core.cache.backends.locmem.LocMemCache django.db.backends.sqlite3"
    assert (tmp_path / "var" / "secret_key").read_text()


def test_services_come_from_urls(tmp_path):
    env = {
        "DATABASE_URL": "postgres://loket@db.internal:5432/loket",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "EMAIL_URL": "smtp://mail.internal:2525",
        "LOKET_VAR_DIR": str(tmp_path),
    }
    lines = run_python(READ_SETTINGS, env, tmp_path).stdout.splitlines()
    assert lines[1] == "django.core.mail.backends.smtp.EmailBackend mail.internal 2525"
    assert lines[2] == "loket.cache.ResilientRedisCache django.db.backends.postgresql"


def test_a_mistyped_email_url_is_refused(tmp_path):
    result = run_python(READ_SETTINGS, {"EMAIL_URL": "smpt://mail:25", "LOKET_VAR_DIR": str(tmp_path)}, tmp_path)
    assert result.returncode != 0
    assert "EMAIL_URL must start with smtp://" in result.stderr


def test_rate_limits_can_be_tuned_and_a_typo_is_refused(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.LOKET_RATE_LIMITS)"
    env = {"LOKET_VAR_DIR": str(tmp_path)}
    tuned = run_python(code, {**env, "LOKET_RATE_LIMITS": "search=600/60"}, tmp_path)
    assert "'search': (600, 60)" in tuned.stdout
    typo = run_python(code, {**env, "LOKET_RATE_LIMITS": "serch=600/60"}, tmp_path)
    assert typo.returncode != 0
    assert "is not like search=120/60" in typo.stderr


STAFF_SETTINGS = """
import django; django.setup()
from django.conf import settings
print(settings.LOKET_STAFF_2FA, settings.SOCIALACCOUNT_ONLY, settings.ACCOUNT_RATE_LIMITS["login_failed"])
apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [{}])
print(sorted(apps[0].get("settings", {}).items()))
"""


def test_second_factors_are_required_in_production_and_optional_in_development(tmp_path):
    production = {"LOKET_ENV": "production", "SECRET_KEY": SECRET, "ALLOWED_HOSTS": "loket.example"}
    assert run_python(STAFF_SETTINGS, production, tmp_path).stdout.split()[0] == "required"
    development = run_python(STAFF_SETTINGS, {"LOKET_VAR_DIR": str(tmp_path)}, tmp_path).stdout.split()
    assert development[:3] == ["optional", "False", "5/900s/key"]
    typo = run_python(STAFF_SETTINGS, {"LOKET_VAR_DIR": str(tmp_path), "LOKET_STAFF_2FA": "yes"}, tmp_path)
    assert typo.returncode != 0 and "LOKET_STAFF_2FA must be required or optional" in typo.stderr


def test_single_sign_on_comes_from_the_environment_and_password_sign_in_can_be_turned_off(tmp_path):
    env = {"LOKET_VAR_DIR": str(tmp_path), "LOKET_OIDC_ISSUER": "https://login.example.org/realms/x/",
           "LOKET_OIDC_CLIENT_ID": "loket", "LOKET_OIDC_CLIENT_SECRET": "s", "LOKET_PASSWORD_LOGIN": "0",
           "LOKET_RATE_LIMITS": "signin-account=3/600"}  # fmt: skip
    lines = run_python(STAFF_SETTINGS, env, tmp_path).stdout.splitlines()
    assert lines[0] == "optional True 3/600s/key"
    assert lines[1] == "[('oauth_pkce_enabled', True), ('server_url', 'https://login.example.org/realms/x')]"
    without_issuer = run_python(STAFF_SETTINGS, {"LOKET_VAR_DIR": str(tmp_path), "LOKET_PASSWORD_LOGIN": "0"}, tmp_path)
    assert without_issuer.returncode != 0 and "needs single sign-on" in without_issuer.stderr
