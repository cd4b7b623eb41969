"""A project's interviews and themes, lessons learned and vision words: public pages and the
staff pages (interview_views, lesson_views)."""

from django.urls import URLPattern, path

from yhdessa.toolkit import interview_views as interviews
from yhdessa.toolkit import lesson_views as lessons

urlpatterns: list[URLPattern] = [
    # Public
    path("projects/<slug:slug>/findings/", interviews.project_findings, name="project_findings"),
    path("projects/<slug:slug>/lessons/", lessons.project_lessons, name="project_lessons"),
    path("projects/<slug:slug>/vision/", lessons.project_vision, name="project_vision"),
    # Interviews (staff)
    path(
        "staff/projects/<slug:slug>/interviews/", interviews.interview_list, name="interview_list"
    ),
    path(
        "staff/projects/<slug:slug>/interviews/new/",
        interviews.interview_create,
        name="interview_create",
    ),
    path(
        "staff/projects/<slug:slug>/interviews/themes/",
        interviews.theme_table,
        name="theme_table",
    ),
    path("staff/interviews/<int:pk>/", interviews.interview_detail, name="interview_detail"),
    path("staff/interviews/<int:pk>/edit/", interviews.interview_edit, name="interview_edit"),
    path("staff/interviews/<int:pk>/delete/", interviews.interview_delete, name="interview_delete"),
    path(
        "staff/interviews/<int:pk>/passages/new/",
        interviews.passage_create,
        name="passage_create",
    ),
    path("staff/passages/<int:pk>/edit/", interviews.passage_edit, name="passage_edit"),
    path("staff/passages/<int:pk>/delete/", interviews.passage_delete, name="passage_delete"),
    # The code list (project admins)
    path("staff/projects/<slug:slug>/interview-codes/", interviews.theme_list, name="theme_list"),
    path(
        "staff/projects/<slug:slug>/interview-codes/new/",
        interviews.theme_create,
        name="theme_create",
    ),
    path("staff/interview-codes/<int:pk>/edit/", interviews.theme_edit, name="theme_edit"),
    path("staff/interview-codes/<int:pk>/move/", interviews.theme_move, name="theme_move"),
    # Lessons and vision words (project admins)
    path("staff/projects/<slug:slug>/lessons/", lessons.knowledge_staff, name="knowledge_staff"),
    path("staff/projects/<slug:slug>/lessons/new/", lessons.lesson_create, name="lesson_create"),
    path("staff/lessons/<int:pk>/edit/", lessons.lesson_edit, name="lesson_edit"),
    path("staff/lessons/<int:pk>/delete/", lessons.lesson_delete, name="lesson_delete"),
    path(
        "staff/projects/<slug:slug>/vision/new/",
        lessons.vision_word_create,
        name="vision_word_create",
    ),
    path("staff/vision-words/<int:pk>/edit/", lessons.vision_word_edit, name="vision_word_edit"),
    path(
        "staff/vision-words/<int:pk>/delete/",
        lessons.vision_word_delete,
        name="vision_word_delete",
    ),
]
