from django.urls import path

from loket.console import supervision, views

app_name = "console"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/<str:reference>/", views.case_detail, name="case"),
    path("cases/<str:reference>/answer/", views.case_answer, name="answer"),
    path("cases/<str:reference>/note/", views.case_note, name="note"),
    path("cases/<str:reference>/update/", views.case_update, name="update"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("chat/", views.chat, name="chat"),
    path("board/", views.board, name="board"),
    path("board/history.csv", supervision.history_csv, name="history"),
]
