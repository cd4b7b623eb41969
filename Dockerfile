# Yhdessä: one image for the web servers, the task worker and one-off commands (compose.yaml).
FROM python:3.12-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    YHDESSA_VAR_DIR=/var/lib/yhdessa \
    LOG_FORMAT=json

# WeasyPrint's libraries (Pango, HarfBuzz) and fonts for the PDF reports; PostgreSQL's client
# tools for `yhdessa backup` and `yhdessa restore` (pg_dump and pg_restore).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
        postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home yhdessa

WORKDIR /app
# The pinned versions first, so that a change of code does not reinstall every dependency.
COPY requirements/constraints.txt requirements/constraints.txt
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install -c requirements/constraints.txt ".[redis,s3]"

# Static files are built into the image (whitenoise serves them); only uploaded files
# (/var/lib/yhdessa/media, or object storage) live outside it.
RUN DEBUG=0 SECRET_KEY=only-for-collectstatic DATABASE_URL=sqlite:///:memory: \
        yhdessa collectstatic --no-input --verbosity 0 \
    && mkdir -p /var/lib/yhdessa/media \
    && chown -R yhdessa:yhdessa /var/lib/yhdessa

USER yhdessa
EXPOSE 8000

# /healthz answers before the host name check, so the container may ask itself by address.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["gunicorn", "yhdessa.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--forwarded-allow-ips", "*", "--timeout", "120"]
