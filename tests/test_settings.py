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
    assert lines[2] == "django.core.cache.backends.redis.RedisCache django.db.backends.postgresql"


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
