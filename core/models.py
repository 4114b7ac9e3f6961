"""Abstract models the domain apps share."""

from django.db import models


class KeyedModel(models.Model):
    """A record with stored derived keys (diacritic-free search, Vietnamese sort) that
    `fill_keys()` computes from its fields. Saving fills them; bulk writers, which bypass
    `save()`, call `fill_keys()` on each object themselves."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """Set the derived key columns from the record's fields."""
