"""The settings module as an administrator meets it: through the `yhdessa` command."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 60 + "-production-secret-for-the-check",
    "ALLOWED_HOSTS": "yhdessa.kunta.example",
    "YHDESSA_SITE_URL": "https://yhdessa.kunta.example",
}


def yhdessa(*args: str, env: dict[str, str], tmp_path) -> subprocess.CompletedProcess[str]:
    unset = {"DEBUG", "SECRET_KEY", "YHDESSA_SITE_URL"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base |= {"YHDESSA_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    return subprocess.run(
        [sys.executable, "-m", "yhdessa", *args],
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = yhdessa(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_when_https_is_switched_off(tmp_path):
    env = PRODUCTION | {"YHDESSA_HTTPS": "0"}
    result = yhdessa("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("site_url", "message"),
    [
        (None, "YHDESSA_SITE_URL is not set"),
        ("yhdessa.kunta.example", "YHDESSA_SITE_URL must be an address"),
        ("http://yhdessa.kunta.example", "YHDESSA_SITE_URL must start with https://"),
        ("https://muu.example", "not in ALLOWED_HOSTS"),
    ],
)
def test_deploy_check_fails_without_a_public_address_for_links(tmp_path, site_url, message):
    """E-mailed links are made outside requests: they need the address people reach."""
    env = {k: v for k, v in PRODUCTION.items() if k != "YHDESSA_SITE_URL"}
    if site_url is not None:
        env["YHDESSA_SITE_URL"] = site_url
    result = yhdessa("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert message in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"DEBUG": "0", "ALLOWED_HOSTS": "yhdessa.kunta.example"}
    result = yhdessa("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_local_use_generates_a_secret_key_once(tmp_path):
    yhdessa("check", env={"DEBUG": "1"}, tmp_path=tmp_path)
    key = (tmp_path / "secret_key").read_text()
    yhdessa("check", env={"DEBUG": "1"}, tmp_path=tmp_path)
    assert len(key) > 50
    assert (tmp_path / "secret_key").read_text() == key


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "sqlite").split(":")[0] not in ("sqlite", ""),
    reason="SQLite settings",
)
def test_sqlite_database_uses_wal_and_immediate_transactions(tmp_path):
    script = (
        "from django.db import connection; cursor = connection.cursor(); "
        "cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0]); "
        "print(connection.transaction_mode)"
    )
    result = yhdessa("shell", "-c", script, env={"DEBUG": "1"}, tmp_path=tmp_path)
    assert result.stdout.split()[-2:] == ["wal", "IMMEDIATE"], result.stderr


def test_small_number_threshold_must_be_positive(tmp_path):
    result = yhdessa("check", env={"DEBUG": "1", "YHDESSA_MIN_CELL_SIZE": "0"}, tmp_path=tmp_path)
    assert "YHDESSA_MIN_CELL_SIZE must be a positive whole number" in result.stderr
