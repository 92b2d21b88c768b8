"""The collective forces' API: formations and units here, the rest by concern."""

from ninja import Router

from . import deployment_api, readiness_api, training_api

router = Router(tags=["forces"])
router.add_router("", readiness_api.router)
router.add_router("", training_api.router)
router.add_router("", deployment_api.router)
