from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("them/", views.document_create, name="create"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/sua/", views.document_update, name="update"),
    path("<int:pk>/tep/", views.document_file, name="file"),
    path("<int:pk>/gui/", views.document_deliver, name="deliver"),
    path("gui-chi-bo/", views.delivery_matrix, name="matrix"),
    path("chuyen-de/", views.topic_list, name="topic_list"),
    path("chuyen-de/them/", views.topic_create, name="topic_create"),
    path("chuyen-de/<int:pk>/", views.topic_detail, name="topic_detail"),
    path("chuyen-de/<int:pk>/sua/", views.topic_update, name="topic_update"),
]
