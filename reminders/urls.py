from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path("", views.reminder_list, name="list"),
    path("<int:pk>/mo/", views.reminder_open, name="open"),
    path("da-doc/", views.reminder_read_all, name="read_all"),
    path("tuy-chon/", views.preferences, name="preferences"),
    path("tuy-chon/lich-moi/", views.feed_renew, name="feed_renew"),
    path("lich/", views.calendar_page, name="calendar"),
    path("lich/<str:token>.ics", views.feed, name="feed"),
]
