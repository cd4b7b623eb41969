from ninja import NinjaAPI

from yhdessa.api import accounts, directory, projects

api = NinjaAPI(
    title="Yhdessä API",
    version="1",
    description="Public data of projects, municipalities and organisations.",
    urls_namespace="api",
)
api.add_router("", projects.router)
api.add_router("", directory.router)
api.add_router("", accounts.router)
