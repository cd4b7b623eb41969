"""Tip lists (public) and the checklists adopted from them (staff), and a project's
publications."""

from django.urls import URLPattern, path

from yhdessa.toolkit import publication_views, tip_views

urlpatterns: list[URLPattern] = [
    path("tips/", tip_views.tip_list_index, name="tip_list_index"),
    path("tips/<slug:slug>/", tip_views.tip_list_detail, name="tip_list_detail"),
    path("tips/<slug:slug>/v<int:number>/", tip_views.tip_list_version, name="tip_list_version"),
    path("tips/<slug:slug>/adopt/", tip_views.tip_list_adopt, name="tip_list_adopt"),
    path("staff/tips/<slug:slug>/edit/", tip_views.tip_list_edit, name="tip_list_edit"),
    path("staff/tips/<slug:slug>/publish/", tip_views.tip_list_publish, name="tip_list_publish"),
    path("staff/checklists/", tip_views.checklist_list, name="checklist_list"),
    path("staff/checklists/<int:pk>/", tip_views.checklist_detail, name="checklist_detail"),
    path(
        "staff/checklist-items/<int:pk>/",
        tip_views.checklist_item_update,
        name="checklist_item_update",
    ),
    path(
        "projects/<slug:slug>/publications/",
        publication_views.publication_list,
        name="publication_list",
    ),
    path(
        "staff/projects/<slug:slug>/publications/new/",
        publication_views.publication_create,
        name="publication_create",
    ),
    path(
        "staff/publications/<int:pk>/edit/",
        publication_views.publication_edit,
        name="publication_edit",
    ),
    path(
        "staff/publications/<int:pk>/delete/",
        publication_views.publication_delete,
        name="publication_delete",
    ),
]
