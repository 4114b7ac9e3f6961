"""The news photos' pixels: check that an upload is a real photo and make its two sizes.

No database here: `news.services.image_add` stores what these functions produce.
"""

import io
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import pgettext
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

IMAGE_MAX_WIDTH = 1600
IMAGE_SMALL_WIDTH = 640
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
IMAGE_MAX_PIXELS = 40_000_000


def resized(image: Image.Image, width: int) -> tuple[bytes, tuple[int, int]]:
    copy = image.copy()
    if copy.width > width:
        copy.thumbnail((width, width * 10), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    # Re-encoding drops every metadata block (EXIF, GPS) the camera wrote.
    copy.save(output, format="JPEG", quality=82, optimize=True, progressive=True)
    return output.getvalue(), copy.size


def open_image(upload: Any) -> Image.Image:
    """Open and fully decode the upload; anything but a real photo is a ValidationError."""
    refused = ValidationError(
        {
            "image": pgettext(
                "news", "The file is not a photo (JPEG, PNG, WebP or GIF) or it is damaged."
            )
        }
    )
    # WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process when it is
    # imported (PDF reports); a cut-off upload must still be refused here.
    tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in IMAGE_FORMATS:
                raise refused
            if probe.width * probe.height > IMAGE_MAX_PIXELS:
                raise ValidationError(
                    {"image": pgettext("news", "The photo is too large (too many pixels).")}
                )
            probe.verify()
        upload.seek(0)
        image: Image.Image = Image.open(upload)
        image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise refused from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = tolerant
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    return image.convert("RGB")
