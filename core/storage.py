"""Where uploaded and produced files are kept: under names the system makes."""

import os
import re
import secrets

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """The media root, where every stored file gets a random name in the folder its field
    chooses: nothing of the uploaded name reaches the disk, and no name can be guessed.

    Nothing serves this folder directly; files leave through `core.files.serve`."""

    def generate_filename(self, filename: str | os.PathLike[str]) -> str:
        folder, _sep, name = os.fspath(filename).replace("\\", "/").rpartition("/")
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        suffix = f".{suffix}" if re.fullmatch(r"[a-z0-9]{1,5}", suffix) else ""
        return super().generate_filename(f"{folder}/{secrets.token_hex(16)}{suffix}".lstrip("/"))
