"""The web console and the API documentation, served by the service itself from the built `console/dist`.

The console is a single-page application, a client of the public API only (`console/`, built by Vite). Its files
are served under `/console/`: a file that exists is sent as it is (hashed assets cached for a year, everything else
revalidated), and any other path under `/console/` that is not an asset gets `index.html`, so that the
application's own routes (`/console/concertations/…`) survive a reload. Every console response carries a strict
Content-Security-Policy: scripts, styles, fonts and API calls from this origin only (and the OpenID Connect
issuer, which the console talks to in production); no inline script, no framing.

`/docs` (Swagger UI) and `/redoc` (ReDoc) load their scripts from the console's `vendor/` folder, copied by the
console's build from the `swagger-ui-dist` and `redoc` npm packages: nothing comes from a CDN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from api.settings import Settings

PREFIX: Final = "/console"
_NOT_BUILT: Final = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Concertation console not built</title></head>
<body><h1>The console is not built</h1>
<p>Run <code>make run</code> (it builds it), or <code>npm --prefix console ci &amp;&amp;
npm --prefix console run build</code>. The API itself answers under <code>/v1</code>.</p></body></html>
"""


def content_security_policy(settings: Settings) -> str:
    """The console's policy: this origin only, plus the OpenID Connect issuer's origin for discovery and tokens."""
    connect = ["'self'"]
    if settings.external_issuer and settings.console_oidc_client_id:
        issuer = urlsplit(settings.external_issuer)
        if issuer.scheme in ("https", "http") and issuer.netloc:
            connect.append(f"{issuer.scheme}://{issuer.netloc}")
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src {' '.join(connect)}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'self'",
        )
    )


def console_config(settings: Settings) -> dict[str, object]:
    """What the console needs to know before anyone signs in: how to sign in, and where the documentation is."""
    oidc = None
    if settings.external_issuer and settings.console_oidc_client_id:
        oidc = {
            "authority": settings.external_issuer,
            "client_id": settings.console_oidc_client_id,
            "scope": settings.console_oidc_scope,
        }
    return {
        "dev_sign_in": settings.dev_issuer_enabled,
        "dev_issuer": settings.dev_issuer,
        "oidc": oidc,
        "docs_url": "/docs",
        "redoc_url": "/redoc",
    }


def _inside(root: Path, relative: str) -> Path | None:
    """The file `relative` names under `root`, or None (absent, a directory, or outside `root`)."""
    if "\x00" in relative:
        return None
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def build(settings: Settings) -> Starlette:
    """The `/console` application (mounted by `create_app`)."""
    root = settings.console_dir.resolve()
    security = {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }
    config = console_config(settings)

    async def config_json(request: Request) -> Response:
        return JSONResponse(config, headers={**security, "Cache-Control": "no-cache"})

    async def serve(request: Request) -> Response:
        relative = request.path_params.get("path", "")
        found = _inside(root, relative) if relative else None
        if found is not None:
            immutable = relative.startswith("assets/")
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(found, headers={**security, "Cache-Control": cache})
        if relative.startswith(("assets/", "vendor/")) or Path(relative).suffix:
            return Response("Not found", status_code=404, media_type="text/plain", headers=security)
        index = _inside(root, "index.html")
        if index is None:
            return HTMLResponse(_NOT_BUILT, status_code=503, headers={**security, "Retry-After": "60"})
        return FileResponse(index, headers={**security, "Cache-Control": "no-cache"})

    return Starlette(
        routes=[
            Route("/config.json", config_json),
            Route("/{path:path}", serve),
        ],
        middleware=[Middleware(GZipMiddleware, minimum_size=1024)],
    )


def install(app: FastAPI, settings: Settings) -> None:
    """Mount the console and add the offline documentation pages."""
    app.mount(PREFIX, build(settings), name="console")
    favicon = f"{PREFIX}/favicon.svg"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Concertation — API (Swagger UI)",
            swagger_js_url=f"{PREFIX}/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{PREFIX}/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url=favicon,
            swagger_ui_parameters={"persistAuthorization": False, "displayOperationId": True, "tryItOutEnabled": True},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Concertation — API (ReDoc)",
            redoc_js_url=f"{PREFIX}/vendor/redoc/redoc.standalone.js",
            redoc_favicon_url=favicon,
            with_google_fonts=False,
        )
