from django.urls import path

from loket.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.chat, name="chat"),
    path("chat.csv", views.chat_csv, name="chat-csv"),
    path("chat/table.csv", views.chat_export, {"kind": "csv"}, name="chat-table-csv"),
    path("chat/table.xlsx", views.chat_export, {"kind": "xlsx"}, name="chat-table-xlsx"),
    path("email/", views.email, name="email"),
    path("email/table.csv", views.email_export, {"kind": "csv"}, name="email-table-csv"),
    path("email/table.xlsx", views.email_export, {"kind": "xlsx"}, name="email-table-xlsx"),
    path("knowledge/", views.knowledge, name="knowledge"),
    path("knowledge/table.csv", views.knowledge_export, {"kind": "csv"}, name="knowledge-table-csv"),
    path("knowledge/table.xlsx", views.knowledge_export, {"kind": "xlsx"}, name="knowledge-table-xlsx"),
    path("definitions/", views.definitions, name="definitions"),
    path("wallboard/", views.wallboard, name="wallboard"),
    path("wallboard/figures", views.wallboard_figures, name="wallboard-figures"),
]
