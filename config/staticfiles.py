"""Static files: hashed, compressed names after `collectstatic`, served by WhiteNoise."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed and compressed storage, but before the first `collectstatic` (for example
    `runserver` without DEBUG) pages link the plain names, which WhiteNoise then serves from the app folders
    (settings turn its finders on when there is no manifest), instead of failing on every {% static %}."""

    def stored_name(self, name):
        if not self.hashed_files:
            return name
        return super().stored_name(name)
