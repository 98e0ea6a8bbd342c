"""Photos: checked by decoding them with Pillow, re-encoded without metadata, or refused; thumbnails.

An upload is an image only when Pillow decodes all of it as the format its first bytes announce (JPEG,
PNG, GIF or WebP). Before any pixel is decoded the declared size is compared with a pixel limit, so a
small file that would expand into gigabytes (a decompression bomb) is refused from its header. The
accepted picture is encoded again: what is stored is pixels the product wrote (no EXIF/GPS, no comment
chunks, nothing appended after the image), in JPEG, PNG or WebP. A GIF becomes a PNG of its first frame.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable

from danvan.lib.uploads.errors import UploadRejected
from danvan.lib.uploads.text import _format_int

# 40 megapixels: more than any phone camera, and about 160 MB of RGBA while being re-encoded.
MAX_PIXELS = 40_000_000
THUMBNAIL_SIDE = 480

IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
# What a stored image is after re-encoding, by the format it was uploaded in.
STORED_FORMAT = {"png": "png", "jpeg": "jpeg", "gif": "png", "webp": "webp"}
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
_PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}

_SVG_RE = re.compile(rb"<svg[\s>]")


def image_format(data: bytes) -> str | None:
    """The image format by its first bytes (jpeg, png, gif, webp); None for anything else."""
    for signature, name in IMAGE_SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def looks_like_svg(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return bool(_SVG_RE.search(head)) and head.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--"))


def vet_image(
    data: bytes,
    *,
    reject: Callable[[str, str], UploadRejected],
    max_pixels: int = MAX_PIXELS,
) -> tuple[bytes, str]:
    """(re-encoded bytes, stored format) of a real picture; else raise what ``reject(code, text)`` makes."""
    from PIL import Image, ImageOps

    announced = image_format(data)
    if announced is None:
        raise reject("not_image", "không phải ảnh JPEG, PNG, GIF hay WebP.")
    broken = reject(
        "broken_image",
        "có phần đầu của ảnh nhưng nội dung không phải ảnh hợp lệ (ảnh hỏng, hoặc tệp khác đổi tên "
        "thành ảnh) nên không được nhận. Hãy mở ảnh, lưu lại thành JPEG hoặc PNG rồi tải lên lần nữa.",
    )
    with warnings.catch_warnings():
        # Pillow's own bomb guard (Image.MAX_IMAGE_PIXELS) warns, or raises past twice the limit;
        # both become a refusal here, on top of the explicit size check below.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != _PILLOW_FORMATS[announced]:
                    raise broken
                width, height = probe.size
                if width < 1 or height < 1:
                    raise broken
                if width * height > max_pixels:
                    raise reject(
                        "image_bomb",
                        f"là ảnh quá lớn ({_format_int(width)} × {_format_int(height)} điểm ảnh; giới hạn "
                        f"{_format_int(max_pixels // 1_000_000)} triệu điểm ảnh). "
                        "Hãy thu nhỏ ảnh rồi tải lên lại.",
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as picture:
                picture.load()
                stored = STORED_FORMAT[announced]
                return _encode(ImageOps.exif_transpose(picture), stored), stored
        except UploadRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise reject("image_bomb", "là ảnh quá lớn để xử lý. Hãy thu nhỏ ảnh rồi tải lên lại.") from exc
        except Exception as exc:  # untrusted bytes: any decoder failure means not a picture
            raise broken from exc


def make_thumbnail(data: bytes, *, side: int = THUMBNAIL_SIDE, max_pixels: int = MAX_PIXELS) -> bytes:
    """A JPEG at most ``side`` pixels wide and high; raises ValueError for anything not decodable."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as picture:
                if picture.size[0] * picture.size[1] > max_pixels:
                    raise ValueError("too many pixels")
                picture.draft("RGB", (side, side))  # JPEG: decode at a reduced scale, far less memory
                upright = ImageOps.exif_transpose(picture)
                upright.thumbnail((side, side))
                return _encode(upright, "jpeg", quality=80)
        except ValueError:
            raise
        except Exception as exc:
            raise ValueError(f"not a picture: {exc}") from exc


def _encode(picture, stored: str, *, quality: int = 88) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    if stored == "jpeg":
        if picture.mode in ("RGBA", "LA", "P", "PA"):
            picture = picture.convert("RGBA")
            flat = Image.new("RGB", picture.size, (255, 255, 255))
            flat.paste(picture, mask=picture.getchannel("A"))
            picture = flat
        elif picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        picture.save(out, "JPEG", quality=quality, optimize=True)
    elif stored == "png":
        if picture.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            picture = picture.convert("RGBA")
        picture.save(out, "PNG", optimize=True)
    else:
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA")
        picture.save(out, "WEBP", quality=quality)
    return out.getvalue()
