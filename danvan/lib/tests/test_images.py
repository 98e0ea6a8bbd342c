"""Pictures are vetted by decoding them: re-encoded without metadata, or refused with a Vietnamese reason."""

import io
import struct
import zlib

import pytest
from PIL import Image

from danvan.lib.uploads import UploadRejected, inspect_upload, make_thumbnail


def picture(fmt="PNG", size=(40, 30), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 128).save(out, fmt, **save)
    return out.getvalue()


def png_declaring(width, height) -> bytes:
    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def rejection(data, name="anh.png", **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as error:
        inspect_upload(data, name=name, allowed=kwargs.pop("allowed", ("image",)), **kwargs)
    return error.value


def test_a_picture_is_re_encoded_and_its_metadata_dropped():
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh bí mật"  # Make
    exif[0x8825] = {2: (10.0, 45.0, 0.0)}  # GPS
    original = picture("JPEG", exif=exif.tobytes())
    assert b"Exif" in original
    inspected = inspect_upload(original, name="ảnh.jpg", allowed=("image",))
    assert (inspected.kind, inspected.image_format, inspected.extension, inspected.content_type) == (
        "image",
        "jpeg",
        ".jpg",
        "image/jpeg",
    )
    assert b"Exif" not in inspected.data
    assert Image.open(io.BytesIO(inspected.data)).size == (40, 30)


def test_a_gif_is_stored_as_a_png_and_a_webp_stays_webp():
    assert inspect_upload(picture("GIF"), name="a.gif", allowed=("image",)).image_format == "png"
    assert inspect_upload(picture("WEBP"), name="a.webp", allowed=("image",)).image_format == "webp"


def test_whatever_follows_the_picture_is_dropped():
    data = picture() + b"<html><script>alert(1)</script></html>"
    assert b"<script" not in inspect_upload(data, name="x.html", allowed=("image",)).data


def test_a_web_page_behind_a_png_signature_is_refused():
    error = rejection(b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>", name="x.html")
    assert error.code == "broken_image"
    assert "không phải ảnh hợp lệ" in error.message and "«x.html»" in error.message


def test_a_truncated_picture_is_refused():
    assert rejection(picture(size=(300, 300), mode="RGB")[:200]).code == "broken_image"


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        b"<svg onload=alert(1)>",
        b"\xef\xbb\xbf<!-- drawn -->\n<svg viewBox='0 0 1 1'/>",
    ],
)
def test_an_svg_is_refused_as_an_svg_not_as_plain_text(data):
    error = rejection(data, name="logo.svg", allowed=("image", "docx"))
    assert error.code == "svg" and "ảnh SVG không được nhận" in error.message


def test_a_picture_with_too_many_pixels_is_refused_from_its_header():
    error = rejection(png_declaring(7_000, 7_000))  # 49 million: past the 40 million limit
    assert error.code == "image_bomb" and "7.000 × 7.000 điểm ảnh" in error.message
    assert rejection(png_declaring(40_000, 40_000)).code == "image_bomb"  # Pillow's own guard, earlier
    assert rejection(png_declaring(100, 100), max_pixels=5_000).code == "image_bomb"


def test_a_photo_has_its_own_byte_limit():
    error = rejection(picture(size=(400, 400)), max_image_bytes=100)
    assert error.code == "too_large"


def test_pictures_are_refused_where_only_documents_are_taken():
    error = rejection(picture(), allowed=("docx",))
    assert error.code == "not_office" and "Word/Excel gốc" in error.message


def test_a_pdf_is_taken_only_where_asked():
    assert inspect_upload(b"%PDF-1.7\n...", name="a.pdf", allowed=("pdf",)).content_type == "application/pdf"
    assert rejection(b"%PDF-1.7\n...", name="a.pdf", allowed=("docx",)).code == "not_office"


def test_a_thumbnail_is_a_small_jpeg():
    small = make_thumbnail(picture("PNG", size=(2000, 1000), mode="RGBA"))
    image = Image.open(io.BytesIO(small))
    assert image.format == "JPEG" and image.size == (480, 240)
    with pytest.raises(ValueError):
        make_thumbnail(b"<html></html>")
