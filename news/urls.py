from django.urls import path

from . import views
from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed

app_name = "news"
urlpatterns = [
    # The public site: no sign-in.
    path("", views.home, name="home"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("tim-kiem/", views.search, name="search"),
    path("rss/", views.feed_view(LatestArticlesFeed), name="feed_rss"),
    path("atom/", views.feed_view(LatestArticlesAtomFeed), name="feed_atom"),
    path("bai-viet/<slug:slug>/", views.article, name="article"),
    path("bai-viet/<slug:slug>/binh-luan/", views.comment_post, name="comment_post"),
    path("anh/<int:pk>/<str:size>/", views.photo, name="photo"),
    # The back office: news editor and committee office.
    path("quan-ly/", views.manage, name="manage"),
    path("quan-ly/bai-viet/them/", views.article_add, name="article_add"),
    path("quan-ly/bai-viet/<int:pk>/", views.article_edit, name="article_edit"),
    path("quan-ly/bai-viet/<int:pk>/xem-truoc/", views.article_preview, name="article_preview"),
    path("quan-ly/bai-viet/<int:pk>/dang/", views.article_publish, name="article_publish"),
    path("quan-ly/bai-viet/<int:pk>/go/", views.article_unpublish, name="article_unpublish"),
    path("quan-ly/bai-viet/<int:pk>/anh/", views.image_add, name="image_add"),
    path("quan-ly/anh/<int:pk>/", views.image_edit, name="image_edit"),
    path("quan-ly/anh/<int:pk>/xoa/", views.image_delete, name="image_delete"),
    path("quan-ly/chuyen-muc/", views.categories, name="categories"),
    path("quan-ly/chuyen-muc/<int:pk>/", views.category_edit, name="category_edit"),
    path("quan-ly/binh-luan/", views.moderation, name="moderation"),
    path("quan-ly/binh-luan/<int:pk>/duyet/", views.comment_moderate, name="comment_moderate"),
    path("quan-ly/binh-luan/<int:pk>/tra-loi/", views.comment_reply, name="comment_reply"),
]
