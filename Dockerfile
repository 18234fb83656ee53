# The service image: `kb serve` on 0.0.0.0:8000 (API, OpenAPI at /docs, UI at /ui, Prometheus at /metrics).
# Built and run by compose.yaml (a Qdrant server, an ingest job and two replicas behind one port).
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    KB_HOME=/data KB_HOST=0.0.0.0 KB_PORT=8000 KB_LOG_FORMAT=json
WORKDIR /src

# The CPU build of torch first: an unpinned torch from PyPI is a multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

COPY pyproject.toml README.md ./
COPY ingest ingest
COPY service service
COPY ui ui
COPY eval eval
COPY app app
COPY corpus corpus
RUN pip install . && useradd --uid 10001 --create-home kb && mkdir -p /data && chown kb /data

USER kb
WORKDIR /home/kb
EXPOSE 8000
# Liveness only: readiness (the index answers) is /api/health, which the proxy may use.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/live', timeout=2)"
CMD ["kb", "serve"]
