"""The container files as far as they can be checked without a container runtime: compose.yaml,
the Dockerfile and the proxy's Caddyfile agree with each other and with the code."""

import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
CADDYFILE = (ROOT / "deploy/Caddyfile").read_text()
APP_SERVICES = ["web1", "web2", "worker", "migrate"]
WEB_SERVICES = ["web1", "web2"]


def dockerfile_instructions(name: str) -> list[str]:
    """The arguments of each NAME instruction, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(f"{name} ")]


def test_every_yhdessa_service_runs_the_same_image_with_the_same_environment():
    images = {SERVICES[name]["image"] for name in APP_SERVICES}
    environments = [SERVICES[name]["environment"] for name in APP_SERVICES]
    assert len(images) == 1
    assert all(environment == environments[0] for environment in environments)
    assert [name for name, service in SERVICES.items() if "build" in service] == ["migrate"]


def test_production_environment():
    environment = SERVICES["web1"]["environment"]
    assert environment["DEBUG"] == "0"
    assert environment["YHDESSA_BEHIND_PROXY"] == "1"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"] == "redis://redis:6379/0"
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "YHDESSA_SITE_URL", "CSRF_TRUSTED_ORIGINS"):
        assert environment[name].startswith(f"${{{name}:?"), f"{name} must be required from .env"


def secret_values():
    for service_name, service in SERVICES.items():
        for key, value in (service.get("environment") or {}).items():
            if re.search(r"SECRET|PASSWORD|_KEY", key) or "://" in str(value):
                yield service_name, key, str(value)


@pytest.mark.parametrize(("service", "key", "value"), list(secret_values()))
def test_secrets_come_from_the_environment_not_from_the_file(service, key, value):
    if "://" in value:  # a URL may name a user, never a password
        password = re.match(r"^\w+://[^:/@]+:([^@]*)@", value)
        assert password is None or password.group(1).startswith("${"), value
    else:
        assert re.fullmatch(r"\$\{[A-Z0-9_]+(:?[-?][^}]*)?\}", value), f"{service}: {key}"


def test_proxy_balances_both_web_servers_and_passes_the_request_headers():
    upstreams = re.search(r"reverse_proxy\s+([^{]+)\{", CADDYFILE).group(1).split()
    assert sorted(upstreams) == [f"{name}:8000" for name in WEB_SERVICES]
    assert re.search(r"header_up X-Forwarded-Proto \{scheme\}", CADDYFILE)
    assert re.search(r"header_up X-Request-ID \{http.request.uuid\}", CADDYFILE)
    assert "health_uri /healthz" in CADDYFILE
    proxy = SERVICES["proxy"]
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert set(proxy["depends_on"]) == set(WEB_SERVICES)


def test_web_servers_listen_where_the_proxy_and_the_health_check_look():
    command = shlex.split(re.sub(r"[\[\],]", " ", dockerfile_instructions("CMD")[0]))
    assert command[:2] == ["gunicorn", "yhdessa.wsgi"]
    assert command[command.index("--bind") + 1] == "0.0.0.0:8000"
    for name in WEB_SERVICES:
        assert "command" not in SERVICES[name]  # the image's gunicorn
        assert "127.0.0.1:8000/healthz" in " ".join(SERVICES[name]["healthcheck"]["test"])


def test_every_long_running_service_has_a_health_check():
    for name, service in SERVICES.items():
        if service.get("restart") == "no":  # the one-off migrate job
            continue
        check = service.get("healthcheck", {})
        assert check.get("test") and not check.get("disable"), name


def test_app_services_start_after_the_schema_is_migrated():
    for name in ("web1", "web2", "worker"):
        depends = SERVICES[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["db"]["condition"] == "service_healthy"
    assert SERVICES["migrate"]["command"] == ["yhdessa", "migrate", "--no-input"]


def test_the_commands_named_exist():
    commands = get_commands()
    named = [
        SERVICES["worker"]["command"],
        SERVICES["migrate"]["command"],
        SERVICES["worker"]["healthcheck"]["test"][1:],
    ]
    for command in named:
        assert command[0] == "yhdessa"
        assert command[1] in commands, command
    assert "yhdessa collectstatic" in DOCKERFILE


def test_dockerfile_runs_as_a_user_with_a_health_check():
    users = dockerfile_instructions("USER")
    assert users and users[-1].strip() not in {"root", "0"}
    (check,) = dockerfile_instructions("HEALTHCHECK")
    assert "/healthz" in check


def test_dockerfile_installs_the_pinned_dependencies_and_the_system_libraries():
    runs = " ".join(dockerfile_instructions("RUN"))
    assert 'pip install -c requirements/constraints.txt ".[redis,s3]"' in runs
    for package in ("postgresql-client", "libpango-1.0-0", "libpangoft2-1.0-0"):
        assert package in runs
    for copy in dockerfile_instructions("COPY"):
        for source in copy.split()[:-1]:
            assert (ROOT / source).exists(), source


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var", ".env"} <= set(ignored)


def test_every_variable_given_to_the_app_is_documented():
    documented = (ROOT / "README.md").read_text() + (ROOT / "docs/deploy.md").read_text()
    for name in SERVICES["web1"]["environment"]:
        assert f"`{name}`" in documented, name
